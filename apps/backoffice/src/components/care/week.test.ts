import { describe, expect, it } from 'vitest';
import { slotText, weekdays } from './week.ts';

describe('the week in words', () => {
  it('names the days Monday first, in the reader’s language', () => {
    expect(weekdays('en')).toEqual(['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday']);
    expect(weekdays('fr')[0]).toBe('Lundi');
    expect(weekdays('es', 'short')[6]).toMatch(/^Dom/);
  });

  it('writes a pledged slot', () => {
    expect(slotText({ weekday: 7, startHour: 18, endHour: 21 }, weekdays('en'))).toBe('Sunday 18:00–21:00');
  });
});
