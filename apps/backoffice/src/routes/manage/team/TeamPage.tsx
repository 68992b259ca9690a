import { useCallback, useEffect, useState } from 'preact/hooks';
import type { Me, TeamMember } from '@tribu/protocol/client';
import { ApiError } from '../../../api/http.ts';
import { moderationApi } from '../../../api/moderation.ts';
import { ManageShell } from '../../../components/manage/ManageShell.tsx';
import { ReferralCodesAdmin } from '../../../components/sales/ReferralCodesAdmin.tsx';
import { MemberActions } from '../../../components/moderation/MemberActions.tsx';
import { stamp } from '../../../components/moderation/words.ts';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';

const ROLE: Record<TeamMember['role'], string> = { helper: 'Helper', moderator: 'Community manager', admin: 'Admin' };

/** `/backoffice/manage/team`: the site's members with their activity; suspend, reinstate, remove. */
export function TeamPage({ me, onSignedOut }: { me: Me; onSignedOut: () => void }) {
  return (
    <ManageShell me={me} onSignedOut={onSignedOut} title="Team">
      {(siteId) => <Team key={siteId} me={me} siteId={siteId} />}
    </ManageShell>
  );
}

function Team({ me, siteId }: { me: Me; siteId: string }) {
  const [members, setMembers] = useState<TeamMember[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(
    () =>
      moderationApi.team(siteId).then(
        (r) => {
          setMembers(r.members);
          setError(null);
        },
        (e: unknown) => setError(e instanceof ApiError ? e.message : 'The team could not load.'),
      ),
    [siteId],
  );
  useEffect(() => void load(), [load]);
  const site = me.memberships.find((m) => m.siteId === siteId);
  const siteName = site?.siteName ?? 'this site';
  const suspended = members?.filter((m) => m.status === 'suspended').length ?? 0;
  return (
    <>
      <header class="mod-head">
        <h1>Team</h1>
        <p class="muted">
          {members ? `${members.length} members` : 'Members'}
          {suspended > 0 && ` · ${suspended} suspended`}.{' '}
          {site?.role === 'admin'
            ? 'As an admin you act on helpers and community managers.'
            : 'Community managers act on helpers; admins also on community managers.'}{' '}
          Nobody acts on themselves.
        </p>
      </header>
      <ErrorAlert message={error} />
      {members && (
        <table class="team-table">
          <thead>
            <tr>
              <th scope="col">Member</th>
              <th scope="col">Role</th>
              <th scope="col">Status</th>
              <th scope="col">Joined</th>
              <th scope="col">Chats answered</th>
              <th scope="col">Last seen</th>
              <th scope="col">
                <span class="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {members.map((m) => (
              <tr key={m.userId} class={m.status === 'suspended' ? 'suspended' : ''}>
                <td data-label="Member">
                  <div class="team-who">
                    {m.avatarUrl ? (
                      <img class="avatar" src={m.avatarUrl} alt="" />
                    ) : (
                      <span class="avatar initial" aria-hidden="true">
                        {m.displayName.charAt(0).toUpperCase()}
                      </span>
                    )}
                    <div>
                      <strong>{m.displayName}</strong>
                      {m.userId === me.user.id && <span class="mod-chip">You</span>}
                      <span class="muted small team-email">{m.email}</span>
                    </div>
                  </div>
                </td>
                <td data-label="Role">{ROLE[m.role]}</td>
                <td data-label="Status">
                  {m.status === 'suspended' ? (
                    <span class="mod-status suspended" title={m.suspendedReason ?? ''}>
                      Suspended
                    </span>
                  ) : (
                    <span class="mod-status active">Active</span>
                  )}
                  {m.suspendedReason && <span class="muted small team-reason">{m.suspendedReason}</span>}
                </td>
                <td data-label="Joined" class="nowrap">
                  {new Date(m.joinedAt).toLocaleDateString(undefined, { day: 'numeric', month: 'short', year: 'numeric' })}
                </td>
                <td data-label="Chats answered" class="num">
                  {m.chatsAnswered}
                </td>
                <td data-label="Last seen" class="nowrap">
                  {m.lastSeenAt ? stamp(m.lastSeenAt) : <span class="muted">never</span>}
                </td>
                <td class="team-cell-actions">
                  <MemberActions member={m} siteId={siteId} csrf={me.csrfToken} siteName={siteName} onChanged={() => void load()} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <ReferralCodesAdmin siteId={siteId} csrf={me.csrfToken} />
    </>
  );
}
