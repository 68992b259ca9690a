import { describe, expect, it } from 'vitest';
import type { DigestFrequency } from '@tribu/protocol';
import { lastDigestPeriod } from './period.ts';

describe('lastDigestPeriod', () => {
  const cases: [DigestFrequency, string, { from: string; to: string } | null][] = [
    ['off', '2026-12-07', null],
    // 2026-12-07 is a Monday: last week is over that very day.
    ['weekly', '2026-12-07', { from: '2026-11-30', to: '2026-12-06' }],
    ['weekly', '2026-12-13', { from: '2026-11-30', to: '2026-12-06' }],
    ['weekly', '2026-12-14', { from: '2026-12-07', to: '2026-12-13' }],
    // Across a year's end.
    ['weekly', '2027-01-01', { from: '2026-12-21', to: '2026-12-27' }],
    // Fortnights from Monday 2024-01-01: 2024-01-15 starts the second one.
    ['fortnightly', '2024-01-15', { from: '2024-01-01', to: '2024-01-14' }],
    ['fortnightly', '2024-01-28', { from: '2024-01-01', to: '2024-01-14' }],
    ['fortnightly', '2024-01-29', { from: '2024-01-15', to: '2024-01-28' }],
    // 2026-12-07 is 153 weeks after the anchor (odd): its fortnight began 2026-11-30.
    ['fortnightly', '2026-12-07', { from: '2026-11-16', to: '2026-11-29' }],
    ['fortnightly', '2026-12-13', { from: '2026-11-16', to: '2026-11-29' }],
    ['fortnightly', '2026-12-14', { from: '2026-11-30', to: '2026-12-13' }],
    // Before the anchor, fortnights keep their rhythm.
    ['fortnightly', '2023-12-31', { from: '2023-12-04', to: '2023-12-17' }],
    ['monthly', '2026-12-07', { from: '2026-11-01', to: '2026-11-30' }],
    ['monthly', '2026-03-01', { from: '2026-02-01', to: '2026-02-28' }],
    ['monthly', '2028-03-31', { from: '2028-02-01', to: '2028-02-29' }],
    ['monthly', '2027-01-15', { from: '2026-12-01', to: '2026-12-31' }],
  ];
  it.each(cases)('%s on %s → %o', (frequency, today, expected) => {
    expect(lastDigestPeriod(frequency, today)).toEqual(expected);
  });

  it('gives fortnights of exactly 14 days that follow each other', () => {
    let day = '2025-06-02';
    const seen = new Set<string>();
    for (let i = 0; i < 60; i++) {
      const p = lastDigestPeriod('fortnightly', day)!;
      seen.add(`${p.from}/${p.to}`);
      expect((Date.parse(p.to) - Date.parse(p.from)) / 86_400_000).toBe(13);
      day = new Date(Date.parse(day) + 86_400_000).toISOString().slice(0, 10);
    }
    expect([...seen]).toEqual(['2025-05-19/2025-06-01', '2025-06-02/2025-06-15', '2025-06-16/2025-06-29', '2025-06-30/2025-07-13', '2025-07-14/2025-07-27']);
  });
});
