import { z } from 'zod';
import type { Ack } from './errors.ts';
import { IdSchema } from './schemas.ts';

// ---------- recognition: points, badges, tiers, leaderboards ----------

export interface LedgerEntry {
  id: string;
  points: number;
  /** `chat`, `good_rating`, `fast_answer`, `grant`, `revoke`, `redeem`, `refund`. */
  reason: string;
  conversationId: string | null;
  note: string | null;
  createdAt: string;
}

export interface BadgeView {
  key: string;
  name: string;
  description: string;
  target: number;
  current: number;
  earned: boolean;
  earnedAt: string | null;
}

/** A helper's standing on a site, all derived from the ledger. */
export interface GamificationSummary {
  siteId: string;
  userId: string;
  /** Points available to spend (lifetime minus redemptions). */
  balance: number;
  /** Points ever earned (awards and grants minus revocations); tiers follow it. */
  lifetime: number;
  tier: { name: string; min: number; next: { name: string; min: number } | null; progress: number; toNext: number };
  badges: BadgeView[];
  /** Latest ledger entries, newest first. */
  history: LedgerEntry[];
}

export const LeaderboardPeriodSchema = z.enum(['week', 'month', 'all']);
export type LeaderboardPeriod = z.infer<typeof LeaderboardPeriodSchema>;

export interface LeaderboardRow {
  rank: number;
  userId: string;
  displayName: string;
  avatarUrl: string | null;
  points: number;
}

export interface Leaderboard {
  period: LeaderboardPeriod;
  rows: LeaderboardRow[];
  /** The reader's own row, even outside the top. */
  me: LeaderboardRow | null;
  /** How ties are broken, in words. */
  tieRule: string;
}

/** Sent live to the helper (any tab, any node) when points arrive. */
export interface PointsAwarded {
  siteId: string;
  conversationId: string | null;
  entries: { reason: string; points: number }[];
  balance: number;
}

export interface BadgeEarned {
  siteId: string;
  badge: { key: string; name: string; description: string };
}

export interface GamificationClientEvents {
  'gamification:summary': (payload: { siteId: string; userId?: string }, ack: Ack<GamificationSummary>) => void;
  'leaderboard:list': (payload: { siteId: string; period: LeaderboardPeriod }, ack: Ack<Leaderboard>) => void;
}

export interface GamificationServerEvents {
  'points:awarded': (payload: PointsAwarded) => void;
  'badge:earned': (payload: BadgeEarned) => void;
}

export const gamificationCommandSchemas = {
  /** `userId` of another member: their public standing (managers and peers alike). */
  'gamification:summary': z.strictObject({ siteId: IdSchema, userId: IdSchema.optional() }),
  'leaderboard:list': z.strictObject({ siteId: IdSchema, period: LeaderboardPeriodSchema }),
} as const satisfies Record<keyof GamificationClientEvents, z.ZodType>;
