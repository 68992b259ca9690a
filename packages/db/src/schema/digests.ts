import type { DigestContent } from '@tribu/protocol';
import { date, index, integer, jsonb, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { sites } from './sites.ts';
import { users } from './users.ts';

export const digestStatusEnum = pgEnum('digest_status', ['draft', 'sending', 'sent']);

/**
 * The helpers' newsletter of one period: drafted once per site and period (unique), edited by a
 * manager, then frozen (content and the mail as written) when sending starts, and kept as the archive.
 */
export const digests = pgTable(
  'digests',
  {
    id: uuid().primaryKey().defaultRandom(),
    siteId: uuid()
      .notNull()
      .references(() => sites.id, { onDelete: 'cascade' }),
    /** The period, days of the site's calendar, both included. */
    periodFrom: date({ mode: 'string' }).notNull(),
    periodTo: date({ mode: 'string' }).notNull(),
    status: digestStatusEnum().notNull().default('draft'),
    subject: text().notNull(),
    /** The manager's note, first in the mail. */
    note: text().notNull().default(''),
    /** Sections the manager dropped. */
    hiddenSections: text().array().notNull().default([]),
    /** Frozen when sending starts; null while a draft (a draft is counted again each time it is read). */
    content: jsonb().$type<DigestContent>(),
    /** The mail as sent, with a placeholder where each recipient's own unsubscribe link went. */
    html: text(),
    text: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    sendingAt: timestamp({ withTimezone: true }),
    sentAt: timestamp({ withTimezone: true }),
    sentById: uuid().references(() => users.id, { onDelete: 'set null' }),
  },
  (t) => [uniqueIndex('digests_site_period').on(t.siteId, t.periodFrom, t.periodTo), index().on(t.status)],
);

/**
 * One mail of a digest to one person. Rows are written when sending starts; a node claims a row
 * (a conditional update, SKIP LOCKED) before it mails it, so two nodes never send the same mail, and
 * a claim left by a node that died is taken over after a lease.
 */
export const digestRecipients = pgTable(
  'digest_recipients',
  {
    digestId: uuid()
      .notNull()
      .references(() => digests.id, { onDelete: 'cascade' }),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    email: text().notNull(),
    /** `pending`, `sent`, `failed` (after 3 attempts), `skipped` (opted out or left before their turn). */
    status: text().$type<'pending' | 'sent' | 'failed' | 'skipped'>().notNull().default('pending'),
    attempts: integer().notNull().default(0),
    claimedAt: timestamp({ withTimezone: true }),
    claimedBy: text(),
    sentAt: timestamp({ withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.digestId, t.userId] }), index().on(t.digestId, t.status)],
);
