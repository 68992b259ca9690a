import { index, integer, pgEnum, pgTable, primaryKey, timestamp, uuid } from 'drizzle-orm/pg-core';
import { missions } from './missions.ts';
import { users } from './users.ts';

export const missionParticipantStateEnum = pgEnum('mission_participant_state', ['joined', 'ignored']);

/**
 * A helper's answer to a mission (joined, or "not for me"), their last counted progress, and when
 * they completed it: set once by a conditional update, so two nodes never complete it twice.
 */
export const missionParticipants = pgTable(
  'mission_participants',
  {
    missionId: uuid()
      .notNull()
      .references(() => missions.id, { onDelete: 'cascade' }),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    state: missionParticipantStateEnum().notNull(),
    progress: integer().notNull().default(0),
    completedAt: timestamp({ withTimezone: true }),
    respondedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.missionId, t.userId] }), index().on(t.userId)],
);
