import { describe, expect, it } from 'vitest';
import { fmtAgo, fmtDay, fmtDuration, fmtFte, fmtHours, fmtPct, fmtRating } from './format.ts';

describe('how the dashboard writes figures', () => {
  it.each([
    [null, '—'],
    [45, '45 s'],
    [155, '2 min 35 s'],
    [900, '15 min'],
    [3900, '1 h 05 min'],
  ])('a duration of %s s reads %s', (sec, text) => {
    expect(fmtDuration(sec)).toBe(text);
  });

  it.each([
    [0.05, '0.05'],
    [1.6142, '1.6'],
    [12.4, '12'],
  ])('%f full-time jobs read %s', (fte, text) => {
    expect(fmtFte(fte)).toBe(text);
  });

  it('writes hours, shares, ratings and days shortly, and a dash for nothing', () => {
    expect([fmtHours(7.5), fmtHours(242.2), fmtHours(0)]).toEqual(['7.5 h', '242 h', '0 h']);
    expect([fmtPct(0.75), fmtPct(2 / 3), fmtPct(null)]).toEqual(['75%', '67%', '—']);
    expect([fmtRating(4), fmtRating(27 / 7), fmtRating(null)]).toEqual(['4.0', '3.9', '—']);
    expect([fmtDay('2026-04-07'), fmtDay('2026-04-07', true)]).toEqual(['7 Apr', '7 Apr 2026']);
  });

  it('says how long ago someone was seen', () => {
    const now = Date.parse('2026-04-30T12:00:00Z');
    expect(fmtAgo(null, now)).toBe('never');
    expect(fmtAgo('2026-04-30T08:00:00Z', now)).toBe('today');
    expect(fmtAgo('2026-04-29T08:00:00Z', now)).toBe('yesterday');
    expect(fmtAgo('2026-04-13T12:00:00Z', now)).toBe('17 days ago');
    expect(fmtAgo('2025-12-30T12:00:00Z', now)).toBe('4 months ago');
  });
});
