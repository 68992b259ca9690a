import { describe, expect, it } from 'vitest';
import { usuallyText } from './usually.ts';

describe('usuallyText', () => {
  it.each([
    [{ weekday: 7, hour: 18, daysAhead: 0 }, 'en', 'Usually answered from 18:00'],
    [{ weekday: 1, hour: 9, daysAhead: 1 }, 'en', 'Usually answered from tomorrow 09:00'],
    [{ weekday: 7, hour: 18, daysAhead: 3 }, 'en', 'Usually answered from Sunday 18:00'],
    [{ weekday: 7, hour: 18, daysAhead: 0 }, 'fr', 'Réponses habituelles dès 18:00'],
    [{ weekday: 1, hour: 9, daysAhead: 1 }, 'fr', 'Réponses habituelles dès demain 09:00'],
    [{ weekday: 3, hour: 20, daysAhead: 5 }, 'fr', 'Réponses habituelles dès mercredi 20:00'],
    [{ weekday: 6, hour: 10, daysAhead: 4 }, 'es', 'Se suele responder desde sábado 10:00'],
    [{ weekday: 6, hour: 10, daysAhead: 1 }, 'es', 'Se suele responder desde mañana 10:00'],
  ] as const)('%o in %s', (next, locale, text) => {
    expect(usuallyText(next, locale)).toBe(text);
  });

  it('says nothing when nobody pledged', () => {
    expect(usuallyText(null, 'en')).toBeNull();
  });
});
