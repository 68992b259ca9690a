/** Calendar days as `YYYY-MM-DD` strings: arithmetic in UTC, so no time zone or DST shifts them. */
const DAY_MS = 86_400_000;
const toMs = (day: string) => Date.parse(`${day}T00:00:00Z`);
const toDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export const addDays = (day: string, n: number): string => toDay(toMs(day) + n * DAY_MS);

/** Days from `from` to `to`, both included. */
export const daysInPeriod = (from: string, to: string): number => Math.round((toMs(to) - toMs(from)) / DAY_MS) + 1;

/** Most days `eachDay` lists: ten years, far above any period a request may ask for. */
export const MAX_LISTED_DAYS = 3660;

/**
 * Every day from `from` to `to`, both included. The count is computed once, so the loop ends
 * whatever the days (comparing them as text does not: the day after 9999-12-31 is "+010000-01-01").
 */
export function eachDay(from: string, to: string): string[] {
  const n = daysInPeriod(from, to);
  if (!Number.isFinite(n)) throw new RangeError(`Not a period: ${from} to ${to}`);
  if (n > MAX_LISTED_DAYS) throw new RangeError(`A period of ${n} days is longer than ${MAX_LISTED_DAYS}`);
  return Array.from({ length: Math.max(0, n) }, (_, i) => addDays(from, i));
}

/** ISO weekday of a day: 1 Monday … 7 Sunday. */
export const isoWeekday = (day: string): number => ((new Date(toMs(day)).getUTCDay() + 6) % 7) + 1;

/** The same number of days just before (what a period is compared with). */
export function previousPeriod(from: string, to: string): { from: string; to: string } {
  const n = daysInPeriod(from, to);
  return { from: addDays(from, -n), to: addDays(from, -1) };
}

export const PERIOD_PRESETS = ['this-week', 'last-7', 'this-month', 'last-month', 'last-30', 'last-90'] as const;
export type PeriodPreset = (typeof PERIOD_PRESETS)[number];

/** A preset period, given today's date in the site's time zone. Weeks start on Monday. */
export function presetPeriod(preset: PeriodPreset, today: string): { from: string; to: string } {
  const month = today.slice(0, 7);
  switch (preset) {
    case 'this-week':
      return { from: addDays(today, 1 - isoWeekday(today)), to: today };
    case 'last-7':
      return { from: addDays(today, -6), to: today };
    case 'this-month':
      return { from: `${month}-01`, to: today };
    case 'last-month': {
      const end = addDays(`${month}-01`, -1);
      return { from: `${end.slice(0, 7)}-01`, to: end };
    }
    case 'last-30':
      return { from: addDays(today, -29), to: today };
    case 'last-90':
      return { from: addDays(today, -89), to: today };
  }
}

/** Today's date in a time zone (the clock is passed in). */
export function dayIn(timeZone: string, now: Date): string {
  // en-CA formats as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}
