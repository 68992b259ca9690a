import type { KpiSummary } from '@tribu/protocol/client';
import { fmtInt, fmtPct } from './format.ts';

/** Stars 5 to 1 as horizontal bars, each with its count and share of the ratings. */
export function RatingBars({ summary }: { summary: KpiSummary }) {
  const max = Math.max(1, ...summary.ratingCounts);
  if (summary.rated === 0) return <p class="kpi-empty">No ratings in this period.</p>;
  return (
    <ul class="kpi-stars" aria-label="Ratings by stars">
      {[5, 4, 3, 2, 1].map((stars) => {
        const n = summary.ratingCounts[stars - 1]!;
        return (
          <li key={stars} aria-label={`${stars} stars: ${n} chats`}>
            <span class="kpi-stars-label" aria-hidden="true">
              {stars} ★
            </span>
            <span class="kpi-stars-track" aria-hidden="true">
              <span class={`kpi-stars-bar s${stars}`} style={{ width: `${(n / max) * 100}%` }} />
            </span>
            <span class="kpi-stars-n" aria-hidden="true">
              {fmtInt(n)} <small>{fmtPct(n / summary.rated)}</small>
            </span>
          </li>
        );
      })}
    </ul>
  );
}
