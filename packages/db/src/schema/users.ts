import { pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const users = pgTable('users', {
  id: uuid().primaryKey().defaultRandom(),
  email: text().notNull().unique(),
  passwordHash: text().notNull(),
  displayName: text().notNull(),
  avatarUrl: text(),
  /** A short public line about the helper, shown to the visitor they answer. */
  bio: text(),
  /** What the helper said: `available` or `away` (busy is derived from their chats). */
  presenceStatus: text().$type<'available' | 'away'>().notNull().default('available'),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});
