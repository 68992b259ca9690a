/** One hour of one weekday (ISO 1 Monday … 7 Sunday), from three counts the database gives. */
export interface HourCount {
  weekday: number;
  hour: number;
  count: number;
}

export interface HeatCell {
  weekday: number;
  hour: number;
  requests: number;
  helpersOnline: number;
  gap: boolean;
}

/** Share of an hour below which coverage counts as missing: nobody was online most of that hour. */
export const GAP_BELOW_HELPERS = 0.5;

/** Requests came while, on average, nobody was online most of the hour. */
export const isCoverageGap = (requests: number, helpersOnline: number): boolean => requests > 0 && helpersOnline < GAP_BELOW_HELPERS;

/**
 * The 7 × 24 coverage grid. `minutes` are helper-minutes online in each hour of the week;
 * `occurrences` how many times that hour of the week happened in the period (a DST day has 23
 * or 25 hours), so helpersOnline = minutes ÷ (60 × occurrences).
 */
export function coverageHeatmap(requests: readonly HourCount[], minutes: readonly HourCount[], occurrences: readonly HourCount[]): HeatCell[] {
  const key = (c: { weekday: number; hour: number }) => c.weekday * 24 + c.hour;
  const index = (rows: readonly HourCount[]) => new Map(rows.map((r) => [key(r), r.count]));
  const req = index(requests);
  const min = index(minutes);
  const occ = index(occurrences);
  const cells: HeatCell[] = [];
  for (let weekday = 1; weekday <= 7; weekday++) {
    for (let hour = 0; hour < 24; hour++) {
      const k = key({ weekday, hour });
      const r = req.get(k) ?? 0;
      const times = occ.get(k) ?? 0;
      const helpersOnline = times > 0 ? (min.get(k) ?? 0) / (60 * times) : 0;
      cells.push({ weekday, hour, requests: r, helpersOnline, gap: isCoverageGap(r, helpersOnline) });
    }
  }
  return cells;
}
