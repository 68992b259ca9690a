import type { MissionGoal, MissionScope, MissionSlot, MissionStatus } from '@tribu/protocol';

/**
 * Mission progress from facts: the same facts scoring reads (chats that earned points, not set
 * aside by a manager; feed posts not taken down; evidence a manager approved). Pure: the caller
 * loads the facts and passes the clock.
 */

/** One thing a helper did that a mission may count. */
export type MissionFact =
  /** A chat that scored (answered, not excluded), at its close, with its first answer, topic tags, language and rating. */
  | { kind: 'chat'; at: Date; answeredAt?: Date | null; topics: readonly string[]; language: string | null; rating: number | null }
  /** A tip posted in the feed (not an announcement, not taken down). */
  | { kind: 'tip'; at: Date }
  /** Evidence a manager approved, at the time it was sent. */
  | { kind: 'evidence'; at: Date };

export interface MissionWindow {
  startsAt: Date;
  endsAt: Date;
  /** A manager closed it early: nothing after this counts. */
  closedAt: Date | null;
}

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/** True when the moment falls in the hour-of-week slot, read in the site's time zone. */
export function inSlot(at: Date, slot: MissionSlot, timeZone: string): boolean {
  const parts = new Intl.DateTimeFormat('en-GB', { weekday: 'short', hour: '2-digit', hourCycle: 'h23', timeZone }).formatToParts(at);
  const weekday = WEEKDAYS.indexOf(parts.find((p) => p.type === 'weekday')!.value) + 1;
  const hour = Number(parts.find((p) => p.type === 'hour')!.value);
  return weekday === slot.weekday && hour >= slot.fromHour && hour < slot.toHour;
}

/** True when the fact counts towards the goal (the period aside); a slot is read in the site's time zone. */
export function factCounts(goal: MissionGoal, fact: MissionFact, timeZone = 'UTC'): boolean {
  switch (goal.kind) {
    case 'chats':
      if (fact.kind !== 'chat') return false;
      if (goal.topic !== undefined && !fact.topics.some((t) => t.toLowerCase() === goal.topic!.toLowerCase())) return false;
      if (goal.slot && !inSlot(fact.answeredAt ?? fact.at, goal.slot, timeZone)) return false;
      return goal.language === undefined || (fact.language ?? '').split('-')[0]!.toLowerCase() === goal.language;
    case 'tips':
      return fact.kind === 'tip';
    case 'good_ratings':
      return fact.kind === 'chat' && fact.rating !== null && fact.rating >= 4;
    case 'checked':
      return fact.kind === 'evidence';
  }
}

/** When counting stops: the end of the period, or the early close if sooner. */
export function missionEnd(w: MissionWindow): Date {
  return w.closedAt && w.closedAt < w.endsAt ? w.closedAt : w.endsAt;
}

/** How many of one helper's facts count: in the period [start, end), matching the goal. */
export function missionProgress(goal: MissionGoal, w: MissionWindow, facts: readonly MissionFact[], timeZone = 'UTC'): number {
  const end = missionEnd(w);
  return facts.filter((f) => f.at >= w.startsAt && f.at < end && factCounts(goal, f, timeZone)).length;
}

export function missionStatus(w: MissionWindow, now: Date): MissionStatus {
  if (w.closedAt && w.closedAt <= now) return 'closed';
  if (now < w.startsAt) return 'upcoming';
  if (now >= w.endsAt) return 'ended';
  return 'open';
}

export interface MissionPerson {
  userId: string;
  joined: boolean;
  completed: boolean;
  /** This person's own count. */
  current: number;
}

/** The shared counter of a community mission: everyone who joined (those who said "not for me" are not counted). */
export function sharedCount(people: readonly MissionPerson[]): number {
  return people.filter((p) => p.joined).reduce((n, p) => n + p.current, 0);
}

/**
 * Who completes now (each person once: those already completed never again). Individual: a joined
 * helper whose own count reached the target. Community: when the shared counter reaches it, every
 * joined helper who contributed at least once.
 */
export function completionsDue(scope: MissionScope, target: number, people: readonly MissionPerson[]): string[] {
  const open = people.filter((p) => p.joined && !p.completed);
  if (scope === 'individual') return open.filter((p) => p.current >= target).map((p) => p.userId);
  if (sharedCount(people) < target) return [];
  return open.filter((p) => p.current > 0).map((p) => p.userId);
}

/** The ledger key of a mission's reward to one person: written once, whichever node completes it. */
export const missionRewardKey = (missionId: string, userId: string): string => `mission:${missionId}:${userId}`;
