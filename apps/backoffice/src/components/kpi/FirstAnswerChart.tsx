import { useMemo } from 'preact/hooks';
import uPlot from 'uplot';
import { themeColour } from '../a11y/theme-colour.ts';
import type { KpiDay } from '@tribu/protocol/client';
import { useI18n } from '../../i18n/index.tsx';
import { PALETTE, fmtDay, fmtDuration } from './format.ts';
import { UPlotChart } from './UPlotChart.tsx';

const toTs = (day: string) => Date.parse(`${day}T00:00:00Z`) / 1000;
const dayOfTs = (ts: number) => new Date(ts * 1000).toISOString().slice(0, 10);

/** Median time to a first answer, day by day (gaps where nothing was answered), against the period's median. */
export function FirstAnswerChart({ daily, median }: { daily: KpiDay[]; median: number | null }) {
  const { t, f } = useI18n();
  const w = t.manage.numbers;
  const { data, options, readout } = useMemo(() => {
    const x = daily.map((d) => toTs(d.date));
    const perDay = daily.map((d) => (d.medianFirstAnswerSec === null ? null : d.medianFirstAnswerSec / 60));
    const overall = daily.map(() => (median === null ? null : median / 60));
    const options = (): Omit<uPlot.Options, 'width'> => ({
      height: 200,
      tzDate: (ts) => uPlot.tzDate(new Date(ts * 1000), 'Etc/UTC'),
      cursor: { drag: { x: false, y: false } },
      scales: { x: { time: true }, y: { range: (_u, _min, max) => [0, Math.max(1, Math.ceil(max * 1.15))] } },
      axes: [
        { stroke: themeColour('--muted', '#56625d'), grid: { show: false }, values: (_u, splits) => splits.map((s) => fmtDay(f, dayOfTs(s))) },
        {
          stroke: themeColour('--muted', '#56625d'),
          grid: { stroke: themeColour('--subtle', '#eef1ef') },
          size: 58,
          values: (_u, splits) => splits.map((s) => w.minutes(f.number(s, 1))),
        },
      ],
      series: [
        { label: w.day },
        {
          label: w.medianThatDay,
          stroke: PALETTE.firstAnswer,
          width: 2,
          spanGaps: false,
          points: { show: true, size: 5, fill: PALETTE.firstAnswer },
        },
        { label: w.periodMedian, stroke: themeColour('--muted', '#56625d'), width: 1, dash: [5, 5], points: { show: false } },
      ],
    });
    const readout = (i: number | null) => {
      const day = i === null ? null : daily[i];
      if (!day) return w.medianOverPeriod(fmtDuration(f, median));
      return w.dayReadout(
        fmtDay(f, day.date, true),
        day.medianFirstAnswerSec === null ? w.nothingAnswered : w.median(fmtDuration(f, day.medianFirstAnswerSec)),
      );
    };
    return { data: [x, perDay, overall] as uPlot.AlignedData, options, readout };
  }, [daily, median, w, f]);
  return <UPlotChart options={options} readout={readout} data={data} label={w.firstAnswerLabel(fmtDuration(f, median))} />;
}
