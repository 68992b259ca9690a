import type { EventCheckIn, FeedbackQuestion } from '@tribu/protocol';
import { index, integer, jsonb, pgEnum, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { sites } from './sites.ts';
import { users } from './users.ts';

export const eventKindEnum = pgEnum('event_kind', ['meetup', 'webinar', 'product_test']);
export const eventAudienceEnum = pgEnum('event_audience', ['everyone', 'tier', 'picked']);
export const eventRsvpStateEnum = pgEnum('event_rsvp_state', ['going', 'waiting']);

/** A manager's event: a meetup, a webinar or a product test, with optional seats and an audience. */
export const events = pgTable(
  'events',
  {
    id: uuid().primaryKey().defaultRandom(),
    siteId: uuid()
      .notNull()
      .references(() => sites.id, { onDelete: 'cascade' }),
    kind: eventKindEnum().notNull(),
    title: text().notNull(),
    description: text().notNull().default(''),
    startsAt: timestamp({ withTimezone: true }).notNull(),
    endsAt: timestamp({ withTimezone: true }).notNull(),
    place: text().notNull().default(''),
    link: text().notNull().default(''),
    /** Seats; null for no limit. */
    capacity: integer(),
    audience: eventAudienceEnum().notNull().default('everyone'),
    /** The tier (by name, from the site's rules) an audience `tier` starts at. */
    minTier: text(),
    /** Product tests: the testers' guide, check-in days and feedback questions. */
    guide: text().notNull().default(''),
    checkIns: jsonb().$type<EventCheckIn[]>().notNull().default([]),
    questions: jsonb().$type<FeedbackQuestion[]>().notNull().default([]),
    /** A badge key of the site's rules given for sending feedback; null for none. */
    rewardBadge: text(),
    /** The iCalendar SEQUENCE: raised on every edit so calendars update their copy. */
    sequence: integer().notNull().default(0),
    cancelledAt: timestamp({ withTimezone: true }),
    createdById: uuid().references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.siteId, t.startsAt)],
);

/** The hand-picked people of an event whose audience is `picked`. */
export const eventInvitees = pgTable(
  'event_invitees',
  {
    eventId: uuid()
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.eventId, t.userId] })],
);

/**
 * A person's RSVP: a seat (`going`) or a place in the waiting list (ordered by `queuedAt`).
 * Leaving deletes the row; seats are taken and handed on under a lock of the event's row.
 */
export const eventAttendees = pgTable(
  'event_attendees',
  {
    eventId: uuid()
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    state: eventRsvpStateEnum().notNull(),
    queuedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** When the seat was given (at once, or later from the waiting list). */
    seatedAt: timestamp({ withTimezone: true }),
    /** Product tests: the tester's answers by question id, and when they were last sent. */
    answers: jsonb().$type<Record<string, string>>(),
    feedbackAt: timestamp({ withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.eventId, t.userId] }), index().on(t.eventId, t.state, t.queuedAt), index().on(t.userId)],
);

/** The reminder of the day before, claimed once per (event, person) by whichever node inserts it first. */
export const eventReminders = pgTable(
  'event_reminders',
  {
    eventId: uuid()
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    claimedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp({ withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.eventId, t.userId] })],
);
