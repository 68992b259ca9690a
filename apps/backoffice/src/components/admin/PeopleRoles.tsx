import { useEffect, useState } from 'preact/hooks';
import type { Role, SiteMember } from '@tribu/protocol/client';
import { adminApi } from '../../api/admin.ts';
import { InviteForm } from './InviteForm.tsx';

export const ROLE_NAMES: Record<Role, string> = { helper: 'Helper', moderator: 'Community manager', admin: 'Admin' };
const AS_A: Record<Role, string> = { helper: 'a helper', moderator: 'a community manager', admin: 'an admin' };

interface Props {
  siteId: string;
  csrf: string;
  selfId: string;
}

/** The site's people and their roles; admins change a role in place and invite managers and admins. */
export function PeopleRoles({ siteId, csrf, selfId }: Props) {
  const [members, setMembers] = useState<SiteMember[] | null>(null);
  const [mailConfigured, setMailConfigured] = useState(true);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  useEffect(() => {
    setMembers(null);
    adminApi.roles(siteId).then(
      (r) => {
        setMembers(r.members);
        setMailConfigured(r.mailConfigured);
      },
      (e: unknown) => setMessage({ ok: false, text: e instanceof Error ? e.message : 'Could not load the members' }),
    );
  }, [siteId]);

  const change = async (m: SiteMember, role: Role) => {
    setBusy(m.userId);
    setMessage(null);
    try {
      const updated = await adminApi.changeRole(csrf, siteId, m.userId, role);
      setMembers((list) => list?.map((x) => (x.userId === m.userId ? updated : x)) ?? null);
      setMessage({ ok: true, text: `${m.displayName} is now ${AS_A[role]}.` });
    } catch (e) {
      setMessage({ ok: false, text: e instanceof Error ? e.message : 'Could not change the role' });
    } finally {
      setBusy(null);
    }
  };

  const admins = members?.filter((m) => m.role === 'admin' && m.status === 'active').length ?? 0;
  return (
    <section class="admin-card" aria-labelledby="s-people">
      <h2 id="s-people">People and roles</h2>
      <p class="muted small">
        Helpers answer chats; community managers also recruit, moderate and run recognition; admins also change these settings and roles. Nobody changes their
        own role, and a site always keeps one admin.
      </p>
      {message && (
        <p class={message.ok ? 'saved' : 'alert'} role={message.ok ? 'status' : 'alert'}>
          {message.text}
        </p>
      )}
      {!members && !message && <p class="muted">Loading the members…</p>}
      {members && (
        <ul class="member-list">
          {members.map((m) => {
            const self = m.userId === selfId;
            const lastAdmin = m.role === 'admin' && admins <= 1;
            return (
              <li key={m.userId} class="member-row">
                {m.avatarUrl ? (
                  <img class="avatar" src={m.avatarUrl} alt="" />
                ) : (
                  <span class="avatar initial" aria-hidden="true">
                    {m.displayName.charAt(0).toUpperCase()}
                  </span>
                )}
                <span class="member-who">
                  <strong>
                    {m.displayName} {self && <span class="tag">You</span>} {m.status === 'suspended' && <span class="tag warn">Suspended</span>}
                  </strong>
                  <span class="muted small">{m.email}</span>
                </span>
                <select
                  aria-label={`Role of ${m.displayName}`}
                  value={m.role}
                  disabled={self || busy === m.userId}
                  title={self ? 'Ask another admin to change your role' : lastAdmin ? 'The last admin: make someone else admin first' : undefined}
                  onChange={(e) => void change(m, e.currentTarget.value as Role)}
                >
                  {(['helper', 'moderator', 'admin'] as const).map((r) => (
                    <option key={r} value={r} disabled={lastAdmin && r !== 'admin'}>
                      {ROLE_NAMES[r]}
                    </option>
                  ))}
                </select>
              </li>
            );
          })}
        </ul>
      )}
      <InviteForm siteId={siteId} csrf={csrf} mailConfigured={mailConfigured} />
    </section>
  );
}
