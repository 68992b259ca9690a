import type { KpiHeatCell } from '@tribu/protocol/client';
import { WEEKDAYS } from './format.ts';

const HOURS = Array.from({ length: 24 }, (_, h) => h);
const one = (v: number) => (Math.round(v * 10) / 10).toLocaleString('en-GB');

/**
 * Hour of day × day of week. The shade is how many helpers were online on average; the number is
 * how many requests came; a striped orange cell is a gap (requests, under half a helper on average).
 */
export function CoverageHeatmap({ cells, timeZone }: { cells: KpiHeatCell[]; timeZone: string }) {
  const maxHelpers = Math.max(1, ...cells.map((c) => c.helpersOnline));
  const at = (weekday: number, hour: number) => cells.find((c) => c.weekday === weekday && c.hour === hour)!;
  const gaps = cells.filter((c) => c.gap);
  const gapRequests = gaps.reduce((n, c) => n + c.requests, 0);
  return (
    <>
      <p class="kpi-heat-summary">
        {gaps.length === 0 ? (
          'No gap: whenever requests came, helpers were online.'
        ) : (
          <>
            <strong>
              {gaps.length} {gaps.length === 1 ? 'hour' : 'hours'} of the week
            </strong>{' '}
            had requests while nobody was online most of the time ({gapRequests} requests).
          </>
        )}
      </p>
      <div class="kpi-scroll" tabIndex={0} aria-label="Coverage by hour, scrolls sideways">
        <table class="kpi-heat">
          <caption class="sr-only">Requests and average helpers online per hour of the week ({timeZone} time)</caption>
          <thead>
            <tr>
              <td />
              {HOURS.map((h) => (
                <th key={h} scope="col" aria-label={`${h}:00`}>
                  {h % 3 === 0 ? h : ''}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {WEEKDAYS.map((day, i) => (
              <tr key={day}>
                <th scope="row" aria-label={day}>
                  {day.slice(0, 3)}
                </th>
                {HOURS.map((h) => {
                  const c = at(i + 1, h);
                  const shade = c.helpersOnline > 0 ? 0.12 + 0.88 * (c.helpersOnline / maxHelpers) : 0;
                  const text = `${day} ${h}:00: ${c.requests} ${c.requests === 1 ? 'request' : 'requests'}, ${one(c.helpersOnline)} helpers online on average${c.gap ? ' — gap' : ''}`;
                  return (
                    <td
                      key={h}
                      class={c.gap ? 'gap' : shade > 0.55 ? 'dark' : undefined}
                      style={c.gap ? undefined : { background: shade > 0 ? `rgba(0, 114, 178, ${shade.toFixed(2)})` : undefined }}
                      title={text}
                      data-cell={`${i + 1}-${h}`}
                    >
                      <span aria-hidden="true">{c.requests > 0 ? c.requests : ''}</span>
                      <span class="sr-only">{text}</span>
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div class="kpi-legend" aria-label="Legend">
        <span class="kpi-legend-item">
          <span class="kpi-ramp" aria-hidden="true" /> helpers online on average: 0 → {one(maxHelpers)}
        </span>
        <span class="kpi-legend-item">
          <span class="kpi-swatch num" aria-hidden="true">
            3
          </span>{' '}
          requests in that hour
        </span>
        <span class="kpi-legend-item">
          <span class="kpi-swatch gap" aria-hidden="true" /> gap: requests, nobody online most of the hour
        </span>
        <span class="kpi-legend-item muted">Times in {timeZone}</span>
      </div>
    </>
  );
}
