import { boolean, jsonb, pgTable, smallint, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** What a helper wants to be told about, and how. */
export interface NotifyPrefs {
  /** A short sound when a request waits unclaimed for a few seconds. */
  sound?: boolean;
  /** A desktop notification (browser permission asked when turned on). */
  desktop?: boolean;
  /** Notify when someone mentions me in the feed (default on). */
  mentions?: boolean;
  /** Receive the community digest by mail (default on; one click in any digest turns it off). */
  digest?: boolean;
  /** My name may appear with my answers in the digest (default off: "a helper"). */
  nameInDigest?: boolean;
  /** No push or waiting email in these hours of the person's own time zone (`HH:MM`, may span midnight). */
  quietHours?: { start: string; end: string } | null;
  /** The person's IANA time zone (quiet hours are read in it); default UTC. */
  timeZone?: string;
  /** Without push on any device: an email "visitors are waiting", at most one per few hours. */
  waitingEmail?: boolean;
}

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
  /** Languages the helper answers in (`en`, `fr`, ...). */
  languages: text().array().notNull().default([]),
  /** Topic tags of the site the helper knows well (matches request topics). */
  expertise: text().array().notNull().default([]),
  notifyPrefs: jsonb().$type<NotifyPrefs>().notNull().default({}),
  /** The backoffice language the person chose (`en`, `fr`, `es`); null = follow the browser, then the site's default. */
  locale: text().$type<'en' | 'fr' | 'es'>(),
  /** Optional gentle reminder after this many hours online in a day; null = never. */
  restReminderHours: smallint(),
  /** Operator (super-admin) of the install: creates sites. Set from the shell, never from a request. */
  operator: boolean().notNull().default(false),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});
