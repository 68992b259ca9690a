import { useCallback, useEffect, useState } from 'preact/hooks';
import type { Me, TeamMember } from '@tribu/protocol/client';
import { ApiError } from '../../../api/http.ts';
import { moderationApi } from '../../../api/moderation.ts';
import { ManageShell } from '../../../components/manage/ManageShell.tsx';
import { ReferralCodesAdmin } from '../../../components/sales/ReferralCodesAdmin.tsx';
import { MemberActions } from '../../../components/moderation/MemberActions.tsx';
import { stamp } from '../../../components/manage/stamp.ts';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { useI18n } from '../../../i18n/index.tsx';

/** `/backoffice/manage/team`: the site's members with their activity; suspend, reinstate, remove. */
export function TeamPage({ me, onSignedOut }: { me: Me; onSignedOut: () => void }) {
  const { t } = useI18n();
  return (
    <ManageShell me={me} onSignedOut={onSignedOut} title={t.settings.team.title}>
      {(siteId) => <Team key={siteId} me={me} siteId={siteId} />}
    </ManageShell>
  );
}

function Team({ me, siteId }: { me: Me; siteId: string }) {
  const { t, f } = useI18n();
  const w = t.settings.team;
  const [members, setMembers] = useState<TeamMember[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(
    () =>
      moderationApi.team(siteId).then(
        (r) => {
          setMembers(r.members);
          setError(null);
        },
        (e: unknown) => setError(e instanceof ApiError ? e.message : w.loadFailed),
      ),
    [siteId],
  );
  useEffect(() => void load(), [load]);
  const site = me.memberships.find((m) => m.siteId === siteId);
  const siteName = site?.siteName ?? w.thisSite;
  const suspended = members?.filter((m) => m.status === 'suspended').length ?? 0;
  return (
    <>
      <header class="mod-head">
        <h1>{w.title}</h1>
        <p class="muted">
          {members ? f.plural(members.length, w.members) : w.membersHeading}
          {suspended > 0 && f.plural(suspended, w.suspendedCount)}. {site?.role === 'admin' ? w.asAdmin : w.asManager} {w.nobodySelf}
        </p>
      </header>
      <ErrorAlert message={error} />
      {members && (
        <table class="team-table">
          <thead>
            <tr>
              <th scope="col">{w.member}</th>
              <th scope="col">{w.role}</th>
              <th scope="col">{w.status}</th>
              <th scope="col">{w.joined}</th>
              <th scope="col">{w.answered}</th>
              <th scope="col">{w.lastSeen}</th>
              <th scope="col">
                <span class="sr-only">{w.actions}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {members.map((m) => (
              <tr key={m.userId} class={m.status === 'suspended' ? 'suspended' : ''}>
                <td data-label={w.member}>
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
                      {m.userId === me.user.id && <span class="mod-chip">{w.you}</span>}
                      <span class="muted small team-email">{m.email}</span>
                    </div>
                  </div>
                </td>
                <td data-label={w.role}>{t.settings.roleNames[m.role]}</td>
                <td data-label={w.status}>
                  {m.status === 'suspended' ? (
                    <span class="mod-status suspended" title={m.suspendedReason ?? ''}>
                      {w.suspended}
                    </span>
                  ) : (
                    <span class="mod-status active">{w.active}</span>
                  )}
                  {m.suspendedReason && <span class="muted small team-reason">{m.suspendedReason}</span>}
                </td>
                <td data-label={w.joined} class="nowrap">
                  {f.date(m.joinedAt)}
                </td>
                <td data-label={w.answered} class="num">
                  {f.number(m.chatsAnswered)}
                </td>
                <td data-label={w.lastSeen} class="nowrap">
                  {m.lastSeenAt ? stamp(f, m.lastSeenAt) : <span class="muted">{w.never}</span>}
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
