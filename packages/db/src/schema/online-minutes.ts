import { index, pgTable, primaryKey, timestamp, uuid } from 'drizzle-orm/pg-core';
import { sites } from './sites.ts';
import { users } from './users.ts';

/**
 * One row per minute a helper had the backoffice open on a site. Every node writes the minutes
 * of its own sockets with ON CONFLICT DO NOTHING, so tabs and nodes never count a minute twice.
 */
export const onlineMinutes = pgTable(
  'online_minutes',
  {
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    siteId: uuid()
      .notNull()
      .references(() => sites.id, { onDelete: 'cascade' }),
    minute: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.siteId, t.minute] }), index().on(t.siteId, t.minute)],
);
