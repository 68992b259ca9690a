import type { KpiSummary } from '@tribu/protocol/client';
import { useI18n } from '../../i18n/index.tsx';
import { fmtPct } from './format.ts';

/** Stars 5 to 1 as horizontal bars, each with its count and share of the ratings. */
export function RatingBars({ summary }: { summary: KpiSummary }) {
  const { t, f } = useI18n();
  const w = t.manage.numbers;
  const max = Math.max(1, ...summary.ratingCounts);
  if (summary.rated === 0) return <p class="kpi-empty">{w.noRatings}</p>;
  return (
    <ul class="kpi-stars" aria-label={w.ratingsByStars}>
      {[5, 4, 3, 2, 1].map((stars) => {
        const n = summary.ratingCounts[stars - 1]!;
        return (
          <li key={stars} aria-label={w.starsItem(stars, f.number(n))}>
            <span class="kpi-stars-label" aria-hidden="true">
              {stars} ★
            </span>
            <span class="kpi-stars-track" aria-hidden="true">
              <span class={`kpi-stars-bar s${stars}`} style={{ width: `${(n / max) * 100}%` }} />
            </span>
            <span class="kpi-stars-n" aria-hidden="true">
              {f.number(n)} <small>{fmtPct(f, n / summary.rated)}</small>
            </span>
          </li>
        );
      })}
    </ul>
  );
}
