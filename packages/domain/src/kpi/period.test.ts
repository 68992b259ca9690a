import { describe, expect, it } from 'vitest';
import { addDays, dayIn, daysInPeriod, eachDay, isoWeekday, presetPeriod, previousPeriod } from './period.ts';

describe('periods in calendar days', () => {
  it('counts both ends and crosses month and leap-year ends', () => {
    expect(daysInPeriod('2026-04-01', '2026-04-30')).toBe(30);
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(eachDay('2026-03-30', '2026-04-02')).toEqual(['2026-03-30', '2026-03-31', '2026-04-01', '2026-04-02']);
  });

  it('lists the days up to the last day of the calendar and stops, and refuses a run of days it would not finish', () => {
    expect(eachDay('9999-12-30', '9999-12-31')).toEqual(['9999-12-30', '9999-12-31']);
    expect(eachDay('2026-04-02', '2026-04-01')).toEqual([]);
    expect(eachDay('2026-04-01', '2026-04-01')).toEqual(['2026-04-01']);
    expect(() => eachDay('2000-01-01', '9999-12-31')).toThrow(RangeError);
    expect(() => eachDay('april', 'may')).toThrow(RangeError);
  });

  it('knows 1 April 2026 is a Wednesday and Sunday is day 7', () => {
    expect(isoWeekday('2026-04-01')).toBe(3);
    expect(isoWeekday('2026-04-05')).toBe(7);
  });

  it('compares a period with as many days just before it', () => {
    expect(previousPeriod('2026-04-01', '2026-04-30')).toEqual({ from: '2026-03-02', to: '2026-03-31' });
  });

  it.each([
    ['this-week', '2026-11-26', '2026-11-23', '2026-11-26'],
    ['last-7', '2026-11-26', '2026-11-20', '2026-11-26'],
    ['this-month', '2026-11-26', '2026-11-01', '2026-11-26'],
    ['last-month', '2026-03-15', '2026-02-01', '2026-02-28'],
    ['last-month', '2026-01-05', '2025-12-01', '2025-12-31'],
    ['last-30', '2026-11-26', '2026-10-28', '2026-11-26'],
    ['last-90', '2026-11-26', '2026-08-29', '2026-11-26'],
  ] as const)('%s on %s runs from %s to %s', (preset, today, from, to) => {
    expect(presetPeriod(preset, today)).toEqual({ from, to });
  });

  it("reads today's date in the site's time zone", () => {
    const now = new Date('2026-04-30T23:30:00Z');
    expect(dayIn('UTC', now)).toBe('2026-04-30');
    expect(dayIn('Europe/Paris', now)).toBe('2026-05-01');
  });
});
