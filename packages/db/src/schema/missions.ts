import type { MissionGoal } from '@tribu/protocol';
import { index, integer, jsonb, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { sites } from './sites.ts';
import { users } from './users.ts';

export const missionScopeEnum = pgEnum('mission_scope', ['individual', 'community']);

/** A manager's mission: a goal measured from real facts over a period, with a reward given once per person. */
export const missions = pgTable(
  'missions',
  {
    id: uuid().primaryKey().defaultRandom(),
    siteId: uuid()
      .notNull()
      .references(() => sites.id, { onDelete: 'cascade' }),
    title: text().notNull(),
    why: text().notNull().default(''),
    startsAt: timestamp({ withTimezone: true }).notNull(),
    endsAt: timestamp({ withTimezone: true }).notNull(),
    scope: missionScopeEnum().notNull(),
    goal: jsonb().$type<MissionGoal>().notNull(),
    rewardPoints: integer().notNull().default(0),
    /** A badge key of the site's rules; null for none. */
    rewardBadge: text(),
    /** Closed early by a manager: nothing after this counts. */
    closedAt: timestamp({ withTimezone: true }),
    createdById: uuid().references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.siteId, t.endsAt)],
);
