import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgEnum, pgTable, primaryKey, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { conversations } from './conversations.ts';
import { images } from './images.ts';
import { sites } from './sites.ts';
import { users } from './users.ts';

export const feedPostKindEnum = pgEnum('feed_post_kind', ['post', 'announcement', 'ask']);

/** A moderator's decision on a post or comment; the author sees the reason. */
export interface Moderation {
  action: 'hidden' | 'deleted';
  reason: string;
  byId: string;
  at: string;
}

/** The community's shared wall: posts by helpers and managers of one site. */
export const feedPosts = pgTable(
  'feed_posts',
  {
    id: uuid().primaryKey().defaultRandom(),
    siteId: uuid()
      .notNull()
      .references(() => sites.id, { onDelete: 'cascade' }),
    /** Null once the author left the community. */
    authorId: uuid().references(() => users.id, { onDelete: 'set null' }),
    kind: feedPostKindEnum().notNull().default('post'),
    /** Client-made id: a retried post is stored once. */
    clientId: text().notNull(),
    text: text().notNull(),
    /** An announcement in the site's other languages; `text` is in its default language. */
    translations: jsonb().$type<Partial<Record<'en' | 'fr' | 'es', Partial<Record<'text', string>>>>>().notNull().default({}),
    imageId: uuid().references(() => images.id, { onDelete: 'set null' }),
    /** "Ask the room": the chat this question comes from. */
    conversationId: uuid().references(() => conversations.id, { onDelete: 'set null' }),
    /** Managers' announcements stay on top. */
    pinned: boolean().notNull().default(false),
    likeCount: integer().notNull().default(0),
    commentCount: integer().notNull().default(0),
    moderation: jsonb().$type<Moderation>(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index().on(t.siteId, t.createdAt),
    index()
      .on(t.siteId)
      .where(sql`${t.pinned}`),
    unique().on(t.siteId, t.authorId, t.clientId),
  ],
);

export const feedComments = pgTable(
  'feed_comments',
  {
    id: uuid().primaryKey().defaultRandom(),
    postId: uuid()
      .notNull()
      .references(() => feedPosts.id, { onDelete: 'cascade' }),
    authorId: uuid().references(() => users.id, { onDelete: 'set null' }),
    clientId: text().notNull(),
    text: text().notNull(),
    moderation: jsonb().$type<Moderation>(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.postId, t.createdAt), unique().on(t.postId, t.authorId, t.clientId)],
);

/** One like per person and post (a second like is a no-op, so a flood changes nothing). */
export const feedLikes = pgTable(
  'feed_likes',
  {
    postId: uuid()
      .notNull()
      .references(() => feedPosts.id, { onDelete: 'cascade' }),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.postId, t.userId] })],
);
