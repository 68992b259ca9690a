import { useEffect, useState } from 'preact/hooks';
import { projectCoverage } from '@tribu/domain';
import type { KpiHeatCell, SitePledgesView } from '@tribu/protocol/client';
import { pledgesApi } from '../../api/care.ts';
import { useI18n } from '../../i18n/index.tsx';
import { slotText, weekdays } from './week.ts';
import '../../styles/care.css';

const HOURS = Array.from({ length: 24 }, (_, h) => h);

/**
 * Numbers › Pledged coverage: the helpers' soft weekly slots over the real heatmap of the period —
 * which gaps they would fill, which stay. A projection, never a promise: nobody is held to a pledge.
 */
export function PledgedCoverage({ siteId, heatmap }: { siteId: string; heatmap: KpiHeatCell[] }) {
  const { t, f } = useI18n();
  const w = t.community.care;
  const days = weekdays(f.locale);
  const shortDays = weekdays(f.locale, 'short');
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
  if (!view) return <p class="kpi-empty">{w.loadingPledges}</p>;
  const p = projectCoverage(heatmap, view.pledged);
  const cell = (weekday: number, hour: number) => p.cells.find((c) => c.weekday === weekday && c.hour === hour)!;
  const helpers = new Set(view.pledges.map((x) => x.userId)).size;
  return (
    <>
      <p class="kpi-heat-summary" data-testid="pledge-summary">
        {helpers === 0 ? (
          w.noPledges
        ) : (
          <>
            <strong>{f.plural(helpers, w.helpers)}</strong> {f.plural(helpers, w.pledgedHours)} {p.gaps === 0 ? w.noGapPeriod : w.wouldFill(p.filled, p.gaps)}
          </>
        )}
      </p>
      <div class="kpi-scroll" tabIndex={0} aria-label={w.coverageScroll}>
        <table class="kpi-heat pledge-heat">
          <caption class="sr-only">{w.coverageCaption(view.timeZone)}</caption>
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
            {days.map((day, i) => (
              <tr key={day}>
                <th scope="row" aria-label={day}>
                  {shortDays[i]}
                </th>
                {HOURS.map((h) => {
                  const c = cell(i + 1, h);
                  const cls = c.gap ? (c.projectedGap ? 'gap' : 'filled') : c.pledged > 0 ? 'pledged' : undefined;
                  const text = [w.cellPledged(`${day} ${h}:00`, c.pledged), c.gap ? (c.projectedGap ? w.gapOpen : w.gapFilled) : null]
                    .filter(Boolean)
                    .join(' — ');
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
      <div class="kpi-legend" aria-label={w.legend}>
        <span class="kpi-legend-item">
          <span class="kpi-swatch pledged num" aria-hidden="true">
            2
          </span>{' '}
          {w.legendPledged}
        </span>
        <span class="kpi-legend-item">
          <span class="kpi-swatch filled" aria-hidden="true" /> {w.legendFilled}
        </span>
        <span class="kpi-legend-item">
          <span class="kpi-swatch gap" aria-hidden="true" /> {w.legendOpen}
        </span>
        <span class="kpi-legend-item muted">{w.timesIn(view.timeZone)}</span>
      </div>
      {view.pledges.length > 0 && (
        <ul class="pledge-names small">
          {view.pledges.map((x) => (
            <li key={`${x.userId}-${x.weekday}-${x.startHour}`}>
              <strong>{x.name}</strong> {slotText(x, days)}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
