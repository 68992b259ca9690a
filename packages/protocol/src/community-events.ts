import { z } from 'zod';
import type { Ack } from './errors.ts';
import { IdSchema } from './schemas.ts';

/**
 * Community events: meetups, webinars and product tests a manager sets up. Helpers who may join
 * RSVP (or wait for a seat when it is full), get an `.ics` and a reminder the day before; a product
 * test adds a guide, check-in dates and a short feedback form per tester. Everything is opt-in.
 */

export const EventKind = { meetup: 'meetup', webinar: 'webinar', productTest: 'product_test' } as const;
export type EventKind = (typeof EventKind)[keyof typeof EventKind];
export const EventKindSchema = z.enum(['meetup', 'webinar', 'product_test']);

/** Who may join: everyone on the site, helpers of a tier and above (by lifetime points), or hand-picked people. */
export const EventAudienceSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('everyone') }),
  z.strictObject({ kind: z.literal('tier'), tier: z.string().trim().min(1).max(40) }),
  z.strictObject({ kind: z.literal('picked'), userIds: z.array(IdSchema).min(1).max(500) }),
]);
export type EventAudience = z.infer<typeof EventAudienceSchema>;

/** A product test's check-in: a day testers report how it goes. */
export const EventCheckInSchema = z.strictObject({ on: z.iso.date(), label: z.string().trim().max(120) });
export type EventCheckIn = z.infer<typeof EventCheckInSchema>;

/** One question of a product test's feedback form. */
export const FeedbackQuestionSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]{1,20}$/),
  label: z.string().trim().min(1, 'Write the question').max(200),
  /** `rating`: 1–5; `yesno`: yes or no; `text`: a few words. */
  kind: z.enum(['rating', 'yesno', 'text']),
});
export type FeedbackQuestion = z.infer<typeof FeedbackQuestionSchema>;

export const EventSaveSchema = z
  .strictObject({
    siteId: IdSchema,
    /** Absent: a new event. */
    eventId: IdSchema.optional(),
    kind: EventKindSchema,
    title: z.string().trim().min(1, 'Give it a title').max(120),
    description: z.string().trim().max(4000),
    startsAt: z.iso.datetime({ offset: true }),
    endsAt: z.iso.datetime({ offset: true }),
    /** Where (an address) — a meetup's place; may stay empty for an online event. */
    place: z.string().trim().max(300),
    /** A link to join (a webinar) or to read more; http(s) only. */
    link: z.union([z.literal(''), z.url({ protocol: /^https?$/ }).max(500)]),
    /** Seats; null for no limit. */
    capacity: z.number().int().min(1).max(10_000).nullable(),
    audience: EventAudienceSchema,
    /** Product tests: what testers do, step by step. */
    guide: z.string().trim().max(8000),
    checkIns: z.array(EventCheckInSchema).max(12),
    questions: z
      .array(FeedbackQuestionSchema)
      .max(10)
      .refine((qs) => new Set(qs.map((q) => q.id)).size === qs.length, 'Each question needs its own id'),
    /** A badge of the site's rules given for taking part (feedback sent); null for none. */
    rewardBadge: z.string().min(1).max(64).nullable(),
  })
  .refine((e) => Date.parse(e.endsAt) > Date.parse(e.startsAt), { message: 'The end comes after the start', path: ['endsAt'] });
export type EventSave = z.infer<typeof EventSaveSchema>;

export const EventRsvpSchema = z.strictObject({ eventId: IdSchema, response: z.enum(['join', 'leave']) });
export type EventRsvp = z.infer<typeof EventRsvpSchema>;

/** A tester's answers, by question id: `1`–`5` for a rating, `yes`/`no`, or text. */
export const EventFeedbackSchema = z.strictObject({
  eventId: IdSchema,
  answers: z.record(z.string().regex(/^[a-z0-9-]{1,20}$/), z.string().trim().max(2000)),
});
export type EventFeedbackInput = z.infer<typeof EventFeedbackSchema>;

export type RsvpState = 'going' | 'waiting';

export interface CommunityEvent {
  id: string;
  siteId: string;
  kind: EventKind;
  title: string;
  description: string;
  startsAt: string;
  endsAt: string;
  place: string;
  link: string;
  capacity: number | null;
  /** Hand-picked people are listed to managers only (others see `userIds: []`). */
  audience: EventAudience;
  /** Product tests: shown to testers with a seat and to managers ('' to others). */
  guide: string;
  checkIns: EventCheckIn[];
  questions: FeedbackQuestion[];
  rewardBadge: { key: string; name: string } | null;
  cancelledAt: string | null;
  going: number;
  waiting: number;
  /** The reader's RSVP: a seat, or a place in the waiting list (1 = next). */
  me: { state: RsvpState; position: number | null; feedbackAt: string | null; answers: Record<string, string> | null } | null;
  /** May the reader RSVP now (open, not over, in the audience)? */
  mayJoin: boolean;
}

export interface EventAttendee {
  userId: string;
  displayName: string;
  state: RsvpState;
  /** Waiting list order (1 = next); null with a seat. */
  position: number | null;
  since: string;
  feedbackAt: string | null;
  answers: Record<string, string> | null;
}

export interface EventDetail {
  event: CommunityEvent;
  attendees: EventAttendee[];
  /** The site's time zone: dates are shown in it. */
  timeZone: string;
}

export interface EventClientEvents {
  /** `upcoming`: events the reader may join or answered, not over (helpers); `all`: every event (managers). */
  'event:list': (payload: { siteId: string; scope: 'upcoming' | 'all' }, ack: Ack<{ events: CommunityEvent[]; timeZone: string }>) => void;
  /** Managers: create or edit. */
  'event:save': (payload: EventSave, ack: Ack<{ event: CommunityEvent }>) => void;
  /** Managers: cancels it (everyone who answered is told). */
  'event:cancel': (payload: { eventId: string }, ack: Ack<{ event: CommunityEvent }>) => void;
  /** Managers: who comes, who waits, feedback. */
  'event:detail': (payload: { eventId: string }, ack: Ack<EventDetail>) => void;
  /** Take a seat (or a place in the waiting list when full), or leave (the first waiting gets the seat). */
  'event:rsvp': (payload: EventRsvp, ack: Ack<{ event: CommunityEvent }>) => void;
  /** A tester with a seat sends (or corrects) their feedback on a product test. */
  'event:feedback': (payload: EventFeedbackInput, ack: Ack<{ event: CommunityEvent }>) => void;
}

export interface EventServerEvents {
  /** Events of the site were created, edited, cancelled or answered: list again. */
  'events:changed': (payload: { siteId: string; eventId: string }) => void;
}

export const eventCommandSchemas = {
  'event:list': z.strictObject({ siteId: IdSchema, scope: z.enum(['upcoming', 'all']) }),
  'event:save': EventSaveSchema,
  'event:cancel': z.strictObject({ eventId: IdSchema }),
  'event:detail': z.strictObject({ eventId: IdSchema }),
  'event:rsvp': EventRsvpSchema,
  'event:feedback': EventFeedbackSchema,
} as const satisfies Record<keyof EventClientEvents, z.ZodType>;
