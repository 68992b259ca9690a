import type { Reward } from '@tribu/protocol/client';
import { Medallion } from './Medallion.tsx';
import { blockedReason } from './words.ts';

interface Props {
  reward: Reward;
  balance: number;
  manager: boolean;
  onRedeem: () => void;
  onEdit: () => void;
}

/** One reward of the catalogue, with its cost, what is left and whether I can take it now. */
export function RewardCard({ reward, balance, manager, onRedeem, onEdit }: Props) {
  const blocked = blockedReason(reward, balance);
  const reasonId = `why-${reward.id}`;
  const progress = Math.min(1, balance / reward.cost);
  return (
    <li class={`reward-card ${blocked ? 'blocked' : 'ready'} ${reward.active ? '' : 'inactive'}`}>
      <div class="reward-top">
        <Medallion name={`reward-${reward.name}`} earned={reward.active && reward.stock !== 0} size={56} />
        <span class="reward-cost">
          <strong>{reward.cost.toLocaleString('en')}</strong> pts
        </span>
      </div>
      <h3>{reward.name}</h3>
      {reward.description && <p class="reward-desc">{reward.description}</p>}
      <p class="reward-stock">{reward.stock === null ? 'Unlimited' : reward.stock === 0 ? 'Out of stock' : `${reward.stock} left`}</p>
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
          aria-label={`Redeem ${reward.name}`}
        >
          Redeem
        </button>
        {/* Beside Redeem, not in the top row: a long cost would squeeze the gift and push Edit out of the card. */}
        {manager && (
          <button type="button" class="ghost small-btn" onClick={onEdit} aria-label={`Edit ${reward.name}`}>
            Edit
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
