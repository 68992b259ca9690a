import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './users.ts';

/**
 * "Forgot password" links. Only a SHA-256 of the link's token is stored, so a copy of the table
 * resets nobody's password; a link is used once (`usedAt`) and expires an hour after it is sent.
 */
export const passwordResets = pgTable(
  'password_resets',
  {
    id: text().primaryKey(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    usedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.userId)],
);
