import { z } from 'zod';
import { KPI_MAX_DAYS } from './kpi.ts';

// ---------- the managers' numbers: query validation ----------

/** A calendar day in the site's time zone, `YYYY-MM-DD`. */
export const DayStringSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Expected a date as YYYY-MM-DD')
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), 'Not a real date');

/** `?from=…&to=…`: both days included, read in the site's time zone. */
export const KpiQuerySchema = z
  .object({ from: DayStringSchema, to: DayStringSchema })
  .refine((q) => q.from <= q.to, { message: '`from` must be on or before `to`', path: ['to'] })
  .refine((q) => (Date.parse(q.to) - Date.parse(q.from)) / 86_400_000 + 1 <= KPI_MAX_DAYS, {
    message: `A period covers at most ${KPI_MAX_DAYS} days`,
    path: ['to'],
  });
export type KpiQuery = z.infer<typeof KpiQuerySchema>;
