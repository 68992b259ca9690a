import { useState } from 'preact/hooks';
import { dayIn, presetPeriod } from '@tribu/domain';
import { useKpis } from '../../hooks/useKpis.ts';
import { CoverageHeatmap } from './CoverageHeatmap.tsx';
import { CsvLink } from './CsvLink.tsx';
import { DailyChart } from './DailyChart.tsx';
import { FirstAnswerChart } from './FirstAnswerChart.tsx';
import { HelperTable } from './HelperTable.tsx';
import { InactiveList } from './InactiveList.tsx';
import { PeriodPicker, type Period } from './PeriodPicker.tsx';
import { RatingBars } from './RatingBars.tsx';
import { Section } from './Section.tsx';
import { Tiles } from './Tiles.tsx';
import { PALETTE } from './format.ts';

const browserZone = Intl.DateTimeFormat().resolvedOptions().timeZone;

/** The managers' numbers for one site: headline tiles, charts, coverage, people; each table as CSV. */
export function NumbersDashboard({ siteId }: { siteId: string }) {
  const [zone, setZone] = useState(browserZone);
  const today = dayIn(zone, new Date());
  const [period, setPeriod] = useState<Period>(() => ({ choice: 'last-30', ...presetPeriod('last-30', today) }));
  const { report, error, loading } = useKpis(siteId, period.from, period.to);
  // Presets count days in the site's time zone once we know it.
  if (report && report.timeZone !== zone) setZone(report.timeZone);
  const csv = { siteId, from: period.from, to: period.to };
  return (
    <div class="kpi" aria-busy={loading}>
      <header class="kpi-head">
        <div>
          <p class="eyebrow">Community managers</p>
          <h1>Numbers</h1>
        </div>
        <PeriodPicker period={period} today={today} onChange={setPeriod} />
      </header>
      {error && (
        <p class="alert" role="alert">
          {error}
        </p>
      )}
      {!report && !error && <p class="muted">Counting…</p>}
      {report && (
        <div class={`kpi-body${loading ? ' stale' : ''}`}>
          <Tiles report={report} />
          <div class="kpi-grid">
            <Section
              title="Requests per day"
              hint="requests"
              wide
              action={<CsvLink {...csv} table="daily" what="requests per day" />}
            >
              <ul class="kpi-keys" aria-hidden="true">
                <li><span style={{ background: PALETTE.answered }} /> Answered</li>
                <li><span style={{ background: PALETTE.missed }} /> Missed</li>
                <li><span style={{ background: PALETTE.abandoned }} /> Abandoned</li>
              </ul>
              <DailyChart daily={report.daily} />
            </Section>
            <Section title="Time to first answer" hint="firstAnswer" action={<CsvLink {...csv} table="daily" what="first answers per day" />}>
              <FirstAnswerChart daily={report.daily} median={report.summary.medianFirstAnswerSec} />
            </Section>
            <Section title="Ratings" hint="rating" action={<CsvLink {...csv} table="ratings" what="ratings" />}>
              <RatingBars summary={report.summary} />
            </Section>
            <Section title="Coverage" hint="heatmap" wide action={<CsvLink {...csv} table="heatmap" what="coverage by hour" />}>
              <CoverageHeatmap cells={report.heatmap} timeZone={report.timeZone} />
            </Section>
            <Section title="Helpers" hint="perHelper" wide action={<CsvLink {...csv} table="helpers" what="the helpers table" />}>
              <HelperTable rows={report.perHelper} timeZone={report.timeZone} />
            </Section>
            <Section title="Helpers to re-engage" hint="inactiveHelpers" wide action={<CsvLink {...csv} table="inactive" what="helpers to re-engage" />}>
              <InactiveList rows={report.inactive} timeZone={report.timeZone} />
            </Section>
          </div>
        </div>
      )}
    </div>
  );
}
