import { useEffect, useState } from 'preact/hooks';
import type { Role, SiteMember } from '@tribu/protocol/client';
import { adminApi } from '../../api/admin.ts';
import { InviteForm } from './InviteForm.tsx';
import { useI18n } from '../../i18n/index.tsx';

interface Props {
  siteId: string;
  csrf: string;
  selfId: string;
}

/** The site's people and their roles; admins change a role in place and invite managers and admins. */
export function PeopleRoles({ siteId, csrf, selfId }: Props) {
  const { t } = useI18n();
  const w = t.settings.people;
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
      (e: unknown) => setMessage({ ok: false, text: e instanceof Error ? e.message : w.loadFailed }),
    );
  }, [siteId]);

  const change = async (m: SiteMember, role: Role) => {
    setBusy(m.userId);
    setMessage(null);
    try {
      const updated = await adminApi.changeRole(csrf, siteId, m.userId, role);
      setMembers((list) => list?.map((x) => (x.userId === m.userId ? updated : x)) ?? null);
      setMessage({ ok: true, text: w.nowRole[role](m.displayName) });
    } catch (e) {
      setMessage({ ok: false, text: e instanceof Error ? e.message : w.changeFailed });
    } finally {
      setBusy(null);
    }
  };

  const admins = members?.filter((m) => m.role === 'admin' && m.status === 'active').length ?? 0;
  return (
    <section class="admin-card" aria-labelledby="s-people">
      <h2 id="s-people">{w.title}</h2>
      <p class="muted small">{w.intro}</p>
      {message && (
        <p class={message.ok ? 'saved' : 'alert'} role={message.ok ? 'status' : 'alert'}>
          {message.text}
        </p>
      )}
      {!members && !message && <p class="muted">{w.loading}</p>}
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
                    {m.displayName} {self && <span class="tag">{w.you}</span>} {m.status === 'suspended' && <span class="tag warn">{w.suspended}</span>}
                  </strong>
                  <span class="muted small">{m.email}</span>
                </span>
                <select
                  aria-label={w.roleOf(m.displayName)}
                  value={m.role}
                  disabled={self || busy === m.userId}
                  title={self ? w.askAnother : lastAdmin ? w.lastAdmin : undefined}
                  onChange={(e) => void change(m, e.currentTarget.value as Role)}
                >
                  {(['helper', 'moderator', 'admin'] as const).map((r) => (
                    <option key={r} value={r} disabled={lastAdmin && r !== 'admin'}>
                      {t.settings.roleNames[r]}
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
