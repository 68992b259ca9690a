import { index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { sites } from './sites.ts';
import { visitors } from './visitors.ts';

/**
 * A visitor's email is mailed only once they confirmed it: one confirmation link per visitor and
 * address (the unique key: sent once), of which only a SHA-256 is stored; `confirmedAt` marks it used.
 */
export const visitorEmailConfirmations = pgTable(
  'visitor_email_confirmations',
  {
    /** SHA-256 (hex) of the link's token. */
    id: text().primaryKey(),
    siteId: uuid()
      .notNull()
      .references(() => sites.id, { onDelete: 'cascade' }),
    visitorId: uuid()
      .notNull()
      .references(() => visitors.id, { onDelete: 'cascade' }),
    /** Lower-cased. */
    email: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    confirmedAt: timestamp({ withTimezone: true }),
  },
  (t) => [uniqueIndex().on(t.visitorId, t.email), index().on(t.email, t.createdAt), index().on(t.visitorId, t.createdAt)],
);
