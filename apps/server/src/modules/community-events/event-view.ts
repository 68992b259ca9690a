import { inEventAudience, joinRefusal, type Tier } from '@tribu/domain';
import type { CommunityEvent } from '@tribu/protocol';
import type { AttendeeRow, EventRow } from './events.repository.ts';

/** What the reader's rights and standing on the site are: a manager, and their lifetime points against the tiers. */
export interface ReaderAccess {
  userId: string;
  manager: boolean;
  tiers: Tier[];
  points: number;
}

/** Is the reader in the event's audience (the list's and the `.ics`'s rule; joining adds the dates)? */
export function readerInAudience(e: EventRow, invitees: readonly string[], r: ReaderAccess): boolean {
  return inEventAudience({ ...e, invited: invitees.includes(r.userId), manager: r.manager, lifetimePoints: r.points, tiers: r.tiers });
}

/**
 * An event as one reader sees it: seats and waiting list counted, their own answer and place in
 * line; the hand-picked named to managers only; a test's guide to testers with a seat and managers.
 */
export function eventView(
  e: EventRow,
  people: readonly AttendeeRow[],
  invitees: readonly string[],
  names: Map<string, string>,
  r: ReaderAccess,
  now: Date,
): CommunityEvent {
  const waiting = people.filter((p) => p.state === 'waiting');
  const me = people.find((p) => p.userId === r.userId);
  const refusal = joinRefusal({ ...e, invited: invitees.includes(r.userId), manager: r.manager, lifetimePoints: r.points, tiers: r.tiers, now });
  return {
    id: e.id,
    siteId: e.siteId,
    kind: e.kind,
    title: e.title,
    description: e.description,
    startsAt: e.startsAt.toISOString(),
    endsAt: e.endsAt.toISOString(),
    place: e.place,
    link: e.link,
    capacity: e.capacity,
    audience:
      e.audience === 'tier'
        ? { kind: 'tier', tier: e.minTier ?? '' }
        : e.audience === 'picked'
          ? { kind: 'picked', userIds: r.manager ? [...invitees] : [] }
          : { kind: 'everyone' },
    guide: me?.state === 'going' || r.manager ? e.guide : '',
    checkIns: e.checkIns,
    questions: e.questions,
    rewardBadge: e.rewardBadge ? { key: e.rewardBadge, name: names.get(e.rewardBadge) ?? e.rewardBadge } : null,
    cancelledAt: e.cancelledAt?.toISOString() ?? null,
    going: people.length - waiting.length,
    waiting: waiting.length,
    me: me
      ? {
          state: me.state,
          position: me.state === 'waiting' ? waiting.findIndex((w) => w.userId === me.userId) + 1 : null,
          feedbackAt: me.feedbackAt?.toISOString() ?? null,
          answers: me.answers,
        }
      : null,
    mayJoin: refusal === null,
  };
}

/** A file name from a title: letters, digits and dashes. */
export function fileNameOf(title: string): string {
  return (
    title
      .normalize('NFKD')
      .replace(/[^\w\s-]/g, '')
      .trim()
      .toLowerCase()
      .replace(/[\s_-]+/g, '-')
      .slice(0, 60) || 'event'
  );
}
