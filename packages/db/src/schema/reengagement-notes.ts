import { index, pgTable, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { sites } from './sites.ts';
import { users } from './users.ts';

/**
 * One friendly "we miss you" note per helper and spell of inactivity: `inactiveSince` is their last
 * activity when the note was due. The unique key is the claim: the node whose insert wins sends it.
 */
export const reengagementNotes = pgTable(
  'reengagement_notes',
  {
    id: uuid().primaryKey().defaultRandom(),
    siteId: uuid()
      .notNull()
      .references(() => sites.id, { onDelete: 'cascade' }),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    inactiveSince: timestamp({ withTimezone: true }).notNull(),
    claimedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** Set once the mail server accepted it; a claim left unsent is dropped so a later sweep retries. */
    sentAt: timestamp({ withTimezone: true }),
  },
  (t) => [unique().on(t.siteId, t.userId, t.inactiveSince), index().on(t.siteId, t.sentAt)],
);
