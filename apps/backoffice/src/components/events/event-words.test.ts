import { describe, expect, it } from 'vitest';
import { createFormat } from '../../i18n/format.ts';
import { en } from '../../i18n/messages/en/index.ts';
import { audienceWords, checkInDay, isoToZoned, seatsWords, whenWords, zonedToIso } from './event-words.ts';

const f = createFormat('en', 'UTC');

describe('event times in the site’s zone', () => {
  it.each<[string, string, string]>([
    ['2027-03-20T18:00', 'Europe/Paris', '2027-03-20T17:00:00.000Z'],
    ['2027-07-01T09:30', 'Europe/Paris', '2027-07-01T07:30:00.000Z'],
    // The night the clocks go forward in Paris: 03:30 is read with summer time.
    ['2027-03-28T03:30', 'Europe/Paris', '2027-03-28T01:30:00.000Z'],
    ['2027-01-05T20:00', 'America/New_York', '2027-01-06T01:00:00.000Z'],
    ['2027-01-05T20:00', 'UTC', '2027-01-05T20:00:00.000Z'],
  ])('%s in %s is %s', (local, zone, iso) => {
    expect(zonedToIso(local, zone)).toBe(iso);
    expect(isoToZoned(iso, zone)).toBe(local);
  });

  it('writes the day and hours in the zone, the end’s day only when it differs', () => {
    expect(whenWords({ startsAt: '2027-03-20T17:00:00Z', endsAt: '2027-03-20T19:30:00Z' }, 'Europe/Paris', f)).toBe('Sat, Mar 20, 2027, 18:00–20:30');
    expect(whenWords({ startsAt: '2027-03-20T17:00:00Z', endsAt: '2027-03-22T17:00:00Z' }, 'Europe/Paris', f)).toBe(
      'Sat, Mar 20, 2027, 18:00 – Mon, Mar 22, 2027, 18:00',
    );
  });
});

describe('event words', () => {
  it.each<[number | null, number, number, string]>([
    [null, 4, 0, '4 going'],
    [10, 3, 0, '3 of 10 seats taken'],
    [2, 2, 1, 'Full (2 seats) · 1 waiting'],
    [1, 1, 0, 'Full (1 seat)'],
    [1, 0, 0, '0 of 1 seat taken'],
  ])('capacity %s, %i going, %i waiting: %s', (capacity, going, waiting, text) => {
    expect(seatsWords({ capacity, going, waiting }, en, f)).toBe(text);
  });

  it.each<[Parameters<typeof audienceWords>[0]['audience'], string]>([
    [{ kind: 'everyone' }, 'Everyone'],
    [{ kind: 'tier', tier: 'Regular' }, 'Regular tier and above'],
    [{ kind: 'picked', userIds: ['a', 'b'] }, '2 invited'],
    [{ kind: 'picked', userIds: [] }, 'By invitation'],
  ])('%j reads %s', (audience, text) => {
    expect(audienceWords({ audience }, en, f)).toBe(text);
  });

  it('says the seats in French too', () => {
    const fr = createFormat('fr', 'UTC');
    return import('../../i18n/messages/fr/index.ts').then(({ fr: t }) => {
      expect(seatsWords({ capacity: 10, going: 3, waiting: 2 }, t, fr)).toBe('3 places prises sur 10 · 2 en attente');
      expect(whenWords({ startsAt: '2027-03-20T17:00:00Z', endsAt: '2027-03-20T19:30:00Z' }, 'Europe/Paris', fr)).toBe('sam. 20 mars 2027, 18:00–20:30');
    });
  });

  it('names a check-in day', () => {
    expect(checkInDay('2027-01-18', f)).toBe('Mon, Jan 18');
  });
});
