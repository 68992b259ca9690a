import { describe, expect, it } from 'vitest';
import { rank } from './leaderboard.ts';

const d = (m: number) => new Date(Date.UTC(2026, 4, 1, 10, m));

describe('leaderboard', () => {
  it('ranks by points and gives a tie to whoever got there first', () => {
    const ranked = rank([
      { helperId: 'b', points: 10, reachedAt: d(5) },
      { helperId: 'a', points: 12, reachedAt: d(9) },
      { helperId: 'c', points: 10, reachedAt: d(2) },
    ]);
    expect(ranked.map((r) => `${r.rank}:${r.helperId}`)).toEqual(['1:a', '2:c', '3:b']);
  });
});
