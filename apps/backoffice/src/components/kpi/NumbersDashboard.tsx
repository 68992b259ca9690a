import { useEffect, useState } from 'preact/hooks';
import { PERIOD_PRESETS, dayIn, presetPeriod, type PeriodPreset } from '@tribu/domain';
import { useKpis } from '../../hooks/useKpis.ts';
import { CoverageHeatmap } from './CoverageHeatmap.tsx';
import { CsvLink } from './CsvLink.tsx';
import { DailyChart } from './DailyChart.tsx';
import { FirstAnswerChart } from './FirstAnswerChart.tsx';
import { HelperTable } from './HelperTable.tsx';
import { InactiveList } from './InactiveList.tsx';
import { PeriodPicker, type Period } from './PeriodPicker.tsx';
import { RatingBars } from './RatingBars.tsx';
import { HoursValue, SalesFigures, SalesHelperTable, SalesProductTable, SalesTopicTable, useHourCost } from './SalesSection.tsx';
import { Section } from './Section.tsx';
import { PushAnswered } from '../push/PushAnswered.tsx';
import { Tiles } from './Tiles.tsx';
import { PALETTE, fmtDay } from './format.ts';
import { ErrorAlert } from '../ErrorAlert.tsx';
import { ComeBack } from '../care/ComeBack.tsx';
import { PledgedCoverage } from '../care/PledgedCoverage.tsx';
import { CareSection } from '../care/CareSection.tsx';

const browserZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
/** "April 2026" for `2026-04-01`. */
const fmtMonth = (day: string) => new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${day}T12:00:00Z`));
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The period in the address (`?period=last-month` or `?from=…&to=…`), so a view can be reloaded or shared. */
function periodFromAddress(today: string): Period {
  const q = new URLSearchParams(window.location.search);
  const from = q.get('from') ?? '';
  const to = q.get('to') ?? '';
  if (DAY.test(from) && DAY.test(to) && from <= to) return { choice: 'custom', from, to };
  const preset = q.get('period') as PeriodPreset | null;
  const choice = preset && PERIOD_PRESETS.includes(preset) ? preset : 'last-30';
  return { choice, ...presetPeriod(choice, today) };
}

function periodToAddress(p: Period) {
  const query = p.choice === 'custom' ? `?from=${p.from}&to=${p.to}` : `?period=${p.choice}`;
  window.history.replaceState(window.history.state, '', `${window.location.pathname}${query}`);
}

/** The managers' numbers for one site: headline tiles, charts, coverage, people; each table as CSV. */
export function NumbersDashboard({ siteId, csrf }: { siteId: string; csrf?: string }) {
  const [zone, setZone] = useState(browserZone);
  const today = dayIn(zone, new Date());
  const [period, setPeriodState] = useState<Period>(() => periodFromAddress(today));
  // The monthly report (the mail's link, or the button): one calendar month, printed as it is.
  const [monthly, setMonthly] = useState(() => new URLSearchParams(window.location.search).get('report') === 'monthly');
  const setPeriod = (p: Period) => {
    setPeriodState(p);
    setMonthly(false);
    periodToAddress(p);
  };
  const showLastMonth = () => {
    const p: Period = { choice: 'last-month', ...presetPeriod('last-month', today) };
    setPeriodState(p);
    setMonthly(true);
    window.history.replaceState(window.history.state, '', `${window.location.pathname}?period=last-month&report=monthly`);
  };
  const { report, error, loading } = useKpis(siteId, period.from, period.to);
  // Presets count days in the site's time zone once we know it.
  const siteZone = report?.timeZone;
  useEffect(() => {
    if (siteZone) setZone(siteZone);
  }, [siteZone]);
  const csv = { siteId, from: period.from, to: period.to };
  const hourCost = useHourCost(report?.sales.all.revenue[0]?.currency);
  return (
    <div class={monthly ? 'kpi kpi-monthly' : 'kpi'} aria-busy={loading}>
      <header class="kpi-head">
        <div>
          <p class="eyebrow">{monthly ? 'Monthly report' : 'Community managers'}</p>
          <h1>{monthly ? `${fmtMonth(period.from)} in numbers` : 'Numbers'}</h1>
          <p class="kpi-print-period">
            {fmtDay(period.from, true)} – {fmtDay(period.to, true)}
            {report ? ` · ${report.timeZone}` : ''}
          </p>
          <div class="kpi-report-actions">
            <button type="button" class="ghost kpi-print" onClick={() => window.print()}>
              Print this report
            </button>
            {!monthly && (
              <button type="button" class="ghost kpi-print" onClick={showLastMonth}>
                Last month's report
              </button>
            )}
          </div>
        </div>
        <PeriodPicker period={period} today={today} onChange={setPeriod} />
      </header>
      <ErrorAlert message={error} />
      {!report && !error && <p class="muted">Counting…</p>}
      {report && (
        <div class={`kpi-body${loading ? ' stale' : ''}`}>
          <Tiles report={report} />
          <div class="kpi-grid">
            <Section title="Requests per day" hint="requests" wide action={<CsvLink {...csv} table="daily" what="requests per day" />}>
              <ul class="kpi-keys" aria-hidden="true">
                <li>
                  <span style={{ background: PALETTE.answered }} /> Answered
                </li>
                <li>
                  <span style={{ background: PALETTE.missed }} /> Missed
                </li>
                <li>
                  <span style={{ background: PALETTE.abandoned }} /> Abandoned
                </li>
              </ul>
              <DailyChart daily={report.daily} />
            </Section>
            <Section title="Time to first answer" hint="firstAnswer" action={<CsvLink {...csv} table="daily" what="first answers per day" />}>
              <FirstAnswerChart daily={report.daily} median={report.summary.medianFirstAnswerSec} />
            </Section>
            <Section title="Ratings" hint="rating" action={<CsvLink {...csv} table="ratings" what="ratings" />}>
              <RatingBars summary={report.summary} />
            </Section>
            <PushAnswered siteId={siteId} from={period.from} to={period.to} />
            <Section title="Coverage" hint="heatmap" wide action={<CsvLink {...csv} table="heatmap" what="coverage by hour" />}>
              <CoverageHeatmap cells={report.heatmap} timeZone={report.timeZone} />
            </Section>
            <CareSection
              title="Pledged coverage"
              hint="Helpers' soft weekly slots (“Sundays 18–20, usually”) over this period's gaps: which ones they would fill. A projection, not a promise."
            >
              <PledgedCoverage siteId={siteId} heatmap={report.heatmap} />
            </CareSection>
            <Section title="Helpers" hint="perHelper" wide action={<CsvLink {...csv} table="helpers" what="the helpers table" />}>
              <HelperTable rows={report.perHelper} timeZone={report.timeZone} />
            </Section>
            <Section title="Sales" hint="sales" wide action={<CsvLink {...csv} table="sales" what="the sales figures" extra={hourCost.csvQuery} />}>
              <SalesFigures sales={report.sales} />
              <HoursValue chatHours={report.summary.chatHours} fte={report.summary.fte} hourCost={hourCost} />
            </Section>
            <Section title="Sales by helper" hint="salesPerHelper" wide action={<CsvLink {...csv} table="sales-helpers" what="sales by helper" />}>
              <SalesHelperTable sales={report.sales} />
            </Section>
            <Section title="Sales by topic" hint="salesByTopic" action={<CsvLink {...csv} table="sales-topics" what="sales by topic" />}>
              <SalesTopicTable sales={report.sales} />
            </Section>
            <Section title="Sales by product" hint="salesByProduct" action={<CsvLink {...csv} table="sales-products" what="sales by product" />}>
              <SalesProductTable sales={report.sales} />
            </Section>
            <Section title="Helpers to re-engage" hint="inactiveHelpers" wide action={<CsvLink {...csv} table="inactive" what="helpers to re-engage" />}>
              <InactiveList rows={report.inactive} timeZone={report.timeZone} />
            </Section>
            <CareSection
              title="Came back"
              hint="Helpers who got the “we miss you” note in this period, and whether they were online again within the site's inactivity days after it."
            >
              <ComeBack siteId={siteId} csrf={csrf} from={period.from} to={period.to} />
            </CareSection>
          </div>
        </div>
      )}
    </div>
  );
}
