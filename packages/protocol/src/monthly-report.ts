// The monthly report mail to a site's admins and managers (opt-out per person).
import { z } from 'zod';

/** GET/PUT /api/profile/monthly-report: whether I get the monthly report of the sites I manage. */
export const MonthlyReportPrefSchema = z.strictObject({ subscribed: z.boolean('true or false') });
export type MonthlyReportPref = z.output<typeof MonthlyReportPrefSchema>;

/** POST /api/monthly-report/unsubscribe: the mail's signed token (`?token=` or `{ token }`), never expiring. */
export const MonthlyReportTokenSchema = z.string().min(10).max(200);

/** Days of the month (1st, 2nd, 3rd, in the site's time zone) when the previous month's mail may still go out. */
export const MONTHLY_REPORT_DAYS = 3;
