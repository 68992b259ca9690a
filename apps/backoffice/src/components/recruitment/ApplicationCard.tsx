import { Fragment } from 'preact';
import { useState } from 'preact/hooks';
import type { Application, InvitationSent } from '@tribu/protocol/client';
import { RECRUITMENT_LIMITS } from '@tribu/protocol/client';
import { ApiError } from '../../api/http.ts';
import { LANGUAGE_NAMES, recruitmentApi } from '../../api/recruitment.ts';
import { CopyField } from './CopyField.tsx';
import { ErrorAlert } from '../ErrorAlert.tsx';

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

const day = (iso: string) => new Date(iso).toLocaleDateString(undefined, { day: 'numeric', month: 'short', year: 'numeric' });

/** "today", "yesterday", "3 days ago", then the date after two weeks. */
function applied(iso: string): string {
  const days = Math.floor((Date.now() - new Date(iso).getTime()) / 86_400_000);
  if (days > 14) return `on ${day(iso)}`;
  return new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' }).format(-days, 'day');
}

/** One application, readable at a glance, with what a manager can do next. */
export function ApplicationCard({ application: a, siteId, csrf, mailConfigured, invitation, onInvited, onChanged }: Props) {
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
      setError(e instanceof ApiError ? e.message : 'That did not work; try again.');
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
      setNote(emailed ? `Your message was emailed to ${a.email}.` : null);
      setRejecting(false);
      onChanged();
    });
  };

  return (
    <article class="rc-card" aria-label={`Application from ${a.name}`}>
      <header class="rc-card-head">
        <div>
          <h3>{a.name}</h3>
          <p class="muted rc-meta">
            <a href={`mailto:${a.email}`}>{a.email}</a> · applied{' '}
            <time dateTime={a.createdAt} title={day(a.createdAt)}>
              {applied(a.createdAt)}
            </time>
          </p>
        </div>
        <ul class="rc-langs" aria-label="Languages">
          {a.languages.map((l) => (
            <li key={l} class="chip">
              {LANGUAGE_NAMES[l] ?? l}
            </li>
          ))}
        </ul>
      </header>
      <dl class="rc-answers">
        <dt>Why they would like to help</dt>
        <dd>{a.why}</dd>
        {a.experience && (
          <>
            <dt>Experience with the brand</dt>
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
        <p class="rc-status">
          {a.joined
            ? `Joined the community · accepted by ${a.decidedByName ?? 'a manager'}`
            : `Invited ${a.decidedAt ? day(a.decidedAt) : ''} · has not joined yet`}
        </p>
      )}
      {a.status === 'rejected' && (
        <p class="rc-status">
          Declined{a.decidedByName ? ` by ${a.decidedByName}` : ''}
          {a.decisionMessage ? ` · “${a.decisionMessage}”` : ''}
        </p>
      )}
      {invitation &&
        (invitation.emailed ? (
          <p class="rc-invited" role="status">
            Invitation emailed to {invitation.email}. The link works once and expires on {day(invitation.expiresAt)}.
          </p>
        ) : (
          <div class="rc-invited" role="status">
            <p>
              Send this link to {first} (by mail or message). It works once and expires on {day(invitation.expiresAt)}.
            </p>
            <CopyField label={`Link to send to ${first}`} value={invitation.link} />
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
            Message to {first} {mailConfigured ? '(emailed to them)' : '(kept with the application)'}
            <textarea
              rows={3}
              maxLength={RECRUITMENT_LIMITS.decisionMessage}
              value={message}
              onInput={(e) => setMessage(e.currentTarget.value)}
              placeholder="Thank them, and say why if you can."
            />
          </label>
          <div class="rc-actions">
            <button type="submit" class="primary small danger-fill" disabled={busy}>
              Decline application
            </button>
            <button type="button" class="ghost" onClick={() => setRejecting(false)}>
              Cancel
            </button>
          </div>
        </form>
      ) : (
        (a.status === 'new' || a.status === 'shortlisted' || (a.status === 'accepted' && !a.joined)) && (
          <div class="rc-actions">
            {(a.status === 'new' || a.status === 'shortlisted') && (
              <button type="button" class="primary small" disabled={busy} onClick={accept}>
                Accept
              </button>
            )}
            {a.status === 'new' && (
              <button type="button" class="ghost" disabled={busy} onClick={shortlist}>
                Shortlist
              </button>
            )}
            {(a.status === 'new' || a.status === 'shortlisted') && (
              <button type="button" class="ghost danger" disabled={busy} onClick={() => setRejecting(true)}>
                Reject
              </button>
            )}
            {a.status === 'accepted' && !a.joined && (
              <button type="button" class="ghost" disabled={busy} onClick={reinvite}>
                New invitation link
              </button>
            )}
          </div>
        )
      )}
    </article>
  );
}
