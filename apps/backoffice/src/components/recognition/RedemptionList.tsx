import type { Redemption } from '@tribu/protocol/client';
import { STATUS_TEXT, pts, shortDate } from './words.ts';

function detail(r: Redemption): string | null {
  if (r.status === 'requested') return 'Waiting for a community manager.';
  if (r.status === 'approved') return 'Approved — on its way.';
  if (r.status === 'fulfilled') return r.message;
  return `${r.message ?? 'Declined'} · ${pts(r.cost)} returned`;
}

/** My redemptions with their status; a fulfilment code shows as text that is easy to copy. */
export function RedemptionList({ redemptions, manager = false }: { redemptions: Redemption[]; manager?: boolean }) {
  return (
    <section class="panel rec-panel" aria-labelledby="mine-h">
      <div class="panel-head">
        <h2 id="mine-h">My redemptions</h2>
      </div>
      {redemptions.length === 0 ? (
        <p class="encourage">{manager ? 'Nothing redeemed yet.' : 'Nothing redeemed yet. Treat yourself once you have the points — you earned them.'}</p>
      ) : (
        <ul class="redemptions">
          {redemptions.map((r) => (
            <li key={r.id}>
              <div class="red-main">
                <strong>{r.reward.name}</strong>
                <span class="muted small">
                  {shortDate(r.createdAt)} · {pts(r.cost)}
                </span>
              </div>
              <span class={`status ${r.status}`}>{STATUS_TEXT[r.status]}</span>
              {detail(r) && <p class={`red-detail ${r.status}`}>{r.status === 'fulfilled' ? <code>{detail(r)}</code> : detail(r)}</p>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
