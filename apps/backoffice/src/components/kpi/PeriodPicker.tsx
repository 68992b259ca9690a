import { useState } from 'preact/hooks';
import { daysInPeriod, presetPeriod, type PeriodPreset } from '@tribu/domain';
import { FIRST_QUERY_DAY, KPI_MAX_DAYS, LAST_QUERY_DAY, isCalendarDay } from '@tribu/protocol/client';
import { useI18n } from '../../i18n/index.tsx';
import { fmtDay } from './format.ts';

export type PeriodChoice = PeriodPreset | 'custom';
export interface Period {
  choice: PeriodChoice;
  from: string;
  to: string;
}

const CHOICES: PeriodChoice[] = ['this-week', 'last-7', 'this-month', 'last-month', 'last-30', 'last-90', 'custom'];

/** The period: a preset from today (site time), or any dates up to a year apart. */
export function PeriodPicker({ period, today, onChange }: { period: Period; today: string; onChange: (p: Period) => void }) {
  const { t, f } = useI18n();
  const w = t.manage.numbers;
  const [from, setFrom] = useState(period.from);
  const [to, setTo] = useState(period.to);
  const problem =
    !from || !to
      ? w.chooseBoth
      : !isCalendarDay(from) || !isCalendarDay(to) || from < FIRST_QUERY_DAY || to > LAST_QUERY_DAY
        ? w.chooseFrom(fmtDay(f, FIRST_QUERY_DAY, true))
        : from > to
          ? w.startAfterEnd
          : daysInPeriod(from, to) > KPI_MAX_DAYS
            ? w.atMost(KPI_MAX_DAYS)
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
        <span>{w.period}</span>
        <select value={period.choice} onChange={(e) => choose(e.currentTarget.value as PeriodChoice)}>
          {CHOICES.map((k) => (
            <option key={k} value={k}>
              {w.presets[k]}
            </option>
          ))}
        </select>
      </label>
      {period.choice === 'custom' && (
        <>
          <label>
            <span>{w.from}</span>
            <input type="date" value={from} min={FIRST_QUERY_DAY} max={today} onInput={(e) => setFrom(e.currentTarget.value)} />
          </label>
          <label>
            <span>{w.to}</span>
            <input type="date" value={to} min={FIRST_QUERY_DAY} max={today} onInput={(e) => setTo(e.currentTarget.value)} />
          </label>
          <button type="submit" class="primary small" disabled={problem !== null}>
            {w.show}
          </button>
          {problem && from && to && <p class="alert small">{problem}</p>}
        </>
      )}
      <p class="kpi-range" aria-live="polite">
        {w.range(fmtDay(f, period.from, true), fmtDay(f, period.to, true), f.plural(daysInPeriod(period.from, period.to), w.days))}
      </p>
    </form>
  );
}
