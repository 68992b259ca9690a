import type { FeedbackQuestion } from '@tribu/protocol';
import { describe, expect, it } from 'vitest';
import { checkAnswers, inEventAudience, joinRefusal, reminderDue, seatFor, seatsToGive, type JoinCheck, type JoinRefusal } from './community-events.ts';

const at = (s: string) => new Date(`2026-12-${s}Z`);
const tiers = [
  { name: 'Newcomer', min: 0 },
  { name: 'Regular', min: 50 },
  { name: 'Expert', min: 200 },
];
const base: JoinCheck = {
  kind: 'meetup',
  startsAt: at('10T18:00:00'),
  endsAt: at('10T20:00:00'),
  cancelledAt: null,
  audience: 'everyone',
  minTier: null,
  invited: false,
  manager: false,
  lifetimePoints: 0,
  tiers,
  now: at('01T12:00:00'),
};

describe('who may join an event', () => {
  it.each<[string, Partial<JoinCheck>, JoinRefusal | null]>([
    ['anyone, when it is for everyone', {}, null],
    ['nobody, once cancelled', { cancelledAt: at('02T00:00:00') }, 'cancelled'],
    ['nobody (not even a manager) once cancelled', { cancelledAt: at('02T00:00:00'), manager: true }, 'cancelled'],
    ['nobody once a meetup has started', { now: at('10T18:00:00') }, 'started'],
    ['nobody once a webinar has started', { kind: 'webinar', now: at('10T19:00:00') }, 'started'],
    ['a tester while a product test runs', { kind: 'product_test', now: at('10T19:00:00') }, null],
    ['nobody once a product test is over', { kind: 'product_test', now: at('10T20:00:00') }, 'over'],
    ['a helper exactly at the tier', { audience: 'tier', minTier: 'Regular', lifetimePoints: 50 }, null],
    ['a helper above the tier', { audience: 'tier', minTier: 'Regular', lifetimePoints: 300 }, null],
    ['not a helper one point below the tier', { audience: 'tier', minTier: 'Regular', lifetimePoints: 49 }, 'below_tier'],
    ['nobody but managers when the tier no longer exists', { audience: 'tier', minTier: 'Gold', lifetimePoints: 5000 }, 'below_tier'],
    ['a manager below the tier', { audience: 'tier', minTier: 'Expert', manager: true }, null],
    ['a hand-picked person', { audience: 'picked', invited: true }, null],
    ['not someone who was not picked', { audience: 'picked', invited: false, lifetimePoints: 5000 }, 'not_invited'],
    ['a manager who was not picked', { audience: 'picked', manager: true }, null],
  ])('%s', (_name, change, expected) => {
    expect(joinRefusal({ ...base, ...change })).toBe(expected);
  });
});

describe('who sees an event (its audience, whatever its dates)', () => {
  it.each<[string, Partial<JoinCheck>, boolean]>([
    ['everyone', {}, true],
    ['a started meetup stays visible to its audience', { now: at('10T19:00:00') }, true],
    ['the tier and above', { audience: 'tier', minTier: 'Expert', lifetimePoints: 200 }, true],
    ['not below the tier', { audience: 'tier', minTier: 'Expert', lifetimePoints: 199 }, false],
    ['the hand-picked', { audience: 'picked', invited: true }, true],
    ['not the others', { audience: 'picked' }, false],
    ['managers always', { audience: 'picked', manager: true }, true],
  ])('%s', (_name, change, expected) => {
    expect(inEventAudience({ ...base, ...change })).toBe(expected);
  });
});

describe('seats and the waiting list', () => {
  it.each<[number | null, number, 'going' | 'waiting']>([
    [null, 500, 'going'],
    [3, 0, 'going'],
    [3, 2, 'going'],
    [3, 3, 'waiting'],
    [3, 4, 'waiting'],
  ])('capacity %s with %i going: a new RSVP is %s', (capacity, going, expected) => {
    expect(seatFor(capacity, going)).toBe(expected);
  });

  it.each<[string, number | null, number, string[], string[]]>([
    ['one leaves a full event: the first waiting gets the seat', 2, 1, ['a', 'b', 'c'], ['a']],
    ['still full: nobody moves', 2, 2, ['a', 'b'], []],
    ['over-full after the capacity was lowered: nobody moves', 2, 3, ['a'], []],
    ['capacity raised by two: the first two', 5, 3, ['a', 'b', 'c'], ['a', 'b']],
    ['no limit any more: everyone waiting', null, 9, ['a', 'b'], ['a', 'b']],
    ['free seats, nobody waiting', 4, 1, [], []],
  ])('%s', (_name, capacity, going, waiting, expected) => {
    expect(seatsToGive(capacity, going, waiting)).toEqual(expected);
  });
});

describe('the reminder of the day before', () => {
  const startsAt = at('10T18:00:00');
  it.each<[string, Date, Date | null, boolean]>([
    ['two days before: not yet', at('08T18:00:00'), null, false],
    ['24 hours and a second before: not yet', new Date(startsAt.getTime() - 86_400_001), null, false],
    ['exactly 24 hours before', at('09T18:00:00'), null, true],
    ['an hour before', at('10T17:00:00'), null, true],
    ['once it started: too late', at('10T18:00:00'), null, false],
    ['cancelled: never', at('10T08:00:00'), at('05T00:00:00'), false],
  ])('%s', (_name, now, cancelledAt, expected) => {
    expect(reminderDue({ startsAt, cancelledAt }, now)).toBe(expected);
  });
});

describe('a tester’s answers', () => {
  const form: FeedbackQuestion[] = [
    { id: 'q1', label: 'How easy was it?', kind: 'rating' },
    { id: 'q2', label: 'Would you recommend it?', kind: 'yesno' },
    { id: 'q3', label: 'Anything else?', kind: 'text' },
  ];
  it.each<[string, Record<string, string>, ReturnType<typeof checkAnswers>]>([
    ['complete answers are kept, trimmed', { q1: '4', q2: 'yes', q3: ' Great box ' }, { answers: { q1: '4', q2: 'yes', q3: 'Great box' } }],
    ['text may stay empty', { q1: '1', q2: 'no' }, { answers: { q1: '1', q2: 'no', q3: '' } }],
    ['a rating out of range is refused', { q1: '6', q2: 'no' }, { error: 'Rate “How easy was it?” from 1 to 5' }],
    ['a missing rating is refused', { q2: 'no' }, { error: 'Rate “How easy was it?” from 1 to 5' }],
    ['yes/no takes only yes or no', { q1: '3', q2: 'maybe' }, { error: 'Answer “Would you recommend it?” with yes or no' }],
    ['an answer to no question is refused', { q1: '3', q2: 'no', q9: 'x' }, { error: 'No question q9 on this form' }],
  ])('%s', (_name, answers, expected) => {
    expect(checkAnswers(form, answers)).toEqual(expected);
  });
});
