import { useEffect, useState } from 'preact/hooks';
import { projectCoverage } from '@tribu/domain';
import type { KpiHeatCell, SitePledgesView } from '@tribu/protocol/client';
import { pledgesApi } from '../../api/care.ts';
import { DAYS, slotText } from './PledgesCard.tsx';
import '../../styles/care.css';

const HOURS = Array.from({ length: 24 }, (_, h) => h);

/**
 * Numbers › Pledged coverage: the helpers' soft weekly slots over the real heatmap of the period —
 * which gaps they would fill, which stay. A projection, never a promise: nobody is held to a pledge.
 */
export function PledgedCoverage({ siteId, heatmap }: { siteId: string; heatmap: KpiHeatCell[] }) {
  const [view, setView] = useState<SitePledgesView | null>(null);
  useEffect(() => {
    let live = true;
    pledgesApi.all(siteId).then(
      (v) => live && setView(v),
      () => live && setView(null),
    );
    return () => {
      live = false;
    };
  }, [siteId]);
  if (!view) return <p class="kpi-empty">Loading the pledges…</p>;
  const p = projectCoverage(heatmap, view.pledged);
  const cell = (weekday: number, hour: number) => p.cells.find((c) => c.weekday === weekday && c.hour === hour)!;
  const helpers = new Set(view.pledges.map((x) => x.userId)).size;
  return (
    <>
      <p class="kpi-heat-summary" data-testid="pledge-summary">
        {helpers === 0 ? (
          'No helper has pledged hours yet. Helpers add theirs on their profile (“When I’m usually around”).'
        ) : (
          <>
            <strong>
              {helpers} {helpers === 1 ? 'helper' : 'helpers'}
            </strong>{' '}
            pledged hours.{' '}
            {p.gaps === 0
              ? 'There was no gap in this period.'
              : `They would fill ${p.filled} of the ${p.gaps} gap ${p.gaps === 1 ? 'hour' : 'hours'} of this period.`}
          </>
        )}
      </p>
      <div class="kpi-scroll" tabIndex={0} aria-label="Pledged coverage by hour, scrolls sideways">
        <table class="kpi-heat pledge-heat">
          <caption class="sr-only">Helpers who pledged each hour of the week, beside the gaps of the period ({view.timeZone} time)</caption>
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
            {DAYS.map((day, i) => (
              <tr key={day}>
                <th scope="row" aria-label={day}>
                  {day.slice(0, 3)}
                </th>
                {HOURS.map((h) => {
                  const c = cell(i + 1, h);
                  const cls = c.gap ? (c.projectedGap ? 'gap' : 'filled') : c.pledged > 0 ? 'pledged' : undefined;
                  const text = `${day} ${h}:00: ${c.pledged} pledged${c.gap ? (c.projectedGap ? ' — gap, still open' : ' — gap the pledges would fill') : ''}`;
                  return (
                    <td key={h} class={cls} title={text} data-cell={`${i + 1}-${h}`}>
                      <span aria-hidden="true">{c.pledged > 0 ? c.pledged : ''}</span>
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
          <span class="kpi-swatch pledged num" aria-hidden="true">
            2
          </span>{' '}
          helpers who pledged that hour
        </span>
        <span class="kpi-legend-item">
          <span class="kpi-swatch filled" aria-hidden="true" /> gap the pledges would fill
        </span>
        <span class="kpi-legend-item">
          <span class="kpi-swatch gap" aria-hidden="true" /> gap still open
        </span>
        <span class="kpi-legend-item muted">Times in {view.timeZone}</span>
      </div>
      {view.pledges.length > 0 && (
        <ul class="pledge-names small">
          {view.pledges.map((x) => (
            <li key={`${x.userId}-${x.weekday}-${x.startHour}`}>
              <strong>{x.name}</strong> {slotText(x)}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
