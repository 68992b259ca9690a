import { z } from 'zod';
import type { Ack } from './errors.ts';
import { contentTranslationsSchema, type ContentVersions } from './content.ts';
import { IdSchema } from './schemas.ts';

// ---------- recognition: points, badges, tiers, leaderboards ----------

export interface LedgerEntry {
  id: string;
  points: number;
  /** `chat`, `good_rating`, `fast_answer`, `grant`, `revoke`, `redeem`, `refund`. */
  reason: string;
  conversationId: string | null;
  note: string | null;
  /** The manager who granted, revoked or decided; null for automatic entries. */
  by: string | null;
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

// ---------- rules (per site, edited by managers) ----------

export const ScoringRulesSchema = z.strictObject({
  pointsPerChat: z.number().int().min(0).max(100),
  goodRatingBonus: z.number().int().min(0).max(100),
  fastAnswerBonus: z.number().int().min(0).max(100),
  fastAnswerSec: z.number().int().min(5).max(3600),
  dailyCapPerVisitor: z.number().int().min(1).max(1000),
  minChatSec: z.number().int().min(0).max(3600),
});
export type ScoringRulesInput = z.infer<typeof ScoringRulesSchema>;

export const TierSchema = z.strictObject({ name: z.string().trim().min(1).max(40), min: z.number().int().min(0).max(1_000_000) });
export const BadgeMetricSchema = z.enum(['answeredChats', 'fiveStarRatings', 'fastAnswers', 'nightChats', 'languages', 'mentoredNewcomers', 'likedPosts']);
/** A manager's own badge, from the same criteria vocabulary as the built-in ones. */
export const CustomBadgeSchema = z.strictObject({
  key: z.string().regex(/^custom-[a-z0-9-]{1,40}$/, 'Custom badge keys start with custom-'),
  name: z.string().trim().min(1).max(40),
  description: z.string().trim().min(1).max(120),
  metric: BadgeMetricSchema,
  target: z.number().int().min(1).max(100_000),
});

export const RulesSchema = z.strictObject({
  scoring: ScoringRulesSchema,
  tiers: z.array(TierSchema).min(1).max(12),
  customBadges: z.array(CustomBadgeSchema).max(30),
});
export type Rules = z.infer<typeof RulesSchema>;

export interface RulesView extends Rules {
  /** The built-in badges (always on), for the editor to show beside the custom ones. */
  builtInBadges: { key: string; name: string; description: string; metric: string; target: number }[];
}

/** "With these rules, last month's top 10 would be ..." */
export interface RulesPreview {
  from: string;
  to: string;
  top: { userId: string; displayName: string; points: number; tier: string; currentPoints: number }[];
}

// ---------- rewards ----------

export interface Reward {
  id: string;
  siteId: string;
  name: string;
  description: string;
  cost: number;
  /** Left in stock; null = unlimited. */
  stock: number | null;
  active: boolean;
  /** For managers: the default name and description and their versions in the site's other languages. */
  versions?: ContentVersions<'name' | 'description'>;
}

export const RewardSaveSchema = z.strictObject({
  siteId: IdSchema,
  id: IdSchema.optional(),
  name: z.string().trim().min(1).max(80),
  description: z.string().trim().max(500),
  /** Name and description in the site's other languages (same limits). */
  translations: contentTranslationsSchema({ name: z.string().trim().max(80), description: z.string().trim().max(500) }).optional(),
  cost: z.number().int().min(1).max(1_000_000),
  stock: z.number().int().min(0).max(100_000).nullable(),
  active: z.boolean(),
});
export type RewardSave = z.infer<typeof RewardSaveSchema>;

/** A chat that earned (or could have earned) points, as managers review them. */
export interface ScoredChat {
  conversationId: string;
  question: string;
  helper: { id: string; displayName: string } | null;
  points: number;
  rating: number | null;
  closedAt: string;
  /** Marked abusive or out of scope by a manager. */
  excluded: boolean;
}

export const RedemptionStatus = { requested: 'requested', approved: 'approved', fulfilled: 'fulfilled', rejected: 'rejected' } as const;
export type RedemptionStatus = (typeof RedemptionStatus)[keyof typeof RedemptionStatus];

export interface Redemption {
  id: string;
  siteId: string;
  reward: { id: string; name: string };
  user: { id: string; displayName: string } | null;
  cost: number;
  status: RedemptionStatus;
  /** The fulfilment message or code, or the reason of a rejection. */
  message: string | null;
  createdAt: string;
  decidedAt: string | null;
}

export const RedemptionDecideSchema = z.strictObject({
  redemptionId: IdSchema,
  action: z.enum(['approve', 'fulfil', 'reject']),
  /** Required to fulfil (the message or code) and to reject (the reason). */
  message: z.string().trim().min(1).max(500).optional(),
});
export type RedemptionDecide = z.infer<typeof RedemptionDecideSchema>;

export const PointsAdjustSchema = z.strictObject({
  siteId: IdSchema,
  userId: IdSchema,
  /** Positive grants, negative revokes. */
  points: z
    .number()
    .int()
    .min(-100_000)
    .max(100_000)
    .refine((n) => n !== 0, 'Zero points changes nothing'),
  note: z.string().trim().min(1, 'Give a reason').max(300),
  /** A client-made id: a retried adjustment is written once. */
  clientId: z
    .string()
    .min(1)
    .max(64)
    .regex(/^[A-Za-z0-9_-]+$/),
});
export type PointsAdjust = z.infer<typeof PointsAdjustSchema>;

const SiteRef = z.strictObject({ siteId: IdSchema });

export interface GamificationClientEvents {
  'gamification:summary': (payload: { siteId: string; userId?: string }, ack: Ack<GamificationSummary>) => void;
  'leaderboard:list': (payload: { siteId: string; period: LeaderboardPeriod }, ack: Ack<Leaderboard>) => void;
  'rules:get': (payload: { siteId: string }, ack: Ack<RulesView>) => void;
  /** Managers. */
  'rules:save': (payload: { siteId: string; rules: Rules }, ack: Ack<RulesView>) => void;
  /** Managers: last month's top 10 re-scored with proposed rules, nothing saved. */
  'rules:preview': (payload: { siteId: string; rules: Rules }, ack: Ack<RulesPreview>) => void;
  /** Managers: grant (positive) or revoke (negative) points with a reason; the helper is notified. */
  'points:adjust': (payload: PointsAdjust, ack: Ack<{ entry: LedgerEntry; balance: number }>) => void;
  /**
   * Managers: a chat that was abusive or out of scope earns nothing; points already given for it are
   * revoked (one ledger row) and its rating never counts. Badges already earned stay.
   */
  'conversation:exclude': (payload: { conversationId: string; reason: string }, ack: Ack<{ revoked: number }>) => void;
  /** Managers: the site's chats that earned points in the last 30 days, newest first. */
  'scored:list': (payload: { siteId: string }, ack: Ack<{ chats: ScoredChat[] }>) => void;
  /** Active rewards for helpers; every reward for managers. */
  'reward:list': (payload: { siteId: string }, ack: Ack<{ rewards: Reward[] }>) => void;
  'reward:save': (payload: RewardSave, ack: Ack<{ reward: Reward }>) => void;
  /** Reserves the points at once (refunded if a manager rejects). */
  'redemption:request': (payload: { rewardId: string }, ack: Ack<{ redemption: Redemption; balance: number }>) => void;
  /** `mine`: my requests; `all`: the site's (managers). */
  'redemption:list': (payload: { siteId: string; scope: 'mine' | 'all' }, ack: Ack<{ redemptions: Redemption[] }>) => void;
  'redemption:decide': (payload: RedemptionDecide, ack: Ack<{ redemption: Redemption }>) => void;
}

export interface GamificationServerEvents {
  'points:awarded': (payload: PointsAwarded) => void;
  'badge:earned': (payload: BadgeEarned) => void;
  /** A redemption changed (to its helper, and to the site's managers). */
  'redemption:updated': (redemption: Redemption) => void;
  /** The catalogue changed: list again. */
  'rewards:changed': (payload: { siteId: string }) => void;
}

export const gamificationCommandSchemas = {
  /** `userId` of another member: their public standing (managers and peers alike). */
  'gamification:summary': z.strictObject({ siteId: IdSchema, userId: IdSchema.optional() }),
  'leaderboard:list': z.strictObject({ siteId: IdSchema, period: LeaderboardPeriodSchema }),
  'rules:get': SiteRef,
  'rules:save': z.strictObject({ siteId: IdSchema, rules: RulesSchema }),
  'rules:preview': z.strictObject({ siteId: IdSchema, rules: RulesSchema }),
  'points:adjust': PointsAdjustSchema,
  'conversation:exclude': z.strictObject({ conversationId: IdSchema, reason: z.string().trim().min(1, 'Give a reason').max(300) }),
  'scored:list': SiteRef,
  'reward:list': SiteRef,
  'reward:save': RewardSaveSchema,
  'redemption:request': z.strictObject({ rewardId: IdSchema }),
  'redemption:list': z.strictObject({ siteId: IdSchema, scope: z.enum(['mine', 'all']) }),
  'redemption:decide': RedemptionDecideSchema,
} as const satisfies Record<keyof GamificationClientEvents, z.ZodType>;
