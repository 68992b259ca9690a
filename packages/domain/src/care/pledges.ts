import { GAP_BELOW_HELPERS, type HeatCell } from '../kpi/heatmap.ts';

/** A soft weekly slot: hours [startHour, endHour) of one ISO weekday (1 Monday … 7 Sunday), site time. */
export interface PledgeSlot {
  weekday: number;
  startHour: number;
  endHour: number;
}

/** Hours in a week: the grids below are indexed (weekday − 1) × 24 + hour. */
export const WEEK_HOURS = 168;
/** Most slots one helper keeps on one site. */
export const MAX_PLEDGES = 14;

const slotIndex = (weekday: number, hour: number) => (weekday - 1) * 24 + hour;

/** A slot a helper can pledge: a weekday, start before end, within the day; null when fine. */
export function pledgeProblem(s: PledgeSlot): string | null {
  if (!Number.isInteger(s.weekday) || s.weekday < 1 || s.weekday > 7) return 'Pick a day of the week';
  if (!Number.isInteger(s.startHour) || !Number.isInteger(s.endHour) || s.startHour < 0 || s.endHour > 24) return 'Hours run from 0 to 24';
  if (s.endHour <= s.startHour) return 'A slot ends after it starts';
  return null;
}

/** How many distinct helpers pledged each hour of the week (overlapping slots of one helper count once). */
export function pledgedHours(pledges: readonly (PledgeSlot & { userId: string })[]): number[] {
  const who: Set<string>[] = Array.from({ length: WEEK_HOURS }, () => new Set());
  for (const p of pledges) {
    if (pledgeProblem(p)) continue;
    for (let h = p.startHour; h < p.endHour; h++) who[slotIndex(p.weekday, h)]!.add(p.userId);
  }
  return who.map((s) => s.size);
}

/** One heatmap hour with what was pledged for it and the projection. */
export interface ProjectedCell extends HeatCell {
  pledged: number;
  /**
   * Helpers expected then: the more of those seen online and those who pledged (a pledger may be
   * among those already seen, so the two are not added).
   */
  projected: number;
  /** Requests came and even the projection leaves the hour under the gap threshold. */
  projectedGap: boolean;
}

export interface CoverageProjection {
  cells: ProjectedCell[];
  /** Gaps in the real heatmap, and how many of them pledges would fill. */
  gaps: number;
  filled: number;
}

/** The real coverage beside the pledged one: which gaps the helpers' pledges would fill. */
export function projectCoverage(real: readonly HeatCell[], pledged: readonly number[]): CoverageProjection {
  const cells = real.map((c) => {
    const p = pledged[slotIndex(c.weekday, c.hour)] ?? 0;
    const projected = Math.max(c.helpersOnline, p);
    return { ...c, pledged: p, projected, projectedGap: c.requests > 0 && projected < GAP_BELOW_HELPERS };
  });
  const gaps = cells.filter((c) => c.gap).length;
  return { cells, gaps, filled: cells.filter((c) => c.gap && !c.projectedGap).length };
}

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/** The ISO weekday, hour and minute of a moment in a time zone. */
export function weekHourIn(at: Date, timeZone: string): { weekday: number; hour: number; minute: number } {
  const parts = new Intl.DateTimeFormat('en-GB', { weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone }).formatToParts(at);
  const part = (t: string) => parts.find((p) => p.type === t)!.value;
  return { weekday: WEEKDAYS.indexOf(part('weekday')) + 1, hour: Number(part('hour')), minute: Number(part('minute')) };
}

/** The next pledged hour after the current one, and how many days ahead it is (0 today, 1 tomorrow…). */
export interface NextPledged {
  weekday: number;
  hour: number;
  daysAhead: number;
}

/**
 * When someone is usually there next: the first hour after the current one that at least `min`
 * helpers pledged, within the coming week; null when nobody pledged enough.
 */
export function nextPledgedHour(pledged: readonly number[], now: { weekday: number; hour: number }, min = 1): NextPledged | null {
  const current = slotIndex(now.weekday, now.hour);
  for (let k = 1; k <= WEEK_HOURS; k++) {
    const at = current + k;
    if ((pledged[at % WEEK_HOURS] ?? 0) < Math.max(1, min)) continue;
    const i = at % WEEK_HOURS;
    return { weekday: Math.floor(i / 24) + 1, hour: i % 24, daysAhead: Math.floor(at / 24) - Math.floor(current / 24) };
  }
  return null;
}
