import { pgTable, timestamp, uuid } from 'drizzle-orm/pg-core';
import { sites } from './sites.ts';

/** Anonymous visitors: an id the widget keeps, nothing that names the person. */
export const visitors = pgTable('visitors', {
  id: uuid().primaryKey(),
  siteId: uuid()
    .notNull()
    .references(() => sites.id, { onDelete: 'cascade' }),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  lastSeenAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  /** The visitor asked for their data to be erased: the id stays (random, nothing personal), every token for it is refused. */
  erasedAt: timestamp({ withTimezone: true }),
});
