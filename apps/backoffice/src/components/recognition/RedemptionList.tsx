import type { Redemption } from '@tribu/protocol/client';
import { useI18n } from '../../i18n/index.tsx';
import { pts, type Words } from './words.ts';

function detail(r: Redemption, w: Words): string | null {
  const m = w.t.recognition.mine;
  if (r.status === 'requested') return m.waiting;
  if (r.status === 'approved') return m.approved;
  if (r.status === 'fulfilled') return r.message;
  return m.returned(r.message ?? m.declined, pts(r.cost, w));
}

/** My redemptions with their status; a fulfilment code shows as text that is easy to copy. */
export function RedemptionList({ redemptions, manager = false }: { redemptions: Redemption[]; manager?: boolean }) {
  const i18n = useI18n();
  const { t, f } = i18n;
  const m = t.recognition.mine;
  return (
    <section class="panel rec-panel" aria-labelledby="mine-h">
      <div class="panel-head">
        <h2 id="mine-h">{m.title}</h2>
      </div>
      {redemptions.length === 0 ? (
        <p class="encourage">{manager ? m.emptyManager : m.empty}</p>
      ) : (
        <ul class="redemptions">
          {redemptions.map((r) => (
            <li key={r.id}>
              <div class="red-main">
                <strong>{r.reward.name}</strong>
                <span class="muted small">
                  {f.date(r.createdAt)} · {pts(r.cost, i18n)}
                </span>
              </div>
              <span class={`status ${r.status}`}>{t.recognition.status[r.status]}</span>
              {detail(r, i18n) && <p class={`red-detail ${r.status}`}>{r.status === 'fulfilled' ? <code>{detail(r, i18n)}</code> : detail(r, i18n)}</p>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
