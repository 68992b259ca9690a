import { describe, expect, it } from 'vitest';
import { coverageHeatmap } from '../kpi/heatmap.ts';
import { nextPledgedHour, pledgedHours, pledgeProblem, projectCoverage, weekHourIn, WEEK_HOURS } from './pledges.ts';

const at = (weekday: number, hour: number) => (weekday - 1) * 24 + hour;

describe('pledgeProblem', () => {
  it.each([
    [{ weekday: 7, startHour: 18, endHour: 20 }, null],
    [{ weekday: 1, startHour: 0, endHour: 24 }, null],
    [{ weekday: 0, startHour: 18, endHour: 20 }, 'Pick a day of the week'],
    [{ weekday: 8, startHour: 18, endHour: 20 }, 'Pick a day of the week'],
    [{ weekday: 3, startHour: -1, endHour: 2 }, 'Hours run from 0 to 24'],
    [{ weekday: 3, startHour: 22, endHour: 25 }, 'Hours run from 0 to 24'],
    [{ weekday: 3, startHour: 1.5, endHour: 3 }, 'Hours run from 0 to 24'],
    [{ weekday: 3, startHour: 20, endHour: 20 }, 'A slot ends after it starts'],
    [{ weekday: 3, startHour: 21, endHour: 19 }, 'A slot ends after it starts'],
  ])('%o → %s', (slot, problem) => {
    expect(pledgeProblem(slot)).toBe(problem);
  });
});

describe('pledgedHours', () => {
  it('counts distinct helpers per hour; one helper overlapping themself counts once; bad slots are skipped', () => {
    const grid = pledgedHours([
      { userId: 'ann', weekday: 7, startHour: 18, endHour: 20 },
      { userId: 'ann', weekday: 7, startHour: 19, endHour: 21 },
      { userId: 'bob', weekday: 7, startHour: 19, endHour: 20 },
      { userId: 'cy', weekday: 2, startHour: 22, endHour: 20 },
    ]);
    expect(grid).toHaveLength(WEEK_HOURS);
    expect([grid[at(7, 17)], grid[at(7, 18)], grid[at(7, 19)], grid[at(7, 20)], grid[at(7, 21)]]).toEqual([0, 1, 2, 1, 0]);
    expect(grid.reduce((a, b) => a + b, 0)).toBe(4);
  });
});

describe('projectCoverage', () => {
  // Monday 9h: 4 requests, nobody online; Monday 10h: 2 requests, 0.25 online; Tuesday 9h: 1 request, 2 online.
  const heat = coverageHeatmap(
    [
      { weekday: 1, hour: 9, count: 4 },
      { weekday: 1, hour: 10, count: 2 },
      { weekday: 2, hour: 9, count: 1 },
    ],
    [
      { weekday: 1, hour: 10, count: 15 },
      { weekday: 2, hour: 9, count: 120 },
    ],
    [
      { weekday: 1, hour: 9, count: 1 },
      { weekday: 1, hour: 10, count: 1 },
      { weekday: 2, hour: 9, count: 1 },
    ],
  );
  const cell = (p: ReturnType<typeof projectCoverage>, weekday: number, hour: number) => p.cells.find((c) => c.weekday === weekday && c.hour === hour)!;

  it.each([
    ['no pledge: every gap stays', [], 2, 0, [true, true]],
    ['a pledge on Monday 9h fills that gap only', [{ userId: 'ann', weekday: 1, startHour: 9, endHour: 10 }], 2, 1, [false, true]],
    ['a pledge for both hours fills both', [{ userId: 'ann', weekday: 1, startHour: 9, endHour: 11 }], 2, 2, [false, false]],
    ['a pledge elsewhere fills nothing', [{ userId: 'ann', weekday: 5, startHour: 9, endHour: 11 }], 2, 0, [true, true]],
  ])('%s', (_name, pledges, gaps, filled, stillGaps) => {
    const p = projectCoverage(heat, pledgedHours(pledges));
    expect(p.gaps).toBe(gaps);
    expect(p.filled).toBe(filled);
    expect([cell(p, 1, 9).projectedGap, cell(p, 1, 10).projectedGap]).toEqual(stillGaps);
  });

  it('projects the more of those seen online and those who pledged, never their sum', () => {
    const p = projectCoverage(heat, pledgedHours([{ userId: 'ann', weekday: 2, startHour: 9, endHour: 10 }]));
    expect(cell(p, 2, 9)).toMatchObject({ requests: 1, helpersOnline: 2, pledged: 1, projected: 2, gap: false, projectedGap: false });
    expect(cell(p, 1, 10)).toMatchObject({ helpersOnline: 0.25, pledged: 0, projected: 0.25, gap: true, projectedGap: true });
  });
});

describe('nextPledgedHour', () => {
  const sunday18to20 = pledgedHours([{ userId: 'ann', weekday: 7, startHour: 18, endHour: 20 }]);
  it.each([
    ['Sunday 10h: today at 18h', { weekday: 7, hour: 10 }, 1, { weekday: 7, hour: 18, daysAhead: 0 }],
    ['Sunday 17h: today at 18h', { weekday: 7, hour: 17 }, 1, { weekday: 7, hour: 18, daysAhead: 0 }],
    ['Sunday 18h (inside the slot, yet nobody came): 19h', { weekday: 7, hour: 18 }, 1, { weekday: 7, hour: 19, daysAhead: 0 }],
    ['Sunday 19h: next Sunday, a week ahead', { weekday: 7, hour: 19 }, 1, { weekday: 7, hour: 18, daysAhead: 7 }],
    ['Saturday 23h: tomorrow (the week wraps)', { weekday: 6, hour: 23 }, 1, { weekday: 7, hour: 18, daysAhead: 1 }],
    ['Monday 0h: six days ahead', { weekday: 1, hour: 0 }, 1, { weekday: 7, hour: 18, daysAhead: 6 }],
    ['a site wanting 2 helpers: one pledge is not enough', { weekday: 7, hour: 10 }, 2, null],
  ])('%s', (_name, now, min, expected) => {
    expect(nextPledgedHour(sunday18to20, now, min)).toEqual(expected);
  });

  it('answers null when nobody pledged', () => {
    expect(nextPledgedHour(pledgedHours([]), { weekday: 3, hour: 12 })).toBeNull();
  });
});

describe('weekHourIn', () => {
  it.each([
    ['2026-12-06T17:30:00Z', 'UTC', { weekday: 7, hour: 17, minute: 30 }],
    ['2026-12-06T17:30:00Z', 'Europe/Paris', { weekday: 7, hour: 18, minute: 30 }],
    ['2026-12-06T23:30:00Z', 'Europe/Paris', { weekday: 1, hour: 0, minute: 30 }],
    ['2026-12-07T03:05:00Z', 'America/New_York', { weekday: 7, hour: 22, minute: 5 }],
  ])('%s in %s', (iso, zone, expected) => {
    expect(weekHourIn(new Date(iso), zone)).toEqual(expected);
  });
});
