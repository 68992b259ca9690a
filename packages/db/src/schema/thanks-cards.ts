import { index, pgTable, smallint, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { conversations } from './conversations.ts';
import { sites } from './sites.ts';
import { users } from './users.ts';

/**
 * A visitor's 4–5★ comment shown, with their consent, on the helper's public profile ("thank-you
 * wall"). Nothing about the visitor is kept but the words; the card goes with its chat (retention, erasure).
 */
export const thanksCards = pgTable(
  'thanks_cards',
  {
    id: uuid().primaryKey().defaultRandom(),
    siteId: uuid()
      .notNull()
      .references(() => sites.id, { onDelete: 'cascade' }),
    helperId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    conversationId: uuid()
      .notNull()
      .unique()
      .references(() => conversations.id, { onDelete: 'cascade' }),
    text: text().notNull(),
    rating: smallint().notNull(),
    /** The helper hid it from their wall (they may show it again). */
    hiddenAt: timestamp({ withTimezone: true }),
    /** A manager removed it (moderation, audited); it shows nowhere any more. */
    removedAt: timestamp({ withTimezone: true }),
    removedById: uuid().references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.helperId, t.siteId)],
);
