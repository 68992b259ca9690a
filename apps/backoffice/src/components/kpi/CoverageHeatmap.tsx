import type { KpiHeatCell } from '@tribu/protocol/client';
import { useI18n } from '../../i18n/index.tsx';
import { weekdayName } from './format.ts';

const HOURS = Array.from({ length: 24 }, (_, h) => h);
const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7];

/**
 * Hour of day × day of week. The shade is how many helpers were online on average; the number is
 * how many requests came; a striped orange cell is a gap (requests, under half a helper on average).
 */
export function CoverageHeatmap({ cells, timeZone }: { cells: KpiHeatCell[]; timeZone: string }) {
  const { t, f } = useI18n();
  const w = t.manage.numbers;
  const one = (v: number) => f.number(Math.round(v * 10) / 10, 1);
  const maxHelpers = Math.max(1, ...cells.map((c) => c.helpersOnline));
  const at = (weekday: number, hour: number) => cells.find((c) => c.weekday === weekday && c.hour === hour)!;
  const gaps = cells.filter((c) => c.gap);
  const gapRequests = gaps.reduce((n, c) => n + c.requests, 0);
  return (
    <>
      <p class="kpi-heat-summary">
        {gaps.length === 0 ? (
          w.noGap
        ) : (
          <>
            <strong>{f.plural(gaps.length, w.gapHours)}</strong> {w.gapRest(f.plural(gapRequests, w.requestCount))}
          </>
        )}
      </p>
      <div class="kpi-scroll" tabIndex={0} aria-label={w.coverageScroll}>
        <table class="kpi-heat">
          <caption class="sr-only">{w.coverageCaption(timeZone)}</caption>
          <thead>
            <tr>
              <td />
              {HOURS.map((h) => (
                <th key={h} scope="col" aria-label={w.hour(h)}>
                  {h % 3 === 0 ? h : ''}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {WEEKDAYS.map((weekday) => {
              const day = weekdayName(f, weekday, true);
              return (
                <tr key={weekday}>
                  <th scope="row" aria-label={day}>
                    {weekdayName(f, weekday)}
                  </th>
                  {HOURS.map((h) => {
                    const c = at(weekday, h);
                    const shade = c.helpersOnline > 0 ? 0.12 + 0.6 * (c.helpersOnline / maxHelpers) : 0;
                    const text = w.cell(`${day} ${w.hour(h)}`, f.plural(c.requests, w.requestCount), one(c.helpersOnline), c.gap);
                    return (
                      <td
                        key={h}
                        class={c.gap ? 'gap' : shade > 0.55 ? 'dark' : undefined}
                        style={c.gap ? undefined : { background: shade > 0 ? `rgb(var(--heat) / ${shade.toFixed(2)})` : undefined }}
                        title={text}
                        data-cell={`${weekday}-${h}`}
                      >
                        <span aria-hidden="true">{c.requests > 0 ? c.requests : ''}</span>
                        <span class="sr-only">{text}</span>
                      </td>
                    );
                  })}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <div class="kpi-legend" aria-label={w.legend}>
        <span class="kpi-legend-item">
          <span class="kpi-ramp" aria-hidden="true" /> {w.legendHelpers(one(maxHelpers))}
        </span>
        <span class="kpi-legend-item">
          <span class="kpi-swatch num" aria-hidden="true">
            3
          </span>{' '}
          {w.legendRequests}
        </span>
        <span class="kpi-legend-item">
          <span class="kpi-swatch gap" aria-hidden="true" /> {w.legendGap}
        </span>
        <span class="kpi-legend-item muted">{w.timesIn(timeZone)}</span>
      </div>
    </>
  );
}
