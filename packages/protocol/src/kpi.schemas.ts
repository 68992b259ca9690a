import { z } from 'zod';
import { DayStringSchema } from './calendar.schemas.ts';
import { isCurrency } from './conversions.ts';
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

/** A CSV of Numbers: the period, and for sales.csv the cost of an hour the manager typed (never stored). */
export const KpiCsvQuerySchema = KpiQuerySchema.safeExtend({
  costPerHour: z.coerce.number('A number').min(0, 'Must be 0 or more').max(1_000_000, 'At most 1000000').optional(),
  costCurrency: z.string().refine(isCurrency, 'Not an ISO 4217 currency code (like EUR)').default('EUR'),
});
export type KpiCsvQuery = z.infer<typeof KpiCsvQuerySchema>;
