import { pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { sites } from './sites.ts';
import { users } from './users.ts';

/** Answers a helper inserts with `/shortcut`: site-wide (owner null, by managers) or personal. */
export const cannedAnswers = pgTable(
  'canned_answers',
  {
    id: uuid().primaryKey().defaultRandom(),
    siteId: uuid()
      .notNull()
      .references(() => sites.id, { onDelete: 'cascade' }),
    ownerId: uuid().references(() => users.id, { onDelete: 'cascade' }),
    shortcut: text().notNull(),
    text: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique().on(t.siteId, t.ownerId, t.shortcut).nullsNotDistinct()],
);
