import { index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { bytea } from './bytea.ts';
import { sites } from './sites.ts';
import { users } from './users.ts';

/** Images posted to a site's feed, checked and resized on upload; readable by the site's members only. */
export const images = pgTable(
  'images',
  {
    id: uuid().primaryKey().defaultRandom(),
    siteId: uuid()
      .notNull()
      .references(() => sites.id, { onDelete: 'cascade' }),
    uploaderId: uuid().references(() => users.id, { onDelete: 'set null' }),
    bytes: bytea().notNull(),
    mime: text().notNull(),
    width: integer().notNull(),
    height: integer().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.siteId)],
);
