import { pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { sites } from './sites.ts';
import { users } from './users.ts';

/**
 * The monthly report mail, one row per (site, month, person): claimed by an INSERT before the mail
 * is sent, so two nodes running the schedule at once send it once. `sentAt` is set once the mail
 * server accepted it; a failed send deletes its claim so a later run tries again.
 */
export const monthlyReportMails = pgTable(
  'monthly_report_mails',
  {
    siteId: uuid()
      .notNull()
      .references(() => sites.id, { onDelete: 'cascade' }),
    /** The month reported, `YYYY-MM` in the site's time zone. */
    month: text().notNull(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    claimedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp({ withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.siteId, t.month, t.userId] })],
);
