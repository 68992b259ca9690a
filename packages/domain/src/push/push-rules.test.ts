import { describe, expect, it } from 'vitest';
import { inQuietHours, PUSH_RATE, pushVerdict, waitingEmailDue, type PushCandidate } from './push-rules.ts';

const base: PushCandidate = {
  mayTake: true,
  away: false,
  openTabs: 0,
  quietHours: null,
  timeZone: 'UTC',
  alreadySent: false,
  recentSends: [],
};
// 2026-03-10 21:30 UTC = 22:30 in Paris (CET), 17:30 in New York (EDT from March 8), 06:30 next day in Tokyo.
const now = new Date('2026-03-10T21:30:00Z');
const night = { start: '22:00', end: '07:00' };
const minutesAgo = (m: number) => new Date(now.getTime() - m * 60_000);

describe('quiet hours are read in the person’s own time zone', () => {
  it.each([
    ['Europe/Paris', night, true],
    ['America/New_York', night, false],
    ['Asia/Tokyo', night, true],
    ['UTC', night, false],
    ['Asia/Tokyo', { start: '06:30', end: '06:45' }, true],
    ['Asia/Tokyo', { start: '06:00', end: '06:30' }, false],
    ['Europe/Paris', { start: '09:00', end: '18:00' }, false],
    ['America/New_York', { start: '09:00', end: '18:00' }, true],
    ['Europe/Paris', { start: '22:00', end: '22:00' }, false],
    ['Not/AZone', { start: '21:00', end: '22:00' }, true],
    ['Europe/Paris', { start: '25:00', end: '07:00' }, false],
  ])('%s, %o → quiet %s', (zone, quiet, expected) => {
    expect(inQuietHours(quiet, zone, now)).toBe(expected);
  });

  it('is never quiet without a window', () => {
    expect(inQuietHours(null, 'Europe/Paris', now)).toBe(false);
  });
});

describe('whether a helper is called', () => {
  it.each<[string, Partial<PushCandidate>, string]>([
    ['a free helper with no tab open', {}, 'send'],
    ['someone who may not take the request', { mayTake: false }, 'not-allowed'],
    ['a helper who said they are away', { away: true }, 'away'],
    ['a helper with a tab open on some node', { openTabs: 1 }, 'tab-open'],
    ['a helper in their quiet hours (Paris, 22:30)', { quietHours: night, timeZone: 'Europe/Paris' }, 'quiet'],
    ['the same window in New York (17:30)', { quietHours: night, timeZone: 'America/New_York' }, 'send'],
    ['a helper already called about this request', { alreadySent: true }, 'already'],
    ['a helper called the rate’s maximum within the window', { recentSends: [1, 3, 5, 14].map(minutesAgo) }, 'rate'],
    ['one fewer within the window', { recentSends: [1, 3, 5].map(minutesAgo) }, 'send'],
    ['pushes older than the window do not count', { recentSends: [1, 3, 5, 16, 40].map(minutesAgo) }, 'send'],
    ['away wins over a tab open', { away: true, openTabs: 2 }, 'away'],
    ['a tab open wins over quiet hours', { openTabs: 1, quietHours: night, timeZone: 'Europe/Paris' }, 'tab-open'],
  ])('%s → %s', (_name, over, expected) => {
    expect(pushVerdict({ ...base, ...over }, now)).toBe(expected);
  });

  it('allows four pushes per quarter hour', () => {
    expect(PUSH_RATE).toEqual({ max: 4, windowMs: 900_000 });
  });
});

describe('the waiting email', () => {
  it.each([
    [null, 4, true],
    [minutesAgo(239), 4, false],
    [minutesAgo(240), 4, true],
    [minutesAgo(61), 1, true],
    [minutesAgo(59), 1, false],
  ])('last sent %s, every %i h → due %s', (last, hours, expected) => {
    expect(waitingEmailDue(last, hours, now)).toBe(expected);
  });
});
