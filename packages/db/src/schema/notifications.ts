import { index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { sites } from './sites.ts';
import { users } from './users.ts';

/** Something for one person: a mention, a hand-off offered, a moderation decision. */
export const notifications = pgTable(
  'notifications',
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    siteId: uuid()
      .notNull()
      .references(() => sites.id, { onDelete: 'cascade' }),
    kind: text().$type<'mention' | 'handoff' | 'moderation' | 'comment' | 'points' | 'badge' | 'reward' | 'mentor' | 'webhook' | 'event'>().notNull(),
    actorId: uuid().references(() => users.id, { onDelete: 'set null' }),
    text: text().notNull(),
    /** Where it leads: a post or a conversation. */
    link: jsonb().$type<{ postId?: string; conversationId?: string; eventId?: string }>().notNull().default({}),
    readAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.userId, t.createdAt)],
);
