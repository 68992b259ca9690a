import type { Reward } from '@tribu/protocol/client';
import { Medallion } from './Medallion.tsx';
import { blockedReason } from './words.ts';
import { useI18n } from '../../i18n/index.tsx';

interface Props {
  reward: Reward;
  balance: number;
  manager: boolean;
  onRedeem: () => void;
  onEdit: () => void;
}

/** One reward of the catalogue, with its cost, what is left and whether I can take it now. */
export function RewardCard({ reward, balance, manager, onRedeem, onEdit }: Props) {
  const i18n = useI18n();
  const { t, f } = i18n;
  const w = t.recognition.rewards;
  const blocked = blockedReason(reward, balance, i18n);
  const reasonId = `why-${reward.id}`;
  const progress = Math.min(1, balance / reward.cost);
  return (
    <li class={`reward-card ${blocked ? 'blocked' : 'ready'} ${reward.active ? '' : 'inactive'}`}>
      <div class="reward-top">
        <Medallion name={`reward-${reward.name}`} earned={reward.active && reward.stock !== 0} size={56} />
        <span class="reward-cost">
          <strong>{f.number(reward.cost)}</strong> {t.recognition.ptsUnit}
        </span>
      </div>
      <h3>{reward.name}</h3>
      {reward.description && <p class="reward-desc">{reward.description}</p>}
      <p class="reward-stock">{reward.stock === null ? w.unlimited : reward.stock === 0 ? t.recognition.blocked.outOfStock : w.left(reward.stock)}</p>
      {blocked && reward.active && reward.stock !== 0 && (
        <div class="reward-progress" aria-hidden="true">
          <span style={{ width: `${Math.round(progress * 100)}%` }} />
        </div>
      )}
      <div class="reward-foot">
        <button
          type="button"
          class="primary"
          disabled={blocked !== null}
          aria-describedby={blocked ? reasonId : undefined}
          onClick={onRedeem}
          aria-label={w.redeemName(reward.name)}
        >
          {w.redeem}
        </button>
        {/* Beside Redeem, not in the top row: a long cost would squeeze the gift and push Edit out of the card. */}
        {manager && (
          <button type="button" class="ghost small-btn" onClick={onEdit} aria-label={w.editName(reward.name)}>
            {w.edit}
          </button>
        )}
      </div>
      {blocked && (
        <span id={reasonId} class="why">
          {blocked}
        </span>
      )}
    </li>
  );
}
