import type { MissionGoal } from '@tribu/protocol';
import { describe, expect, it } from 'vitest';
import { completionsDue, inSlot, missionProgress, missionRewardKey, missionStatus, sharedCount, type MissionFact, type MissionPerson } from './missions.ts';

const at = (s: string) => new Date(`2026-12-${s}Z`);
const W = { startsAt: at('01T00:00:00'), endsAt: at('31T00:00:00'), closedAt: null };
const chat = (day: string, o: Partial<Extract<MissionFact, { kind: 'chat' }>> = {}): Extract<MissionFact, { kind: 'chat' }> => ({
  kind: 'chat',
  at: at(`${day}T12:00:00`),
  topics: [],
  language: null,
  rating: null,
  ...o,
});
const tip = (day: string): MissionFact => ({ kind: 'tip', at: at(`${day}T12:00:00`) });
const evidence = (day: string): MissionFact => ({ kind: 'evidence', at: at(`${day}T12:00:00`) });

describe('mission progress', () => {
  const facts: MissionFact[] = [
    chat('02', { topics: ['Billing'], language: 'de-DE', rating: 5 }),
    chat('03', { topics: ['shipping'], language: 'fr', rating: 4 }),
    chat('04', { language: 'de', rating: 3 }),
    chat('05'),
    tip('06'),
    tip('07'),
    evidence('08'),
  ];
  it.each<[string, MissionGoal, number]>([
    ['answered chats', { kind: 'chats', target: 10 }, 4],
    ['chats on a topic tag (any case)', { kind: 'chats', target: 10, topic: 'billing' }, 1],
    ['chats in a language (regional variants count)', { kind: 'chats', target: 10, language: 'de' }, 2],
    ['chats on a topic and in a language', { kind: 'chats', target: 10, topic: 'shipping', language: 'de' }, 0],
    ['tips in the feed', { kind: 'tips', target: 10 }, 2],
    ['chats rated 4 or 5', { kind: 'good_ratings', target: 10 }, 2],
    ['approved evidence', { kind: 'checked', target: 1 }, 1],
  ])('counts %s', (_name, goal, expected) => {
    expect(missionProgress(goal, W, facts)).toBe(expected);
  });

  it.each<[string, MissionFact, number]>([
    ['a chat just before the start', { ...chat('01'), at: new Date('2026-11-30T23:59:59Z') }, 0],
    ['a chat at the start', { ...chat('01'), at: at('01T00:00:00') }, 1],
    ['a chat at the end (excluded)', { ...chat('31'), at: at('31T00:00:00') }, 0],
  ])('counts only the period: %s', (_name, fact, expected) => {
    expect(missionProgress({ kind: 'chats', target: 1 }, W, [fact])).toBe(expected);
  });

  it.each<[string, string, string, boolean]>([
    // Sunday 18–20 in Paris (UTC+1 in December).
    ['Sunday 18:30 in Paris', '2026-12-06T17:30:00Z', 'Europe/Paris', true],
    ['Sunday 17:59 in Paris', '2026-12-06T16:59:00Z', 'Europe/Paris', false],
    ['Sunday 20:00 in Paris (the end is excluded)', '2026-12-06T19:00:00Z', 'Europe/Paris', false],
    ['Sunday 18:30 UTC is 19:30 in Paris', '2026-12-06T18:30:00Z', 'Europe/Paris', true],
    ['Sunday 18:30 in New York is Monday in Paris', '2026-12-06T23:30:00Z', 'Europe/Paris', false],
    ['Sunday 18:30 in New York, read in New York', '2026-12-06T23:30:00Z', 'America/New_York', true],
  ])('reads an hour-of-week slot in the site time zone: %s', (_name, iso, timeZone, expected) => {
    expect(inSlot(new Date(iso), { weekday: 7, fromHour: 18, toHour: 20 }, timeZone)).toBe(expected);
  });

  it('counts chats answered in the slot (by their first answer, else their close)', () => {
    const goal: MissionGoal = { kind: 'chats', target: 5, slot: { weekday: 7, fromHour: 18, toHour: 20 } };
    const facts: MissionFact[] = [
      { ...chat('06'), at: new Date('2026-12-06T20:30:00Z'), answeredAt: new Date('2026-12-06T17:10:00Z') }, // answered 18:10, closed 21:30
      { ...chat('06'), at: new Date('2026-12-06T17:45:00Z') }, // closed 18:45, no answer time known
      { ...chat('06'), at: new Date('2026-12-06T19:30:00Z'), answeredAt: new Date('2026-12-06T19:05:00Z') }, // answered 20:05
    ];
    expect(missionProgress(goal, W, facts, 'Europe/Paris')).toBe(2);
  });

  it('stops counting when a manager closes the mission early', () => {
    const closed = { ...W, closedAt: at('10T00:00:00') };
    expect(missionProgress({ kind: 'chats', target: 9 }, closed, [chat('09'), chat('11'), chat('12')])).toBe(1);
  });
});

describe('mission status', () => {
  it.each([
    ['2026-11-30T00:00:00Z', null, 'upcoming'],
    ['2026-12-15T00:00:00Z', null, 'open'],
    ['2026-12-31T00:00:00Z', null, 'ended'],
    ['2026-12-15T00:00:00Z', '2026-12-10T00:00:00Z', 'closed'],
  ])('at %s (closed at %s) is %s', (now, closedAt, expected) => {
    expect(missionStatus({ ...W, closedAt: closedAt ? new Date(closedAt) : null }, new Date(now))).toBe(expected);
  });
});

describe('completion', () => {
  const p = (userId: string, current: number, joined = true, completed = false): MissionPerson => ({ userId, current, joined, completed });
  it.each<[string, 'individual' | 'community', number, MissionPerson[], string[]]>([
    ['an individual mission reached', 'individual', 3, [p('a', 3), p('b', 2)], ['a']],
    ['an individual mission passed', 'individual', 3, [p('a', 5)], ['a']],
    ['never twice', 'individual', 3, [p('a', 4, true, true)], []],
    ['not for someone who ignored it, whatever they did', 'individual', 3, [p('a', 9, false)], []],
    ['a community counter short of its target', 'community', 10, [p('a', 6), p('b', 3)], []],
    ['a community counter reached: every contributor who joined', 'community', 10, [p('a', 7), p('b', 3), p('c', 0)], ['a', 'b']],
    ['ignoring helpers neither count nor complete', 'community', 10, [p('a', 7), p('b', 5, false)], []],
    ['a community counter reached again: the completed are not completed twice', 'community', 10, [p('a', 8, true, true), p('b', 3)], ['b']],
  ])('%s', (_name, scope, target, people, expected) => {
    expect(completionsDue(scope, target, people)).toEqual(expected);
  });

  it('shares a counter among those who joined', () => {
    expect(sharedCount([p('a', 4), p('b', 5, false), p('c', 2)])).toBe(6);
  });

  it('keys a reward by mission and person', () => {
    expect(missionRewardKey('m1', 'u1')).toBe('mission:m1:u1');
  });
});
