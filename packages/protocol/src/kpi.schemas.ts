import { z } from 'zod';
import { DayStringSchema } from './calendar.schemas.ts';
import { KPI_MAX_DAYS } from './kpi.ts';

// ---------- the managers' numbers: query validation ----------

const DAY_MS = 86_400_000;

/** `?from=…&to=…`: both days included, read in the site's time zone; at most KPI_MAX_DAYS days. */
export const KpiQuerySchema = z
  .object({ from: DayStringSchema, to: DayStringSchema })
  // Both checks see the raw strings even when a date failed above: each must be false, not throw, then.
  .refine((q) => !(q.from > q.to), { message: '`from` must be on or before `to`', path: ['to'] })
  .refine((q) => !((Date.parse(q.to) - Date.parse(q.from)) / DAY_MS + 1 > KPI_MAX_DAYS), {
    message: `A period covers at most ${KPI_MAX_DAYS} days`,
    path: ['to'],
  });
export type KpiQuery = z.infer<typeof KpiQuerySchema>;
