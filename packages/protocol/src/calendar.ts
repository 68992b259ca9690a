// ---------- dates a request may name; zod-free (the backoffice imports it) ----------

/**
 * The first and last days a query string may name (the Numbers, the audit log). Outside them a
 * request is refused with a 400: no comparison period falls before year 1, no day loop runs past 9999.
 */
export const FIRST_QUERY_DAY = '2000-01-01';
export const LAST_QUERY_DAY = '2100-12-31';

/** `YYYY-MM-DD` that names a day of the calendar (no 30 February), read in UTC. */
export function isCalendarDay(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const ms = Date.parse(`${s}T00:00:00Z`);
  return !Number.isNaN(ms) && new Date(ms).toISOString().slice(0, 10) === s;
}
