import type { DigestFrequency } from '@tribu/protocol';
import { addDays, isoWeekday } from '../kpi/period.ts';

/** Fortnights are counted from this Monday, so every node and every year agrees on where one starts. */
export const FORTNIGHT_ANCHOR = '2024-01-01';

const DAY_MS = 86_400_000;
const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);

/**
 * The last digest period that is over on `today` (a day of the site's calendar), both days
 * included: weekly = the Monday–Sunday week before this one; fortnightly = the two such weeks
 * before the fortnight `today` is in (counted from 2024-01-01); monthly = last calendar month.
 * Null when the digest is off.
 */
export function lastDigestPeriod(frequency: DigestFrequency, today: string): { from: string; to: string } | null {
  const monday = addDays(today, 1 - isoWeekday(today));
  switch (frequency) {
    case 'off':
      return null;
    case 'weekly':
      return { from: addDays(monday, -7), to: addDays(monday, -1) };
    case 'fortnightly': {
      const weeks = daysBetween(FORTNIGHT_ANCHOR, monday) / 7;
      const start = addDays(monday, -7 * (((weeks % 2) + 2) % 2));
      return { from: addDays(start, -14), to: addDays(start, -1) };
    }
    case 'monthly': {
      const end = addDays(`${today.slice(0, 7)}-01`, -1);
      return { from: `${end.slice(0, 7)}-01`, to: end };
    }
  }
}
