import { pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const users = pgTable('users', {
  id: uuid().primaryKey().defaultRandom(),
  email: text().notNull().unique(),
  passwordHash: text().notNull(),
  displayName: text().notNull(),
  avatarUrl: text(),
  /** A short public line about the helper, shown to the visitor they answer. */
  bio: text(),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});
