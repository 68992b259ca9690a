import { useCallback, useEffect, useState } from 'preact/hooks';
import type { ApplicationList, ApplicationStatus, InvitationSent, Me } from '@tribu/protocol/client';
import { ApiError } from '../../../api/http.ts';
import { recruitmentApi } from '../../../api/recruitment.ts';
import { ManageShell } from '../../../components/manage/ManageShell.tsx';
import { ApplicationCard } from '../../../components/recruitment/ApplicationCard.tsx';
import { CopyField } from '../../../components/recruitment/CopyField.tsx';
import { Funnel } from '../../../components/recruitment/Funnel.tsx';
import { QuestionsEditor } from '../../../components/recruitment/QuestionsEditor.tsx';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { useI18n } from '../../../i18n/index.tsx';

const TABS: ApplicationStatus[] = ['new', 'shortlisted', 'accepted', 'rejected'];

/** `/backoffice/manage/applications`: review applications, see the funnel, edit the questions. */
export function ApplicationsPage({ me, onSignedOut }: { me: Me; onSignedOut: () => void }) {
  const { t } = useI18n();
  return (
    <ManageShell me={me} onSignedOut={onSignedOut} title={t.manage.recruitment.title}>
      {(siteId) => <Applications key={siteId} me={me} siteId={siteId} />}
    </ManageShell>
  );
}

function Applications({ me, siteId }: { me: Me; siteId: string }) {
  const { t, f } = useI18n();
  const w = t.manage.recruitment;
  const membership = me.memberships.find((m) => m.siteId === siteId);
  const [list, setList] = useState<ApplicationList | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [tab, setTab] = useState<ApplicationStatus>('new');
  /** Invitations made on this page, by application, so the link stays on its card to copy. */
  const [sent, setSent] = useState<Record<string, InvitationSent>>({});
  /** The latest acceptance, shown above the list: the card itself moves to the Accepted tab. */
  const [latest, setLatest] = useState<{ name: string; invitation: InvitationSent } | null>(null);

  const load = useCallback(
    () =>
      recruitmentApi.list(siteId).then(
        (l) => {
          setList(l);
          setError(null);
        },
        (e: unknown) => setError(e instanceof ApiError ? e.message : w.loadFailed),
      ),
    [siteId, w],
  );
  useEffect(() => void load(), [load]);

  const invited = (id: string, name: string, invitation: InvitationSent) => {
    setSent((s) => ({ ...s, [id]: invitation }));
    setLatest({ name, invitation });
    void load();
  };

  const publicLink = membership ? `${location.origin}/backoffice/join/${membership.siteKey}` : '';
  const items = list?.items.filter((a) => a.status === tab) ?? [];
  return (
    <>
      <header class="rc-head">
        <div>
          <h1>{w.title}</h1>
          <p class="muted">{w.intro(membership?.siteName ?? '')}</p>
        </div>
      </header>
      <ErrorAlert message={error} />
      {list && (
        <>
          <Funnel funnel={list.funnel} />
          {!list.mailConfigured && <p class="rc-note">{w.noMail}</p>}
          {latest && (
            <section class="rc-latest" role="status" aria-label={w.invitationReady}>
              <div class="rc-latest-text">
                <strong>{w.isAccepted(latest.name)}</strong> {latest.invitation.emailed ? w.invitationEmailed(latest.invitation.email) : w.sendThisLink}
              </div>
              {!latest.invitation.emailed && <CopyField label={w.invitationLinkFor(latest.name)} value={latest.invitation.link} />}
              <button type="button" class="link rc-dismiss" onClick={() => setLatest(null)}>
                {w.done}
              </button>
            </section>
          )}
          <section class="rc-panel" aria-label={w.byStatus}>
            <div class="rc-tabs" role="tablist" aria-label={w.status}>
              {TABS.map((status) => (
                <button
                  key={status}
                  type="button"
                  role="tab"
                  id={`tab-${status}`}
                  aria-selected={tab === status}
                  aria-controls="rc-tabpanel"
                  class={tab === status ? 'on' : undefined}
                  onClick={() => setTab(status)}
                >
                  {w.tabs[status].label} <span class="rc-count">{f.number(list.counts[status])}</span>
                </button>
              ))}
            </div>
            <div id="rc-tabpanel" role="tabpanel" aria-labelledby={`tab-${tab}`} class="rc-list">
              {items.length === 0 ? (
                <p class="muted rc-empty">{w.tabs[tab].empty}</p>
              ) : (
                items.map((a) => (
                  <ApplicationCard
                    key={a.id}
                    application={a}
                    siteId={siteId}
                    csrf={me.csrfToken}
                    mailConfigured={list.mailConfigured}
                    invitation={sent[a.id]}
                    onInvited={(inv) => invited(a.id, a.name, inv)}
                    onChanged={() => void load()}
                  />
                ))
              )}
            </div>
          </section>
          <section class="rc-panel rc-side" aria-labelledby="share-title">
            <h2 id="share-title">{w.publicPage}</h2>
            <p class="muted">{w.publicIntro}</p>
            <CopyField label={w.publicLink} value={publicLink} />
            <QuestionsEditor siteId={siteId} csrf={me.csrfToken} />
          </section>
        </>
      )}
    </>
  );
}
