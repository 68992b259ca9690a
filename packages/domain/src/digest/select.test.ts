import { describe, expect, it } from 'vitest';
import type { DigestContent, DigestSection } from '@tribu/protocol';
import type { HeatCell } from '../kpi/heatmap.ts';
import {
  bestAnswers,
  coverageGaps,
  digestMissions,
  excerpt,
  leaderboardMovers,
  newcomersOf,
  upcomingEvents,
  visibleSections,
  type DigestEventFact,
  type DigestMissionFact,
  type RatedChatFact,
} from './select.ts';

const at = (day: number, hour = 12) => new Date(Date.UTC(2026, 10, day, hour));

describe('excerpt', () => {
  it.each([
    ['short', 10, 'short'],
    ['  several   spaces\nand lines ', 40, 'several spaces and lines'],
    ['one two three four five six', 14, 'one two three…'],
    ['abcdefghijklmnopqrstuvwxyz', 10, 'abcdefghi…'],
  ])('%j at %i → %j', (text, max, expected) => {
    expect(excerpt(text, max)).toBe(expected);
  });
});

describe('newcomersOf', () => {
  it('keeps members who joined in the period, first come first', () => {
    const members = [
      { name: 'Zoé', joinedAt: at(20) },
      { name: 'Old', joinedAt: at(1) },
      { name: 'Ana', joinedAt: at(20) },
      { name: 'Leo', joinedAt: at(17) },
      { name: 'Late', joinedAt: at(30) },
      { name: 'Edge', joinedAt: at(16, 0) },
    ];
    expect(newcomersOf(members, at(16, 0), at(30, 0))).toEqual(['Edge', 'Leo', 'Ana', 'Zoé']);
  });
});

describe('bestAnswers', () => {
  const chat = (o: Partial<RatedChatFact>): RatedChatFact => ({
    helperId: 'h1',
    helperName: 'Ada',
    helperConsents: false,
    rating: 5,
    question: 'Does it run large?',
    answer: 'Take your usual size.',
    closedAt: at(20),
    ...o,
  });
  const cases: [string, RatedChatFact[], { helper: string | null; rating: number; question: string }[]][] = [
    ['a helper who did not agree is "a helper" (null)', [chat({})], [{ helper: null, rating: 5, question: 'Does it run large?' }]],
    ['a helper who agreed is named', [chat({ helperConsents: true })], [{ helper: 'Ada', rating: 5, question: 'Does it run large?' }]],
    ['ratings under 4 and unrated chats are left out', [chat({ rating: 3 }), chat({ rating: null, helperId: 'h2' })], []],
    [
      'best first, then most recent; one per helper',
      [
        chat({ helperId: 'h1', rating: 4, question: 'A', closedAt: at(25) }),
        chat({ helperId: 'h2', rating: 5, question: 'B', closedAt: at(18) }),
        chat({ helperId: 'h3', rating: 5, question: 'C', closedAt: at(19) }),
        chat({ helperId: 'h3', rating: 5, question: 'D', closedAt: at(17) }),
        chat({ helperId: 'h4', rating: 4, question: 'E', closedAt: at(26) }),
      ],
      [
        { helper: null, rating: 5, question: 'C' },
        { helper: null, rating: 5, question: 'B' },
        { helper: null, rating: 4, question: 'E' },
      ],
    ],
    ['a chat without an answer is left out', [chat({ answer: '  ' })], []],
  ];
  it.each(cases)('%s', (_, chats, expected) => {
    expect(bestAnswers(chats).map(({ helper, rating, question }) => ({ helper, rating, question }))).toEqual(expected);
  });

  it('scrubs contact details from the question and the answer', () => {
    const [a] = bestAnswers([
      chat({ question: 'I am jo@mail.fr, call +33 6 12 34 56 78', answer: 'See https://shop.example/size or write to help@shop.example' }),
    ]);
    expect(a).toEqual({ question: 'I am [email], call [phone]', answer: 'See [link] or write to [email]', rating: 5, helper: null });
  });
});

describe('leaderboardMovers', () => {
  const s = (helperId: string, points: number, day = 1) => ({ helperId, points, reachedAt: at(day) });
  const names = new Map([
    ['a', 'Ada'],
    ['b', 'Ben'],
    ['c', 'Cleo'],
    ['d', 'Dan'],
  ]);
  it.each([
    ['nobody earned points: no movers', [s('a', 10), s('b', 5)], [s('a', 10), s('b', 5)], []],
    ['overtaking gains a place', [s('a', 10), s('b', 5)], [s('a', 10), s('b', 12, 20)], [{ name: 'Ben', from: 2, to: 1, points: 7 }]],
    ['earning points without climbing is not a move', [s('a', 10), s('b', 5)], [s('a', 15, 20), s('b', 6, 20)], []],
    [
      'entering the board counts from below its last place; most places first',
      [s('a', 30), s('b', 20), s('c', 10)],
      [s('a', 30), s('b', 20), s('c', 35, 20), s('d', 40, 21)],
      [
        { name: 'Dan', from: null, to: 1, points: 40 },
        { name: 'Cleo', from: 3, to: 2, points: 25 },
      ],
    ],
    ['someone who left (no name) is left out', [s('a', 10)], [s('a', 10), s('x', 50, 20)], []],
  ])('%s', (_, before, after, expected) => {
    expect(leaderboardMovers(before, after, names)).toEqual(expected);
  });
});

