import { describe, expect, it } from 'vitest';
import { createFormat } from '../../i18n/format.ts';
import { fmtDay, fmtDuration, fmtFte, fmtHours, fmtPct, fmtRating, weekdayName } from './format.ts';

const en = createFormat('en', 'UTC');
const fr = createFormat('fr', 'Europe/Paris');

describe('how the dashboard writes figures', () => {
  it.each([
    [null, '—'],
    [45, '45 s'],
    [155, '2 min 35 s'],
    [900, '15 min'],
    [3900, '1 h 05 min'],
  ])('a duration of %s s reads %s', (sec, text) => {
    expect(fmtDuration(en, sec)).toBe(text);
  });

  it.each([
    [0.05, '0.05'],
    [1.6142, '1.6'],
    [12.4, '12'],
  ])('%f full-time jobs read %s', (fte, text) => {
    expect(fmtFte(en, fte)).toBe(text);
  });

  it('writes hours, shares, ratings and days shortly, and a dash for nothing', () => {
    expect([fmtHours(en, 7.5), fmtHours(en, 242.2), fmtHours(en, 0)]).toEqual(['7.5 h', '242 h', '0 h']);
    expect([fmtPct(en, 0.75), fmtPct(en, 2 / 3), fmtPct(en, null)]).toEqual(['75%', '67%', '—']);
    expect([fmtRating(en, 4), fmtRating(en, 27 / 7), fmtRating(en, null)]).toEqual(['4.0', '3.9', '—']);
    expect([fmtDay(en, '2026-04-07'), fmtDay(en, '2026-04-07', true)]).toEqual(['Apr 7', 'Apr 7, 2026']);
  });

  it('writes them the French way in French', () => {
    expect([fmtHours(fr, 7.5), fmtRating(fr, 4), fmtFte(fr, 1.6142), fmtPct(fr, 0.75)]).toEqual(['7,5 h', '4,0', '1,6', '75\u00a0%']);
    expect([fmtDay(fr, '2026-04-07'), weekdayName(fr, 3, true), weekdayName(en, 7)]).toEqual(['7 avr.', 'mercredi', 'Sun']);
  });
});
