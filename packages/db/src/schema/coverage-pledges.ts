import { index, pgTable, smallint, timestamp, uuid } from 'drizzle-orm/pg-core';
import { sites } from './sites.ts';
import { users } from './users.ts';

/**
 * A helper's soft, non-binding weekly slot ("Sundays 18–20, usually"), in the site's time zone:
 * hours [startHour, endHour) of one ISO weekday (1 Monday … 7 Sunday). A helper replaces theirs as a set.
 */
export const coveragePledges = pgTable(
  'coverage_pledges',
  {
    id: uuid().primaryKey().defaultRandom(),
    siteId: uuid()
      .notNull()
      .references(() => sites.id, { onDelete: 'cascade' }),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    weekday: smallint().notNull(),
    startHour: smallint().notNull(),
    endHour: smallint().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.siteId), index().on(t.userId)],
);
