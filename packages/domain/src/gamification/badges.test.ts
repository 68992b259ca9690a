import { describe, expect, it } from 'vitest';
import { DEFAULT_BADGES, badgeProgress, isNight, newlyEarned, type HelperStats } from './badges.ts';

const stats = (over: Partial<HelperStats> = {}): HelperStats => ({
  answeredChats: 0,
  fiveStarRatings: 0,
  fastAnswers: 0,
  nightChats: 0,
  languages: 0,
  mentoredNewcomers: 0,
  likedPosts: 0,
  ...over,
});

describe('badges', () => {
  it.each([
    ['a first answered chat', stats({ answeredChats: 1 }), ['chats-1']],
    ['10 answered chats', stats({ answeredChats: 10 }), ['chats-1', 'chats-10']],
    ['10 five-star ratings', stats({ answeredChats: 9, fiveStarRatings: 10 }), ['chats-1', 'quality-10']],
    ['night chats and two languages', stats({ languages: 2, nightChats: 5 }), ['night-owl', 'polyglot']],
    ['liked posts and mentored newcomers', stats({ likedPosts: 10, mentoredNewcomers: 3 }), ['mentor', 'voice']],
  ])('%s earns the matching badges', (_name, s, keys) => {
    expect(newlyEarned(s, DEFAULT_BADGES, new Set()).map((b) => b.key)).toEqual(keys);
  });

  it('never awards a badge twice', () => {
    expect(newlyEarned(stats({ answeredChats: 12 }), DEFAULT_BADGES, new Set(['chats-1', 'chats-10']))).toEqual([]);
  });

  it('shows progress towards locked badges and keeps an earned badge when a count drops', () => {
    const p = badgeProgress(stats({ answeredChats: 25 }), DEFAULT_BADGES, new Set(['chats-50']));
    expect(p.find((x) => x.badge.key === 'chats-50')).toMatchObject({ current: 25, earned: true, progress: 1 });
    expect(p.find((x) => x.badge.key === 'chats-100')).toMatchObject({ current: 25, earned: false, progress: 0.25 });
  });

  it.each([
    ['2026-05-01T20:30:00Z', 'Europe/Paris', true], // 22:30 in Paris
    ['2026-05-01T03:59:00Z', 'Europe/Paris', true], // 05:59 in Paris (summer time)
    ['2026-05-01T04:00:00Z', 'Europe/Paris', false], // 06:00
    ['2026-05-01T12:00:00Z', 'America/New_York', false],
    ['2026-05-01T03:00:00Z', 'America/New_York', true], // 23:00
  ])('%s in %s is night: %s', (iso, tz, expected) => {
    expect(isNight(new Date(iso), tz)).toBe(expected);
  });
});
