import { useState } from 'preact/hooks';
import { daysInPeriod, presetPeriod, type PeriodPreset } from '@tribu/domain';
import { FIRST_QUERY_DAY, KPI_MAX_DAYS, LAST_QUERY_DAY, isCalendarDay } from '@tribu/protocol/client';
import { fmtDay } from './format.ts';

export type PeriodChoice = PeriodPreset | 'custom';
export interface Period {
  choice: PeriodChoice;
  from: string;
  to: string;
}

const LABELS: Record<PeriodChoice, string> = {
  'this-week': 'This week',
  'last-7': 'Last 7 days',
  'this-month': 'This month',
  'last-month': 'Last month',
  'last-30': 'Last 30 days',
  'last-90': 'Last 90 days',
  custom: 'Custom dates…',
};

/** The period: a preset from today (site time), or any dates up to a year apart. */
export function PeriodPicker({ period, today, onChange }: { period: Period; today: string; onChange: (p: Period) => void }) {
  const [from, setFrom] = useState(period.from);
  const [to, setTo] = useState(period.to);
  const problem =
    !from || !to
      ? 'Choose both dates.'
      : !isCalendarDay(from) || !isCalendarDay(to) || from < FIRST_QUERY_DAY || to > LAST_QUERY_DAY
        ? `Choose dates from ${fmtDay(FIRST_QUERY_DAY, true)}.`
        : from > to
          ? 'The start comes after the end.'
          : daysInPeriod(from, to) > KPI_MAX_DAYS
            ? `Choose at most ${KPI_MAX_DAYS} days.`
            : null;
  const choose = (choice: PeriodChoice) => {
    if (choice === 'custom') onChange({ choice, from: period.from, to: period.to });
    else onChange({ choice, ...presetPeriod(choice, today) });
    setFrom(choice === 'custom' ? period.from : presetPeriod(choice, today).from);
    setTo(choice === 'custom' ? period.to : presetPeriod(choice, today).to);
  };
  return (
    <form
      class="kpi-period"
      onSubmit={(e) => {
        e.preventDefault();
        if (!problem) onChange({ choice: 'custom', from, to });
      }}
    >
      <label>
        <span>Period</span>
        <select value={period.choice} onChange={(e) => choose(e.currentTarget.value as PeriodChoice)}>
          {(Object.keys(LABELS) as PeriodChoice[]).map((k) => (
            <option key={k} value={k}>
              {LABELS[k]}
            </option>
          ))}
        </select>
      </label>
      {period.choice === 'custom' && (
        <>
          <label>
            <span>From</span>
            <input type="date" value={from} min={FIRST_QUERY_DAY} max={today} onInput={(e) => setFrom(e.currentTarget.value)} />
          </label>
          <label>
            <span>To</span>
            <input type="date" value={to} min={FIRST_QUERY_DAY} max={today} onInput={(e) => setTo(e.currentTarget.value)} />
          </label>
          <button type="submit" class="primary small" disabled={problem !== null}>
            Show
          </button>
          {problem && from && to && <p class="alert small">{problem}</p>}
        </>
      )}
      <p class="kpi-range" aria-live="polite">
        {fmtDay(period.from, true)} – {fmtDay(period.to, true)} · {daysInPeriod(period.from, period.to)} days
      </p>
    </form>
  );
}
