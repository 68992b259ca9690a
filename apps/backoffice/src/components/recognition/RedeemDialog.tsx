import { useState } from 'preact/hooks';
import type { Reward } from '@tribu/protocol/client';
import { Modal } from '../people/Modal.tsx';
import { pts } from './words.ts';
import { useI18n } from '../../i18n/index.tsx';

interface Props {
  reward: Reward;
  balance: number;
  onConfirm: () => Promise<string | null>;
  onClose: () => void;
}

/** "Redeem X for N points?" — points are reserved at once and come back if a manager declines. */
export function RedeemDialog({ reward, balance, onConfirm, onClose }: Props) {
  const i18n = useI18n();
  const { t, f } = i18n;
  const w = t.recognition.redeem;
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
    <Modal label={t.recognition.rewards.redeemName(reward.name)} onClose={onClose}>
      <h2>{w.title(reward.name)}</h2>
      <p>
        <strong>{w.costs(pts(reward.cost, i18n))}</strong> {w.balance(f.number(balance), f.number(balance - reward.cost))}
      </p>
      <p class="muted small">{w.confirmNote}</p>
      {error && <p class="alert">{error}</p>}
      <div class="modal-actions">
        <button type="button" class="ghost" onClick={onClose}>
          {t.common.cancel}
        </button>
        <button type="button" class="primary" disabled={busy} onClick={() => void confirm()}>
          {busy ? w.busy : w.confirm}
        </button>
      </div>
    </Modal>
  );
}
