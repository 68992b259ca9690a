export interface Tier {
  name: string;
  /** Lifetime points needed. */
  min: number;
}

export const DEFAULT_TIERS: Tier[] = [
  { name: 'Newcomer', min: 0 },
  { name: 'Regular', min: 50 },
  { name: 'Expert', min: 200 },
  { name: 'Champion', min: 500 },
  { name: 'Legend', min: 1000 },
];

export interface TierStanding {
  tier: Tier;
  next: Tier | null;
  /** 0–1 of the way from this tier to the next (1 at the top tier). */
  progress: number;
  /** Points still needed for the next tier (0 at the top). */
  toNext: number;
}

/** Where lifetime points stand among the tiers (tiers in any order; the lowest applies below all). */
export function tierFor(lifetimePoints: number, tiers: Tier[] = DEFAULT_TIERS): TierStanding {
  const sorted = [...tiers].sort((a, b) => a.min - b.min);
  const index = Math.max(
    0,
    sorted.findLastIndex((t) => lifetimePoints >= t.min),
  );
  const tier = sorted[index]!;
  const next = sorted[index + 1] ?? null;
  if (!next) return { tier, next: null, progress: 1, toNext: 0 };
  const span = next.min - tier.min;
  return { tier, next, progress: Math.min(1, Math.max(0, (lifetimePoints - tier.min) / span)), toNext: next.min - lifetimePoints };
}
