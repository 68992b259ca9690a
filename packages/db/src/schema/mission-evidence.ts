import { index, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { missions } from './missions.ts';
import { users } from './users.ts';

export const missionEvidenceStatusEnum = pgEnum('mission_evidence_status', ['pending', 'approved', 'rejected']);

/** What a helper sends for a mission a person checks (a link or a text); a manager approves or rejects it. */
export const missionEvidence = pgTable(
  'mission_evidence',
  {
    id: uuid().primaryKey().defaultRandom(),
    missionId: uuid()
      .notNull()
      .references(() => missions.id, { onDelete: 'cascade' }),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    link: text(),
    text: text(),
    status: missionEvidenceStatusEnum().notNull().default('pending'),
    /** The manager's word on a rejection (or an approval). */
    note: text(),
    decidedById: uuid().references(() => users.id, { onDelete: 'set null' }),
    decidedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.missionId, t.createdAt), index().on(t.userId)],
);
