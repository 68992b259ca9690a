import { z } from 'zod';
import { FIRST_QUERY_DAY, LAST_QUERY_DAY, isCalendarDay } from './calendar.ts';

// ---------- dates in query strings: a real day, within the bounds, or a 400 ----------

const WITHIN = `Choose a date from ${FIRST_QUERY_DAY} to ${LAST_QUERY_DAY}`;

/** A calendar day `YYYY-MM-DD` between FIRST_QUERY_DAY and LAST_QUERY_DAY. */
export const DayStringSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Expected a date as YYYY-MM-DD')
  .refine(isCalendarDay, 'Not a real date')
  .refine((s) => s >= FIRST_QUERY_DAY && s <= LAST_QUERY_DAY, WITHIN);

/** An instant (ISO 8601 with `Z` or an offset) on a day between FIRST_QUERY_DAY and LAST_QUERY_DAY (UTC). */
export const InstantQuerySchema = z.iso.datetime({ offset: true }).refine((s) => {
  const ms = Date.parse(s);
  return !Number.isNaN(ms) && ms >= Date.parse(`${FIRST_QUERY_DAY}T00:00:00Z`) && ms < Date.parse(`${LAST_QUERY_DAY}T00:00:00Z`) + 86_400_000;
}, WITHIN);
