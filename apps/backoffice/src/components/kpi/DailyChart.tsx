import { useMemo } from 'preact/hooks';
import uPlot from 'uplot';
import { themeColour } from '../a11y/theme-colour.ts';
import type { KpiDay } from '@tribu/protocol/client';
import { useI18n } from '../../i18n/index.tsx';
import { PALETTE, fmtDay } from './format.ts';
import { UPlotChart } from './UPlotChart.tsx';

const toTs = (day: string) => Date.parse(`${day}T00:00:00Z`) / 1000;
const utc = (ts: number) => uPlot.tzDate(new Date(ts * 1000), 'Etc/UTC');
const dayOfTs = (ts: number) => new Date(ts * 1000).toISOString().slice(0, 10);

/** Bars the width of a day, whatever the number of days. */
const bars = uPlot.paths.bars!({ size: [0.72, 28], gap: 1 });

/**
 * Requests per day as stacked bars: answered at the bottom, then missed, then abandoned. uPlot
 * has no stacking, so each series is drawn as a running total, the tallest first.
 */
export function DailyChart({ daily }: { daily: KpiDay[] }) {
  const { t, f } = useI18n();
  const w = t.manage.numbers;
  const { data, options, readout } = useMemo(() => {
    const x = daily.map((d) => toTs(d.date));
    const answered = daily.map((d) => d.answered);
    const missed = daily.map((d) => d.answered + d.missed);
    const total = daily.map((d) => d.answered + d.missed + d.abandoned);
    const raw = { answered: daily.map((d) => d.answered), missed: daily.map((d) => d.missed), abandoned: daily.map((d) => d.abandoned) };
    const series = (key: keyof typeof raw): uPlot.Series => ({
      label: w[key],
      fill: PALETTE[key],
      stroke: PALETTE[key],
      width: 0,
      paths: bars,
      points: { show: false },
    });
    const options = (): Omit<uPlot.Options, 'width'> => ({
      height: 240,
      tzDate: utc,
      cursor: { points: { show: false }, drag: { x: false, y: false } },
      scales: {
        x: { time: true, range: (_u, min, max) => [min - 43_200, max + 43_200] },
        y: { range: (_u, _min, max) => [0, Math.max(4, Math.ceil(max * 1.1))] },
      },
      axes: [
        { stroke: themeColour('--muted', '#56625d'), grid: { show: false }, values: (_u, splits) => splits.map((s) => fmtDay(f, dayOfTs(s))) },
        {
          stroke: themeColour('--muted', '#56625d'),
          grid: { stroke: themeColour('--subtle', '#eef1ef') },
          size: 36,
          values: (_u, splits) => splits.map((s) => f.number(s, 1)),
        },
      ],
      series: [{ label: w.day }, series('abandoned'), series('missed'), series('answered')],
    });
    const readout = (i: number | null) => {
      const pick = i === null ? null : daily[i];
      const sum = (k: keyof typeof raw) => (pick ? pick[k] : raw[k].reduce((n, v) => n + v, 0));
      const total = sum('answered') + sum('missed') + sum('abandoned');
      return w.dailyReadout(
        pick ? fmtDay(f, pick.date, true) : w.wholePeriod,
        f.number(total),
        f.number(sum('answered')),
        f.number(sum('missed')),
        f.number(sum('abandoned')),
      );
    };
    return { data: [x, total, missed, answered] as uPlot.AlignedData, options, readout };
  }, [daily, w, f]);
  const sum = (k: 'answered' | 'missed' | 'abandoned') => f.number(daily.reduce((n, d) => n + d[k], 0));
  return <UPlotChart options={options} readout={readout} data={data} label={w.dailyLabel(sum('answered'), sum('missed'), sum('abandoned'))} />;
}
