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
import { useI18n } from '../../i18n/index.tsx';
import { ErrorAlert } from '../ErrorAlert.tsx';
import { ComeBack } from '../care/ComeBack.tsx';
import { PledgedCoverage } from '../care/PledgedCoverage.tsx';
import { CareSection } from '../care/CareSection.tsx';

const browserZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
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
  const { t, f } = useI18n();
  const w = t.manage.numbers;
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
          <p class="eyebrow">{monthly ? w.monthlyEyebrow : w.eyebrow}</p>
          {/* The 1st at noon UTC is in that month in every time zone. */}
          <h1>{monthly ? w.monthTitle(f.month(`${period.from}T12:00:00Z`)) : w.title}</h1>
          <p class="kpi-print-period">
            {fmtDay(f, period.from, true)} – {fmtDay(f, period.to, true)}
            {report ? ` · ${report.timeZone}` : ''}
          </p>
          <div class="kpi-report-actions">
            <button type="button" class="ghost kpi-print" onClick={() => window.print()}>
              {w.print}
            </button>
            {!monthly && (
              <button type="button" class="ghost kpi-print" onClick={showLastMonth}>
                {w.lastMonthReport}
              </button>
            )}
          </div>
        </div>
        <PeriodPicker period={period} today={today} onChange={setPeriod} />
      </header>
      <ErrorAlert message={error} />
      {!report && !error && <p class="muted">{w.counting}</p>}
      {report && (
        <div class={`kpi-body${loading ? ' stale' : ''}`}>
          <Tiles report={report} />
          <div class="kpi-grid">
            <Section title={w.requestsPerDay} hint="requests" wide action={<CsvLink {...csv} table="daily" label={w.csv.daily} />}>
              <ul class="kpi-keys" aria-hidden="true">
                <li>
                  <span style={{ background: PALETTE.answered }} /> {w.answered}
                </li>
                <li>
                  <span style={{ background: PALETTE.missed }} /> {w.missed}
                </li>
                <li>
                  <span style={{ background: PALETTE.abandoned }} /> {w.abandoned}
                </li>
              </ul>
              <DailyChart daily={report.daily} />
            </Section>
            <Section title={w.timeToFirstAnswer} hint="firstAnswer" action={<CsvLink {...csv} table="daily" label={w.csv.firstAnswers} />}>
              <FirstAnswerChart daily={report.daily} median={report.summary.medianFirstAnswerSec} />
            </Section>
            <Section title={w.ratings} hint="rating" action={<CsvLink {...csv} table="ratings" label={w.csv.ratings} />}>
              <RatingBars summary={report.summary} />
            </Section>
            <PushAnswered siteId={siteId} from={period.from} to={period.to} />
            <Section title={w.coverage} hint="heatmap" wide action={<CsvLink {...csv} table="heatmap" label={w.csv.heatmap} />}>
              <CoverageHeatmap cells={report.heatmap} timeZone={report.timeZone} />
            </Section>
            <CareSection title={w.pledgedCoverage} hint={w.pledgedCoverageHint}>
              <PledgedCoverage siteId={siteId} heatmap={report.heatmap} />
            </CareSection>
            <Section title={w.helpers} hint="perHelper" wide action={<CsvLink {...csv} table="helpers" label={w.csv.helpers} />}>
              <HelperTable rows={report.perHelper} />
            </Section>
            <Section title={w.sales} hint="sales" wide action={<CsvLink {...csv} table="sales" label={w.csv.sales} extra={hourCost.csvQuery} />}>
              <SalesFigures sales={report.sales} />
              <HoursValue chatHours={report.summary.chatHours} fte={report.summary.fte} hourCost={hourCost} />
            </Section>
            <Section title={w.salesByHelper} hint="salesPerHelper" wide action={<CsvLink {...csv} table="sales-helpers" label={w.csv.salesHelpers} />}>
              <SalesHelperTable sales={report.sales} />
            </Section>
            <Section title={w.salesByTopic} hint="salesByTopic" action={<CsvLink {...csv} table="sales-topics" label={w.csv.salesTopics} />}>
              <SalesTopicTable sales={report.sales} />
            </Section>
            <Section title={w.salesByProduct} hint="salesByProduct" action={<CsvLink {...csv} table="sales-products" label={w.csv.salesProducts} />}>
              <SalesProductTable sales={report.sales} />
            </Section>
            <Section title={w.reengage} hint="inactiveHelpers" wide action={<CsvLink {...csv} table="inactive" label={w.csv.inactive} />}>
              <InactiveList rows={report.inactive} />
            </Section>
            <CareSection title={w.cameBack} hint={w.cameBackHint}>
              <ComeBack siteId={siteId} csrf={csrf} from={period.from} to={period.to} />
            </CareSection>
          </div>
        </div>
      )}
    </div>
  );
}
