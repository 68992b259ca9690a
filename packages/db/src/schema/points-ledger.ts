import { index, integer, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { conversations } from './conversations.ts';
import { sites } from './sites.ts';
import { users } from './users.ts';

/**
 * Append-only points ledger: every award, bonus, grant, revocation and redemption is one row;
 * balances and leaderboards are sums over it. The idempotency key is unique per site, so a
 * retried close or two nodes handling the same event write one row.
 */
export const pointsLedger = pgTable(
  'points_ledger',
  {
    id: uuid().primaryKey().defaultRandom(),
    siteId: uuid()
      .notNull()
      .references(() => sites.id, { onDelete: 'cascade' }),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** Negative for revocations and redemptions. */
    points: integer().notNull(),
    reason: text().notNull(),
    conversationId: uuid().references(() => conversations.id, { onDelete: 'set null' }),
    /** Why, in a person's words (grants, revocations). */
    note: text(),
    /** The manager who granted or revoked; null for automatic awards. */
    actorId: uuid().references(() => users.id, { onDelete: 'set null' }),
    idempotencyKey: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique().on(t.siteId, t.idempotencyKey), index().on(t.siteId, t.userId, t.createdAt), index().on(t.siteId, t.createdAt)],
);