describe('digestMissions', () => {
  const m = (o: Partial<DigestMissionFact>): DigestMissionFact => ({
    title: 'M',
    why: '',
    startsAt: at(1),
    endsAt: at(28),
    closedAt: null,
    joined: 0,
    completions: 0,
    ...o,
  });
  it('lists open and upcoming missions (soonest end first) and those completed in the period', () => {
    const now = at(20);
    const out = digestMissions(
      [
        m({ title: 'Late', endsAt: at(29), joined: 2 }),
        m({ title: 'Soon', endsAt: at(22), joined: 5, why: 'Because.' }),
        m({ title: 'Next', startsAt: at(25), endsAt: at(30) }),
        m({ title: 'Over', endsAt: at(19), completions: 3 }),
        m({ title: 'Closed', closedAt: at(18), completions: 1 }),
        m({ title: 'Nothing', endsAt: at(10) }),
      ],
      now,
    );
    expect(out).toEqual({
      open: [
        { title: 'Soon', why: 'Because.', endsAt: at(22).toISOString(), joined: 5 },
        { title: 'Late', why: '', endsAt: at(29).toISOString(), joined: 2 },
        { title: 'Next', why: '', endsAt: at(30).toISOString(), joined: 0 },
      ],
      completed: [
        { title: 'Over', completions: 3 },
        { title: 'Closed', completions: 1 },
      ],
    });
  });
});

describe('coverageGaps', () => {
  const cell = (weekday: number, hour: number, requests: number, gap = true): HeatCell => ({ weekday, hour, requests, helpersOnline: gap ? 0 : 1, gap });
  it.each([
    ['no gap, nothing to say', [cell(1, 9, 4, false)], []],
    [
      'consecutive gap hours of a day become one run; most requests first',
      [cell(7, 18, 2), cell(7, 19, 3), cell(7, 20, 1), cell(2, 8, 9), cell(2, 10, 1), cell(7, 21, 5, false)],
      [
        { weekday: 2, fromHour: 8, toHour: 9, requests: 9 },
        { weekday: 7, fromHour: 18, toHour: 21, requests: 6 },
        { weekday: 2, fromHour: 10, toHour: 11, requests: 1 },
      ],
    ],
    [
      'at most five runs',
      [cell(1, 1, 1), cell(1, 3, 2), cell(1, 5, 3), cell(1, 7, 4), cell(1, 9, 5), cell(1, 11, 6)],
      [
        { weekday: 1, fromHour: 11, toHour: 12, requests: 6 },
        { weekday: 1, fromHour: 9, toHour: 10, requests: 5 },
        { weekday: 1, fromHour: 7, toHour: 8, requests: 4 },
        { weekday: 1, fromHour: 5, toHour: 6, requests: 3 },
        { weekday: 1, fromHour: 3, toHour: 4, requests: 2 },
      ],
    ],
  ])('%s', (_, cells, expected) => {
    expect(coverageGaps(cells)).toEqual(expected);
  });
});

describe('upcomingEvents', () => {
  const e = (o: Partial<DigestEventFact>): DigestEventFact => ({
    title: 'E',
    startsAt: at(25),
    place: '',
    link: '',
    audience: 'everyone',
    cancelledAt: null,
    ...o,
  });
  it('announces events to come within 45 days, not cancelled, not hand-picked, soonest first', () => {
    const now = at(20);
    const events = [
      e({ title: 'Webinar', startsAt: at(27), link: 'https://meet.example/x' }),
      e({ title: 'Meetup', startsAt: at(22), place: 'Lyon, Café Nord' }),
      e({ title: 'Past', startsAt: at(19) }),
      e({ title: 'Cancelled', cancelledAt: at(18) }),
      e({ title: 'Picked', audience: 'picked' }),
      e({ title: 'Gold', audience: 'tier', startsAt: at(29) }),
      e({ title: 'Far', startsAt: new Date(now.getTime() + 46 * 86_400_000) }),
    ];
    expect(upcomingEvents(events, now)).toEqual([
      { title: 'Meetup', startsAt: at(22).toISOString(), place: 'Lyon, Café Nord' },
      { title: 'Webinar', startsAt: at(27).toISOString(), place: 'Online' },
      { title: 'Gold', startsAt: at(29).toISOString(), place: '' },
    ]);
  });
});

describe('visibleSections', () => {
  const empty: DigestContent = {
    siteName: 'Shop',
    timeZone: 'UTC',
    period: { from: '2026-11-16', to: '2026-11-29' },
    newcomers: [],
    bestAnswers: [],
    movers: [],
    missions: { open: [], completed: [] },
    coverage: [],
    events: [],
  };
  const cases: [string, DigestContent, string, DigestSection[], DigestSection[]][] = [
    ['an empty period shows nothing', empty, '', [], []],
    ['a note alone', empty, 'Hello all', [], ['note']],
    ['a blank note is no section', empty, '   ', [], []],
    [
      'sections with something to say, in reading order, minus those dropped',
      {
        ...empty,
        newcomers: ['Noé'],
        coverage: [{ weekday: 7, fromHour: 18, toHour: 20, requests: 3 }],
        missions: { open: [], completed: [{ title: 'M', completions: 1 }] },
      },
      'Thanks!',
      ['newcomers'],
      ['note', 'missions', 'coverage'],
    ],
  ];
  it.each(cases)('%s', (_, content, note, hidden, expected) => {
    expect(visibleSections(content, note, hidden)).toEqual(expected);
  });
});
