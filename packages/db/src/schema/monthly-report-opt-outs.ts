import { pgTable, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './users.ts';

/** People who asked for no monthly report mail (profile setting or the mail's unsubscribe link); a row = opted out. */
export const monthlyReportOptOuts = pgTable('monthly_report_opt_outs', {
  userId: uuid()
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});
