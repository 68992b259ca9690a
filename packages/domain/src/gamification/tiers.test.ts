import { describe, expect, it } from 'vitest';
import { tierFor } from './tiers.ts';

describe('tiers from lifetime points (0 / 50 / 200 / 500 / 1,000)', () => {
  it.each([
    [0, 'Newcomer', 'Regular', 50],
    [49, 'Newcomer', 'Regular', 1],
    [50, 'Regular', 'Expert', 150],
    [350, 'Expert', 'Champion', 150],
    [1000, 'Legend', null, 0],
    [5000, 'Legend', null, 0],
  ])('%i points → %s, next %s in %i', (points, tier, next, toNext) => {
    const s = tierFor(points);
    expect([s.tier.name, s.next?.name ?? null, s.toNext]).toEqual([tier, next, toNext]);
  });

  it('shows progress to the next tier as a fraction', () => {
    expect(tierFor(125).progress).toBeCloseTo(0.5);
  });
});
