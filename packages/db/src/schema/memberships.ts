import { jsonb, pgEnum, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { sites } from './sites.ts';
import { users } from './users.ts';

/** Onboarding steps a newcomer goes through; each is a date when done. */
export interface MembershipOnboarding {
  /** Conversations watched read-only (ids, at most a few kept). */
  observed?: string[];
  profileCompletedAt?: string;
  observedAt?: string;
  firstChatAt?: string;
  /** Every step done (kept: the checklist never comes back once complete). */
  completedAt?: string;
  /** The newcomer closed the finished checklist. */
  dismissedAt?: string;
}

export const roleEnum = pgEnum('role', ['helper', 'moderator', 'admin']);

/** A user's role on one site; one user may belong to several sites. */
export const memberships = pgTable(
  'memberships',
  {
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    siteId: uuid()
      .notNull()
      .references(() => sites.id, { onDelete: 'cascade' }),
    role: roleEnum().notNull(),
    /** `suspended`: no rights on the site until reinstated (their chats went back to the board). */
    status: text().$type<'active' | 'suspended'>().notNull().default('active'),
    suspendedReason: text(),
    /** A peer who guides this newcomer ("champion"). */
    mentorId: uuid().references(() => users.id, { onDelete: 'set null' }),
    /** When the helper accepted the site's charter; null until they do. */
    charterAcceptedAt: timestamp({ withTimezone: true }),
    /** Onboarding progress kept as data: the chats observed read-only (ids), when each step was done. */
    onboarding: jsonb().$type<MembershipOnboarding>().notNull().default({}),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.siteId] })],
);
