import type { ConversionItem } from '@tribu/protocol';
import { bigint, index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { conversations } from './conversations.ts';
import { sites } from './sites.ts';
import { users } from './users.ts';
import { visitors } from './visitors.ts';

/**
 * Purchases the merchant reported (from the page or its server), one row per (site, order), with
 * the attribution decided when it was reported. A refund marks it; refunded orders count nowhere.
 */
export const conversions = pgTable(
  'conversions',
  {
    id: uuid().primaryKey().defaultRandom(),
    siteId: uuid()
      .notNull()
      .references(() => sites.id, { onDelete: 'cascade' }),
    orderId: text().notNull(),
    /** In the currency's minor units (cents), so sums are exact. */
    amountMinor: bigint({ mode: 'number' }).notNull(),
    currency: text().notNull(),
    visitorId: uuid().references(() => visitors.id, { onDelete: 'set null' }),
    code: text(),
    items: jsonb().$type<ConversionItem[]>().notNull().default([]),
    /** `page` (Tribu.track) or `api` (POST /api/v1/conversions). */
    source: text().notNull(),
    occurredAt: timestamp({ withTimezone: true }).notNull(),
    /** `assisted` (an answered chat within the site's window) or `none`. */
    attribution: text().notNull(),
    helperId: uuid().references(() => users.id, { onDelete: 'set null' }),
    conversationId: uuid().references(() => conversations.id, { onDelete: 'set null' }),
    /** The helper whose active referral code the order names (credited as *referred*, with or without a chat). */
    referrerId: uuid().references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    refundedAt: timestamp({ withTimezone: true }),
  },
  (t) => [uniqueIndex('conversions_site_order').on(t.siteId, t.orderId), index().on(t.siteId, t.occurredAt), index().on(t.helperId)],
);
