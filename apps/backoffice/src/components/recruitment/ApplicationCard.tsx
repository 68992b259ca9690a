import { Fragment } from 'preact';
import { useState } from 'preact/hooks';
import type { Application, InvitationSent } from '@tribu/protocol/client';
import { RECRUITMENT_LIMITS } from '@tribu/protocol/client';
import { ApiError } from '../../api/http.ts';
import { recruitmentApi } from '../../api/recruitment.ts';
import { languageName } from '../people/languages.ts';
import { CopyField } from './CopyField.tsx';
import { ErrorAlert } from '../ErrorAlert.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { useNow } from '../../hooks/useNow.ts';

interface Props {
  application: Application;
  siteId: string;
  csrf: string;
  mailConfigured: boolean;
  /** The invitation made for it on this page, if any (its link stays here to copy). */
  invitation?: InvitationSent;
  onInvited: (invitation: InvitationSent) => void;
  onChanged: () => void;
}

const WEEK = 7 * 86_400_000;

/** One application, readable at a glance, with what a manager can do next. */
export function ApplicationCard({ application: a, siteId, csrf, mailConfigured, invitation, onInvited, onChanged }: Props) {
  const { t, f } = useI18n();
  const w = t.manage.recruitment;
  const now = useNow(60_000);
  // "applied 3 days ago", then the date after a week.
  const applied = now - new Date(a.createdAt).getTime() < WEEK ? w.appliedAgo(f.relative(a.createdAt, now)) : w.appliedOn(f.date(a.createdAt));
  const [rejecting, setRejecting] = useState(false);
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const first = a.name.split(' ')[0];

  const act = async (work: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : w.retry);
    } finally {
      setBusy(false);
    }
  };
  const shortlist = () => act(async () => (await recruitmentApi.shortlist(csrf, siteId, a.id), onChanged()));
  const accept = () => act(async () => onInvited(await recruitmentApi.accept(csrf, siteId, a.id)));
  const reinvite = () => act(async () => onInvited(await recruitmentApi.reinvite(csrf, siteId, a.id)));
  const reject = (e: Event) => {
    e.preventDefault();
    return act(async () => {
      const { emailed } = await recruitmentApi.reject(csrf, siteId, a.id, message.trim());
      setNote(emailed ? w.messageEmailed(a.email) : null);
      setRejecting(false);
      onChanged();
    });
  };

  return (
    <article class="rc-card" aria-label={w.applicationFrom(a.name)}>
      <header class="rc-card-head">
        <div>
          <h3>{a.name}</h3>
          <p class="muted rc-meta">
            <a href={`mailto:${a.email}`}>{a.email}</a> ·{' '}
            <time dateTime={a.createdAt} title={f.dateTime(a.createdAt)}>
              {applied}
            </time>
          </p>
        </div>
        <ul class="rc-langs" aria-label={w.languages}>
          {a.languages.map((l) => (
            <li key={l} class="chip">
              {languageName(l, f.locale)}
            </li>
          ))}
        </ul>
      </header>
      <dl class="rc-answers">
        <dt>{w.whyHelp}</dt>
        <dd>{a.why}</dd>
        {a.experience && (
          <>
            <dt>{w.experience}</dt>
            <dd>{a.experience}</dd>
          </>
        )}
        {a.answers
          .filter((x) => x.answer)
          .map((x) => (
            <Fragment key={x.question}>
              <dt>{x.question}</dt>
              <dd>{x.answer}</dd>
            </Fragment>
          ))}
      </dl>
      {a.status === 'accepted' && !invitation && (
        <p class="rc-status">{a.joined ? w.joinedAcceptedBy(a.decidedByName ?? w.aManager) : w.invitedNotJoined(a.decidedAt ? f.date(a.decidedAt) : '')}</p>
      )}
      {a.status === 'rejected' && (
        <p class="rc-status">
          {a.decidedByName ? w.declinedBy(a.decidedByName) : w.declined}
          {a.decisionMessage ? ` · “${a.decisionMessage}”` : ''}
        </p>
      )}
      {invitation &&
        (invitation.emailed ? (
          <p class="rc-invited" role="status">
            {w.emailedOnce(invitation.email, f.date(invitation.expiresAt))}
          </p>
        ) : (
          <div class="rc-invited" role="status">
            <p>{w.sendLinkTo(first ?? a.name, f.date(invitation.expiresAt))}</p>
            <CopyField label={w.linkToSend(first ?? a.name)} value={invitation.link} />
          </div>
        ))}
      {note && (
        <p class="rc-invited" role="status">
          {note}
        </p>
      )}
      <ErrorAlert message={error} />
      {rejecting ? (
        <form class="rc-reject" onSubmit={reject}>
          <label>
            {w.messageTo(first ?? a.name, mailConfigured)}
            <textarea
              rows={3}
              maxLength={RECRUITMENT_LIMITS.decisionMessage}
              value={message}
              onInput={(e) => setMessage(e.currentTarget.value)}
              placeholder={w.rejectPlaceholder}
            />
          </label>
          <div class="rc-actions">
            <button type="submit" class="primary small danger-fill" disabled={busy}>
              {w.decline}
            </button>
            <button type="button" class="ghost" onClick={() => setRejecting(false)}>
              {t.common.cancel}
            </button>
          </div>
        </form>
      ) : (
        (a.status === 'new' || a.status === 'shortlisted' || (a.status === 'accepted' && !a.joined)) && (
          <div class="rc-actions">
            {(a.status === 'new' || a.status === 'shortlisted') && (
              <button type="button" class="primary small" disabled={busy} onClick={accept}>
                {w.accept}
              </button>
            )}
            {a.status === 'new' && (
              <button type="button" class="ghost" disabled={busy} onClick={shortlist}>
                {w.shortlist}
              </button>
            )}
            {(a.status === 'new' || a.status === 'shortlisted') && (
              <button type="button" class="ghost danger" disabled={busy} onClick={() => setRejecting(true)}>
                {w.reject}
              </button>
            )}
            {a.status === 'accepted' && !a.joined && (
              <button type="button" class="ghost" disabled={busy} onClick={reinvite}>
                {w.newLink}
              </button>
            )}
          </div>
        )
      )}
    </article>
  );
}
