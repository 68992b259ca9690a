import { sql } from 'drizzle-orm';
import type { PageContext, Product } from '@tribu/protocol';
import { index, integer, jsonb, pgEnum, smallint, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { sites } from './sites.ts';
import { users } from './users.ts';
import { visitors } from './visitors.ts';

export const conversationStatusEnum = pgEnum('conversation_status', ['waiting', 'active', 'closed']);
export const authorKindEnum = pgEnum('author_kind', ['visitor', 'helper', 'system']);

export const conversations = pgTable(
  'conversations',
  {
    id: uuid().primaryKey().defaultRandom(),
    siteId: uuid()
      .notNull()
      .references(() => sites.id, { onDelete: 'cascade' }),
    visitorId: uuid()
      .notNull()
      .references(() => visitors.id, { onDelete: 'cascade' }),
    status: conversationStatusEnum().notNull().default('waiting'),
    helperId: uuid().references(() => users.id, { onDelete: 'set null' }),
    question: text().notNull(),
    pageUrl: text(),
    pageTitle: text(),
    pageProduct: jsonb().$type<Product>(),
    pageContext: jsonb().$type<PageContext>(),
    /** Last message sequence number handed out; bumped in the same transaction as each insert. */
    lastSeq: integer().notNull().default(0),
    /** Read receipts: the last seq each side has seen. */
    visitorReadSeq: integer().notNull().default(0),
    helperReadSeq: integer().notNull().default(0),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    claimedAt: timestamp({ withTimezone: true }),
    closedAt: timestamp({ withTimezone: true }),
    closedBy: authorKindEnum(),
    /** When the helper first answered: the basis of "usually answers in ~X min". */
    firstResponseAt: timestamp({ withTimezone: true }),
    rating: smallint(),
    ratingComment: text(),
    /** Given by the visitor only to be told of an answer; never shown to helpers. */
    visitorEmail: text(),
    /** The name the visitor typed, when the site asks for one. */
    visitorName: text(),
    /** When the visitor accepted the site's privacy notice, if the site asks. */
    consentAt: timestamp({ withTimezone: true }),
    /** The widget's language and the visitor's IANA time zone (helpers see their local time). */
    locale: text(),
    timeZone: text(),
    /** Topic tags of the site matched in the question (board filters). */
    topics: text().array().notNull().default([]),
    /** "Needs staff": not for volunteers; waits in the managers' staff queue, off the board. */
    staffAt: timestamp({ withTimezone: true }),
    staffReason: text(),
    /** The helper who sent it to staff: it never counts against them. */
    staffFlaggedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    /** A hand-off offered by the chat's helper to a named peer, until the peer answers. */
    handoffTo: uuid().references(() => users.id, { onDelete: 'set null' }),
    handoffAt: timestamp({ withTimezone: true }),
    /** HMAC of the visitor's network address when the chat started (bans by address); null when not stored. */
    ipHash: text(),
    /** Erased at the visitor's request: a tombstone (no text, no page, no contact) kept for the ledger, badges and KPIs. */
    erasedAt: timestamp({ withTimezone: true }),
    /** Last change of anything but read receipts, set by a trigger on every UPDATE (GET /api/v1/conversations pages by it). */
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // One open conversation per visitor and site, whatever the tabs or nodes.
    uniqueIndex('conversations_one_open_per_visitor')
      .on(t.siteId, t.visitorId)
      .where(sql`${t.status} <> 'closed'`),
    index().on(t.siteId, t.status, t.createdAt),
    index().on(t.helperId, t.status),
    index('conversations_site_updated').on(t.siteId, t.updatedAt, t.id),
  ],
);
