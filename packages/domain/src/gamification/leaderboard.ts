export interface Standing {
  helperId: string;
  points: number;
  /** When the helper reached this total (their latest ledger entry in the period). */
  reachedAt: Date;
}

export interface Ranked extends Standing {
  rank: number;
}

/**
 * Ranks by points; equal points are broken by who got there first (earlier `reachedAt` ranks
 * higher), then by id so the order is stable. Publicly explained as "ties go to whoever got there first".
 */
export function rank(standings: Standing[]): Ranked[] {
  const sorted = [...standings].sort((a, b) => b.points - a.points || a.reachedAt.getTime() - b.reachedAt.getTime() || a.helperId.localeCompare(b.helperId));
  return sorted.map((s, i) => ({ ...s, rank: i + 1 }));
}
