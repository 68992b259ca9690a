import { useState } from 'preact/hooks';
import type { Reward } from '@tribu/protocol/client';
import { Modal } from '../people/Modal.tsx';
import { pts } from './words.ts';

interface Props {
  reward: Reward;
  balance: number;
  onConfirm: () => Promise<string | null>;
  onClose: () => void;
}

/** "Redeem X for N points?" — points are reserved at once and come back if a manager declines. */
export function RedeemDialog({ reward, balance, onConfirm, onClose }: Props) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const confirm = async () => {
    setBusy(true);
    const err = await onConfirm();
    setBusy(false);
    if (err) setError(err);
    else onClose();
  };
  return (
    <Modal label={`Redeem ${reward.name}`} onClose={onClose}>
      <h2>Redeem “{reward.name}”?</h2>
      <p>
        It costs <strong>{pts(reward.cost)}</strong>. Your balance goes from {balance} to <strong>{balance - reward.cost}</strong>.
      </p>
      <p class="muted small">A community manager confirms it. If they can’t, every point comes back to you.</p>
      {error && <p class="alert">{error}</p>}
      <div class="modal-actions">
        <button type="button" class="ghost" onClick={onClose}>
          Cancel
        </button>
        <button type="button" class="primary" disabled={busy} onClick={() => void confirm()}>
          {busy ? 'Redeeming…' : 'Confirm redemption'}
        </button>
      </div>
    </Modal>
  );
}
