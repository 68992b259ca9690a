import { useState } from 'preact/hooks';
import { LIMITS } from '@tribu/protocol/client';
import { Modal } from '../people/Modal.tsx';
import { useI18n } from '../../i18n/index.tsx';
/** Marks a chat as one for the brand's staff: it leaves the desk, the visitor is told, it never counts against you. */
export function NeedsStaffDialog({ onSend, onClose }: { onSend: (reason: string) => Promise<string | null>; onClose: () => void }) {
  const w = useI18n().t.desk.staff;
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = async (e: Event) => {
    e.preventDefault();
    const err = await onSend(reason.trim());
    if (err) setError(err);
    else onClose();
  };
  return (
    <Modal label={w.dialog} onClose={onClose}>
      <h2>{w.title}</h2>
      <p class="muted">{w.intro}</p>
      <form onSubmit={(e) => void submit(e)} class="staff-form">
        <div class="chips" role="group" aria-label={w.commonReasons}>
          {w.reasons.map((r) => (
            <button key={r} type="button" class={`chip-btn ${reason === r ? 'on' : ''}`} onClick={() => setReason(r)}>
              {r}
            </button>
          ))}
        </div>
        <label>
          {w.reason}
          <textarea rows={2} maxLength={LIMITS.reason} value={reason} onInput={(e) => setReason(e.currentTarget.value)} />
        </label>
        {error && (
          <p class="alert" role="alert">
            {error}
          </p>
        )}
        <button type="submit" class="primary" disabled={!reason.trim()}>
          {w.send}
        </button>
      </form>
    </Modal>
  );
}
