import type { EventKind, FeedbackQuestion } from '@tribu/protocol';
import type { Tier } from './gamification/tiers.ts';

/** Why a person may not RSVP to an event (null: they may). */
export type JoinRefusal = 'cancelled' | 'started' | 'over' | 'not_invited' | 'below_tier';

export interface JoinCheck {
  kind: EventKind;
  startsAt: Date;
  endsAt: Date;
  cancelledAt: Date | null;
  audience: 'everyone' | 'tier' | 'picked';
  /** The tier (by name) an audience `tier` starts at. */
  minTier: string | null;
  /** The person is one of the hand-picked. */
  invited: boolean;
  /** Managers may join any event of their site, whatever its audience. */
  manager: boolean;
  /** The person's lifetime points on the site (tiers follow them). */
  lifetimePoints: number;
  tiers: Tier[];
  now: Date;
}

/** Who the event is for: everyone, a tier and above, or the hand-picked; managers always. */
export type AudienceCheck = Pick<JoinCheck, 'audience' | 'minTier' | 'invited' | 'manager' | 'lifetimePoints' | 'tiers'>;

/**
 * Is this person in the event's audience (whatever its dates)? A tier that no longer exists admits
 * nobody but managers: the manager renamed it and should choose again. The list, the `.ics` and
 * joining all read this one rule.
 */
export function inEventAudience(c: AudienceCheck): boolean {
  if (c.manager) return true;
  if (c.audience === 'picked') return c.invited;
  if (c.audience === 'tier') {
    const tier = c.tiers.find((t) => t.name === c.minTier);
    return tier !== undefined && c.lifetimePoints >= tier.min;
  }
  return true;
}

/**
 * May this person RSVP now? A meetup or a webinar takes answers until it starts, a product test
 * until it ends (testers may join a running panel); then the audience decides.
 */
export function joinRefusal(c: JoinCheck): JoinRefusal | null {
  if (c.cancelledAt) return 'cancelled';
  if (c.endsAt <= c.now) return 'over';
  if (c.kind !== 'product_test' && c.startsAt <= c.now) return 'started';
  if (inEventAudience(c)) return null;
  return c.audience === 'picked' ? 'not_invited' : 'below_tier';
}

/** What a refusal says to the person. */
export const joinRefusalText: Record<JoinRefusal, string> = {
  cancelled: 'This event was cancelled',
  started: 'This event has started',
  over: 'This event is over',
  not_invited: 'This event is for invited people',
  below_tier: 'This event is for a higher tier',
};

/** A new RSVP takes a seat while one is free, else a place at the end of the waiting list. */
export function seatFor(capacity: number | null, going: number): 'going' | 'waiting' {
  return capacity === null || going < capacity ? 'going' : 'waiting';
}

/**
 * Who gets a seat now: the first of the waiting list (in order) for every free seat — after
 * someone leaves, or when a manager raises the capacity or removes it.
 */
export function seatsToGive(capacity: number | null, going: number, waiting: readonly string[]): string[] {
  if (capacity === null) return [...waiting];
  return waiting.slice(0, Math.max(0, capacity - going));
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** The reminder goes out during the day before: the event starts within 24 hours and has not started. */
export function reminderDue(e: { startsAt: Date; cancelledAt: Date | null }, now: Date): boolean {
  if (e.cancelledAt) return false;
  const left = e.startsAt.getTime() - now.getTime();
  return left > 0 && left <= DAY_MS;
}

/**
 * A tester's answers checked against the form: every rating (1–5) and yes/no question answered,
 * text optional; answers to unknown questions refused. Returns the answers to keep, or why not.
 */
export function checkAnswers(
  questions: readonly FeedbackQuestion[],
  answers: Readonly<Record<string, string>>,
): { answers: Record<string, string> } | { error: string } {
  const known = new Set(questions.map((q) => q.id));
  const unknown = Object.keys(answers).find((id) => !known.has(id));
  if (unknown !== undefined) return { error: `No question ${unknown} on this form` };
  const kept: Record<string, string> = {};
  for (const q of questions) {
    const a = (answers[q.id] ?? '').trim();
    if (q.kind === 'rating' && !/^[1-5]$/.test(a)) return { error: `Rate “${q.label}” from 1 to 5` };
    if (q.kind === 'yesno' && a !== 'yes' && a !== 'no') return { error: `Answer “${q.label}” with yes or no` };
    kept[q.id] = a;
  }
  return { answers: kept };
}
