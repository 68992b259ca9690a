import { FULL_TIME_HOURS_PER_WEEK } from './definitions.ts';

/**
 * Continuous percentile with linear interpolation between the closest ranks — the same as
 * Postgres `percentile_cont(p)`. Null for no values.
 */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const pos = (sorted.length - 1) * Math.min(1, Math.max(0, p));
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}

/** The middle value (mean of the two middle ones for an even count); null for no values. */
export const median = (values: readonly number[]) => percentile(values, 0.5);

/** part ÷ whole, or null when the whole is zero (no "0 %" for an empty period). */
export const ratio = (part: number, whole: number): number | null => (whole > 0 ? part / whole : null);

/** Full-time equivalents: hours ÷ (35 h a week × the period's weeks). 242 h over 30 days ≈ 1.6. */
export function fullTimeEquivalent(hours: number, days: number): number {
  if (days <= 0) return 0;
  return hours / (FULL_TIME_HOURS_PER_WEEK * (days / 7));
}

/** Average stars from the counts of 1…5 stars; null when nobody rated. */
export function ratingAverage(counts: readonly number[]): number | null {
  const n = counts.reduce((a, b) => a + b, 0);
  return n > 0 ? counts.reduce((sum, c, i) => sum + c * (i + 1), 0) / n : null;
}

/**
 * Change from the previous period as a fraction (+0.25 = 25 % more); null when either side is
 * unknown or the previous one was zero (a change from nothing has no percentage).
 */
export function relativeChange(current: number | null, previous: number | null): number | null {
  if (current === null || previous === null || previous === 0) return null;
  return (current - previous) / previous;
}
