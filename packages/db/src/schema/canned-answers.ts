import { jsonb, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
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
    /** A site-wide answer in the site's other languages; `text` is in its default language. */
    translations: jsonb().$type<Partial<Record<'en' | 'fr' | 'es', Partial<Record<'text', string>>>>>().notNull().default({}),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique().on(t.siteId, t.ownerId, t.shortcut).nullsNotDistinct()],
);
