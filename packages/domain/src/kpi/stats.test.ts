import { describe, expect, it } from 'vitest';
import { fullTimeEquivalent, median, percentile, ratingAverage, ratio, relativeChange } from './stats.ts';

describe('percentiles (as Postgres percentile_cont)', () => {
  it.each([
    [[], 0.5, null],
    [[7], 0.9, 7],
    [[1, 2, 3], 0.5, 2],
    [[4, 1, 3, 2], 0.5, 2.5],
    [[10, 20, 30, 40, 50, 60, 70, 80, 90, 100], 0.9, 91],
    [[5, 1], 0, 1],
    [[5, 1], 1, 5],
  ])('percentile(%j, %f) is %s', (values, p, expected) => {
    expect(percentile(values, p)).toBe(expected);
  });

  it('takes the median of thirty first answers of 10 s, 20 s … 300 s as 155 s, and p90 as 271 s', () => {
    const values = Array.from({ length: 30 }, (_, i) => (i + 1) * 10);
    expect(median(values)).toBe(155);
    expect(percentile(values, 0.9)).toBeCloseTo(271, 9);
  });
});

describe('full-time equivalents', () => {
  it('makes 1,453 chats of 10 minutes in a 30-day month about 1.6 full-time jobs', () => {
    const hours = (1453 * 10) / 60;
    expect(Math.round(hours)).toBe(242);
    expect(fullTimeEquivalent(hours, 30)).toBeCloseTo(1.61, 2);
  });

  it('counts 35 hours in one week as one full-time job, and nothing for an empty period', () => {
    expect(fullTimeEquivalent(35, 7)).toBe(1);
    expect(fullTimeEquivalent(10, 0)).toBe(0);
  });
});

describe('ratios, ratings and changes', () => {
  it('gives no rate for an empty period instead of 0 %', () => {
    expect(ratio(3, 4)).toBe(0.75);
    expect(ratio(0, 0)).toBeNull();
  });

  it('averages stars from their counts', () => {
    expect(ratingAverage([2, 1, 2, 5, 10])).toBe(4);
    expect(ratingAverage([0, 0, 0, 0, 0])).toBeNull();
  });

  it.each([
    [12, 10, 0.2],
    [5, 10, -0.5],
    [3, 0, null],
    [null, 4, null],
  ])('a change from %s to… %s is %s', (current, previous, expected) => {
    expect(relativeChange(current, previous)).toBe(expected);
  });
});
