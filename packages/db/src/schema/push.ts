import { sql } from 'drizzle-orm';
import { index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { conversations } from './conversations.ts';
import { sessions } from './sessions.ts';
import { sites } from './sites.ts';
import { users } from './users.ts';

/**
 * A device that takes Web Push for a person: one per browser subscription, tied to the sign-in
 * (session) that made it, so signing out of that device (or the session ending) removes it.
 */
export const pushSubscriptions = pgTable(
  'push_subscriptions',
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    sessionId: text()
      .notNull()
      .references(() => sessions.id, { onDelete: 'cascade' }),
    /** The push service's URL for this browser (unique: a browser re-subscribing replaces its row). */
    endpoint: text().notNull().unique(),
    /** The browser's P-256 public key and auth secret (base64url), for aes128gcm (RFC 8291). */
    p256dh: text().notNull(),
    auth: text().notNull(),
    /** A short name of the device shown on the profile ("Chrome on Android"). */
    label: text().notNull().default(''),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.userId), index().on(t.sessionId)],
);

/**
 * Every push (or "visitors are waiting" email) sent to a person: the once-per-request claim across
 * nodes (the unique index), the per-person rate limit, and Numbers' "answered after a push".
 */
export const pushSends = pgTable(
  'push_sends',
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    siteId: uuid()
      .notNull()
      .references(() => sites.id, { onDelete: 'cascade' }),
    /** `waiting` (a request waits unclaimed), `handoff`, `mention`, `test`. */
    kind: text().$type<'waiting' | 'handoff' | 'mention' | 'test'>().notNull(),
    channel: text().$type<'push' | 'email'>().notNull().default('push'),
    conversationId: uuid().references(() => conversations.id, { onDelete: 'cascade' }),
    sentAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // At most one push of a kind per request and person, whichever node sends it.
    uniqueIndex('push_sends_once_per_request')
      .on(t.userId, t.conversationId, t.kind)
      .where(sql`${t.conversationId} is not null`),
    index().on(t.userId, t.sentAt),
    index().on(t.conversationId),
  ],
);
