import { useState } from 'preact/hooks';
import { LIMITS, type ReportKind } from '@tribu/protocol/client';
import { ApiError, api } from '../../api/http.ts';
import { moderationApi } from '../../api/moderation.ts';
import { Modal } from '../people/Modal.tsx';
import { ErrorAlert } from '../ErrorAlert.tsx';
import { useI18n } from '../../i18n/index.tsx';

/** The reasons offered, by position in the catalogue's list; "other" lets the reporter write one. */
const OTHER = -1;

/** "Report": tells the community managers about a visitor message or a feed item, with a reason. */
export function ReportButton({ kind, targetId, class: cls = 'link' }: { kind: ReportKind; targetId: string; class?: string }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" class={`report-btn ${cls}`} aria-label={t.manage.moderation.reportThis[kind]} onClick={() => setOpen(true)}>
        {t.manage.moderation.report}
      </button>
      {open && <ReportDialog kind={kind} targetId={targetId} onClose={() => setOpen(false)} />}
    </>
  );
}

/** The report form itself, for a trigger of the caller's own (a message's menu). */
export function ReportDialog({ kind, targetId, onClose }: { kind: ReportKind; targetId: string; onClose: () => void }) {
  const { t } = useI18n();
  const w = t.manage.moderation;
  const [choice, setChoice] = useState(0);
  const [other, setOther] = useState('');
  const [state, setState] = useState<'idle' | 'sending' | 'sent'>('idle');
  const [error, setError] = useState<string | null>(null);
  // The reason goes to the managers in the reporter's words (as a written "other" reason does).
  const reason = choice === OTHER ? other.trim() : (w.reasons[choice] ?? '');
  const submit = async (e: Event) => {
    e.preventDefault();
    if (!reason) return setError(w.sayWhat);
    setState('sending');
    setError(null);
    try {
      // The CSRF token of this session, asked at the moment of reporting (reports are rare).
      const { csrfToken } = await api.me();
      await moderationApi.report(csrfToken, { kind, targetId, reason });
      setState('sent');
    } catch (err) {
      setState('idle');
      setError(err instanceof ApiError ? err.message : w.reportFailed);
    }
  };
  const close = onClose;
  return (
    <Modal label={w.reportThis[kind]} onClose={close} class="report-modal">
      {state === 'sent' ? (
        <div class="reason-form">
          <h3>{w.thanks}</h3>
          <p class="muted">{w.thanksBody}</p>
          <div class="reason-actions">
            <button type="button" class="primary small" onClick={close}>
              {t.common.close}
            </button>
          </div>
        </div>
      ) : (
        <form class="reason-form" onSubmit={submit}>
          <h3>{w.reportThis[kind]}</h3>
          <p class="muted">{w.reportIntro}</p>
          <fieldset class="report-reasons">
            <legend class="sr-only">{w.reason}</legend>
            {[...w.reasons.map((text, i) => ({ i, text })), { i: OTHER, text: w.other }].map((r) => (
              <label key={r.i}>
                <input type="radio" name="report-reason" value={r.i} checked={choice === r.i} onChange={() => setChoice(r.i)} />
                {r.text}
              </label>
            ))}
          </fieldset>
          {choice === OTHER && (
            <label>
              {w.inAFewWords}
              <input value={other} maxLength={LIMITS.reason} onInput={(e) => setOther(e.currentTarget.value)} />
            </label>
          )}
          <ErrorAlert message={error} />
          <div class="reason-actions">
            <button type="button" class="ghost" onClick={close}>
              {t.common.cancel}
            </button>
            <button type="submit" class="primary small" disabled={state === 'sending'}>
              {w.sendReport}
            </button>
          </div>
        </form>
      )}
    </Modal>
  );
}
