import { useState } from 'preact/hooks';
import { LIMITS } from '@tribu/protocol/client';
import { Modal } from '../people/Modal.tsx';

const REASONS = ['Refund or return', 'Order problem', 'Account or payment', 'Complaint'];

/** Marks a chat as one for the brand's staff: it leaves the desk, the visitor is told, it never counts against you. */
export function NeedsStaffDialog({ onSend, onClose }: { onSend: (reason: string) => Promise<string | null>; onClose: () => void }) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = async (e: Event) => {
    e.preventDefault();
    const err = await onSend(reason.trim());
    if (err) setError(err);
    else onClose();
  };
  return (
    <Modal label="Needs staff" onClose={onClose}>
      <h2>Needs the brand's staff</h2>
      <p class="muted">
        For after-sales, refunds or accounts: volunteers can't solve those. A manager takes it from here, the visitor is told, and it never counts against you.
      </p>
      <form onSubmit={(e) => void submit(e)} class="staff-form">
        <div class="chips" role="group" aria-label="Common reasons">
          {REASONS.map((r) => (
            <button key={r} type="button" class={`chip-btn ${reason === r ? 'on' : ''}`} onClick={() => setReason(r)}>
              {r}
            </button>
          ))}
        </div>
        <label>
          Reason
          <textarea rows={2} maxLength={LIMITS.reason} value={reason} onInput={(e) => setReason(e.currentTarget.value)} />
        </label>
        {error && (
          <p class="alert" role="alert">
            {error}
          </p>
        )}
        <button type="submit" class="primary" disabled={!reason.trim()}>
          Send to staff
        </button>
      </form>
    </Modal>
  );
}
