import { index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { roleEnum } from './memberships.ts';
import { sites } from './sites.ts';
import { users } from './users.ts';

/** A "Become a helper" application from the public page of a site. */
export const applications = pgTable(
  'applications',
  {
    id: uuid().primaryKey().defaultRandom(),
    siteId: uuid()
      .notNull()
      .references(() => sites.id, { onDelete: 'cascade' }),
    name: text().notNull(),
    email: text().notNull(),
    languages: text().array().notNull().default([]),
    why: text().notNull(),
    experience: text().notNull().default(''),
    /** The site's own questions at the time of applying, with the answers. */
    answers: jsonb().$type<{ question: string; answer: string }[]>().notNull().default([]),
    status: text().$type<'new' | 'shortlisted' | 'accepted' | 'rejected'>().notNull().default('new'),
    /** The message sent with a rejection (or a note kept with an acceptance). */
    decisionMessage: text(),
    decidedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    decidedAt: timestamp({ withTimezone: true }),
    /** The account made when the invitation was used. */
    userId: uuid().references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.siteId, t.status, t.createdAt)],
);

/** A one-time link to set a password and join a site with a role; only a SHA-256 of the token is kept. */
export const invitations = pgTable(
  'invitations',
  {
    id: uuid().primaryKey().defaultRandom(),
    siteId: uuid()
      .notNull()
      .references(() => sites.id, { onDelete: 'cascade' }),
    email: text().notNull(),
    name: text().notNull(),
    role: roleEnum().notNull(),
    tokenHash: text().notNull(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    usedAt: timestamp({ withTimezone: true }),
    createdBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    applicationId: uuid().references(() => applications.id, { onDelete: 'set null' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex().on(t.tokenHash), index().on(t.siteId, t.createdAt)],
);

/** A helper's report of a visitor message or a feed item, for the managers' moderation queue. */
export const reports = pgTable(
  'reports',
  {
    id: uuid().primaryKey().defaultRandom(),
    siteId: uuid()
      .notNull()
      .references(() => sites.id, { onDelete: 'cascade' }),
    kind: text().$type<'message' | 'post' | 'comment'>().notNull(),
    /** The message, post or comment reported (kept as an id: the item may be deleted later). */
    targetId: uuid().notNull(),
    conversationId: uuid(),
    reporterId: uuid().references(() => users.id, { onDelete: 'set null' }),
    reason: text().notNull(),
    status: text().$type<'open' | 'resolved' | 'dismissed'>().notNull().default('open'),
    resolvedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    resolvedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.siteId, t.status, t.createdAt)],
);

/** A visitor kept out of a site's chat: by visitor id and optionally by a hashed network address. */
export const bans = pgTable(
  'bans',
  {
    id: uuid().primaryKey().defaultRandom(),
    siteId: uuid()
      .notNull()
      .references(() => sites.id, { onDelete: 'cascade' }),
    visitorId: uuid(),
    /** HMAC of the network address (never the address itself). */
    ipHash: text(),
    reason: text().notNull(),
    /** Null: for ever. */
    until: timestamp({ withTimezone: true }),
    createdBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    liftedAt: timestamp({ withTimezone: true }),
    liftedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
  },
  (t) => [index().on(t.siteId, t.visitorId), index().on(t.siteId, t.ipHash)],
);

/** Who did what, when and why: every moderation and administration action. Append-only. */
export const auditLog = pgTable(
  'audit_log',
  {
    id: uuid().primaryKey().defaultRandom(),
    /** Null for operator-level actions (a site created). */
    siteId: uuid().references(() => sites.id, { onDelete: 'cascade' }),
    actorId: uuid().references(() => users.id, { onDelete: 'set null' }),
    /** The actor's name at the time, so the log still reads after an account is deleted. */
    actorName: text().notNull(),
    action: text().notNull(),
    targetKind: text(),
    targetId: text(),
    /** A human line naming the target ("visitor 3f2a…", "Ada Lovelace"). */
    targetLabel: text(),
    reason: text(),
    details: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.siteId, t.createdAt)],
);
