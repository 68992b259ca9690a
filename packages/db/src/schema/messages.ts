import { boolean, integer, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { authorKindEnum, conversations } from './conversations.ts';
import { users } from './users.ts';

export const messages = pgTable(
  'messages',
  {
    id: uuid().primaryKey().defaultRandom(),
    conversationId: uuid()
      .notNull()
      .references(() => conversations.id, { onDelete: 'cascade' }),
    seq: integer().notNull(),
    authorKind: authorKindEnum().notNull(),
    authorId: uuid().references(() => users.id, { onDelete: 'set null' }),
    /** Who sent it, for idempotency: `v:<visitorId>` or `u:<userId>`. */
    senderKey: text().notNull(),
    clientId: text().notNull(),
    text: text().notNull(),
    /** A visitor message containing one of the site's blocked words: masked for helpers, in the moderation queue. */
    flagged: boolean().notNull().default(false),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique().on(t.conversationId, t.seq),
    // A retried send (same client id from the same sender) is stored once.
    unique().on(t.conversationId, t.senderKey, t.clientId),
    // (conversation_id, seq) is already indexed by its unique constraint: a second index only slowed inserts.
  ],
);
