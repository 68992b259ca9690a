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

const TABS: { status: ApplicationStatus; label: string; empty: string }[] = [
  { status: 'new', label: 'New', empty: 'No new applications. Share your public page to invite more.' },
  { status: 'shortlisted', label: 'Shortlisted', empty: 'Nobody shortlisted. Shortlist promising applicants to come back to them.' },
  { status: 'accepted', label: 'Accepted', empty: 'Nobody accepted yet.' },
  { status: 'rejected', label: 'Rejected', empty: 'Nobody declined.' },
];

/** `/backoffice/manage/applications`: review applications, see the funnel, edit the questions. */
export function ApplicationsPage({ me, onSignedOut }: { me: Me; onSignedOut: () => void }) {
  return (
    <ManageShell me={me} onSignedOut={onSignedOut} title="Applications">
      {(siteId) => <Applications key={siteId} me={me} siteId={siteId} />}
    </ManageShell>
  );
}

function Applications({ me, siteId }: { me: Me; siteId: string }) {
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
        (e: unknown) => setError(e instanceof ApiError ? e.message : 'Applications could not load.'),
      ),
    [siteId],
  );
  useEffect(() => void load(), [load]);

  const invited = (id: string, name: string, invitation: InvitationSent) => {
    setSent((s) => ({ ...s, [id]: invitation }));
    setLatest({ name, invitation });
    void load();
  };

  const publicLink = membership ? `${location.origin}/backoffice/join/${membership.siteKey}` : '';
  const items = list?.items.filter((a) => a.status === tab) ?? [];
  const current = TABS.find((t) => t.status === tab)!;
  return (
    <>
      <header class="rc-head">
        <div>
          <h1>Applications</h1>
          <p class="muted">People who would like to help {membership?.siteName}. Read them, shortlist, welcome or decline — kindly.</p>
        </div>
      </header>
      <ErrorAlert message={error} />
      {list && (
        <>
          <Funnel funnel={list.funnel} />
          {!list.mailConfigured && (
            <p class="rc-note">Mail is not set up on this server: when you accept someone, you get their invitation link to send them yourself.</p>
          )}
          {latest && (
            <section class="rc-latest" role="status" aria-label="Invitation ready">
              <div class="rc-latest-text">
                <strong>{latest.name} is accepted.</strong>{' '}
                {latest.invitation.emailed
                  ? `Invitation emailed to ${latest.invitation.email}.`
                  : `Send them this invitation link by mail or message; it works once and expires in 7 days.`}
              </div>
              {!latest.invitation.emailed && <CopyField label={`Invitation link for ${latest.name}`} value={latest.invitation.link} />}
              <button type="button" class="link rc-dismiss" onClick={() => setLatest(null)}>
                Done
              </button>
            </section>
          )}
          <section class="rc-panel" aria-label="Applications by status">
            <div class="rc-tabs" role="tablist" aria-label="Status">
              {TABS.map((t) => (
                <button
                  key={t.status}
                  type="button"
                  role="tab"
                  id={`tab-${t.status}`}
                  aria-selected={tab === t.status}
                  aria-controls="rc-tabpanel"
                  class={tab === t.status ? 'on' : undefined}
                  onClick={() => setTab(t.status)}
                >
                  {t.label} <span class="rc-count">{list.counts[t.status]}</span>
                </button>
              ))}
            </div>
            <div id="rc-tabpanel" role="tabpanel" aria-labelledby={`tab-${tab}`} class="rc-list">
              {items.length === 0 ? (
                <p class="muted rc-empty">{current.empty}</p>
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
            <h2 id="share-title">Your public page</h2>
            <p class="muted">Link it from your site, newsletter or order mails. The widget also offers it to visitors who rate an answer 4 or 5.</p>
            <CopyField label="Public application page" value={publicLink} />
            <QuestionsEditor siteId={siteId} csrf={me.csrfToken} />
          </section>
        </>
      )}
    </>
  );
}
