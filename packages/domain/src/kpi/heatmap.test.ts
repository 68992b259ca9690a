import { describe, expect, it } from 'vitest';
import { coverageHeatmap, isCoverageGap } from './heatmap.ts';

describe('coverage heatmap', () => {
  it('averages helpers online over the times an hour of the week happened, and marks gaps', () => {
    const cells = coverageHeatmap(
      [
        { weekday: 3, hour: 14, count: 5 },
        { weekday: 2, hour: 20, count: 4 },
      ],
      [{ weekday: 3, hour: 14, count: 720 }],
      [
        { weekday: 3, hour: 14, count: 5 },
        { weekday: 2, hour: 20, count: 4 },
      ],
    );
    expect(cells).toHaveLength(168);
    expect(cells.find((c) => c.weekday === 3 && c.hour === 14)).toEqual({ weekday: 3, hour: 14, requests: 5, helpersOnline: 2.4, gap: false });
    expect(cells.find((c) => c.weekday === 2 && c.hour === 20)).toEqual({ weekday: 2, hour: 20, requests: 4, helpersOnline: 0, gap: true });
    expect(cells.filter((c) => c.gap)).toHaveLength(1);
  });

  it.each([
    [0, 0, false],
    [1, 0, true],
    [3, 0.49, true],
    [3, 0.5, false],
    [3, 1, false],
  ])('%i requests with %f helpers online: gap %s', (requests, helpers, gap) => {
    expect(isCoverageGap(requests, helpers)).toBe(gap);
  });
});
