import { useState } from 'preact/hooks';
import { LIMITS, type ReportKind } from '@tribu/protocol/client';
import { ApiError, api } from '../../api/http.ts';
import { moderationApi } from '../../api/moderation.ts';
import { Modal } from '../people/Modal.tsx';
import { ErrorAlert } from '../ErrorAlert.tsx';

const REASONS = ['Insults or harassment', 'Spam or advertising', 'Inappropriate content', 'Personal data shared'] as const;
const WHAT: Record<ReportKind, string> = { message: 'message', post: 'post', comment: 'comment' };

/** "Report": tells the community managers about a visitor message or a feed item, with a reason. */
export function ReportButton({ kind, targetId, class: cls = 'link' }: { kind: ReportKind; targetId: string; class?: string }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" class={`report-btn ${cls}`} aria-label={`Report this ${WHAT[kind]}`} onClick={() => setOpen(true)}>
        Report
      </button>
      {open && <ReportDialog kind={kind} targetId={targetId} onClose={() => setOpen(false)} />}
    </>
  );
}

/** The report form itself, for a trigger of the caller's own (a message's menu). */
export function ReportDialog({ kind, targetId, onClose }: { kind: ReportKind; targetId: string; onClose: () => void }) {
  const [choice, setChoice] = useState<string>(REASONS[0]);
  const [other, setOther] = useState('');
  const [state, setState] = useState<'idle' | 'sending' | 'sent'>('idle');
  const [error, setError] = useState<string | null>(null);
  const reason = choice === 'Other' ? other.trim() : choice;
  const submit = async (e: Event) => {
    e.preventDefault();
    if (!reason) return setError('Say in a few words what is wrong.');
    setState('sending');
    setError(null);
    try {
      // The CSRF token of this session, asked at the moment of reporting (reports are rare).
      const { csrfToken } = await api.me();
      await moderationApi.report(csrfToken, { kind, targetId, reason });
      setState('sent');
    } catch (err) {
      setState('idle');
      setError(err instanceof ApiError ? err.message : 'The report could not be sent; please retry.');
    }
  };
  const close = onClose;
  return (
    <Modal label={`Report this ${WHAT[kind]}`} onClose={close} class="report-modal">
      {state === 'sent' ? (
        <div class="reason-form">
          <h3>Thanks, it's reported</h3>
          <p class="muted">The community managers will look at it. Nothing else to do on your side.</p>
          <div class="reason-actions">
            <button type="button" class="primary small" onClick={close}>
              Close
            </button>
          </div>
        </div>
      ) : (
        <form class="reason-form" onSubmit={submit}>
          <h3>Report this {WHAT[kind]}</h3>
          <p class="muted">Only the community managers see reports. What is wrong?</p>
          <fieldset class="report-reasons">
            <legend class="sr-only">Reason</legend>
            {[...REASONS, 'Other'].map((r) => (
              <label key={r}>
                <input type="radio" name="report-reason" value={r} checked={choice === r} onChange={() => setChoice(r)} />
                {r}
              </label>
            ))}
          </fieldset>
          {choice === 'Other' && (
            <label>
              In a few words
              <input value={other} maxLength={LIMITS.reason} onInput={(e) => setOther(e.currentTarget.value)} />
            </label>
          )}
          <ErrorAlert message={error} />
          <div class="reason-actions">
            <button type="button" class="ghost" onClick={close}>
              Cancel
            </button>
            <button type="submit" class="primary small" disabled={state === 'sending'}>
              Send report
            </button>
          </div>
        </form>
      )}
    </Modal>
  );
}
