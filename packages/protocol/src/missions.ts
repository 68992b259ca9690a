import { z } from 'zod';
import type { Ack } from './errors.ts';
import { IdSchema } from './schemas.ts';

/**
 * Missions: a manager's invitation to do something for a while ("answer 5 chats in German this
 * month"). Measured from the same facts as scoring, opt-in, never nagging: a helper may ignore any.
 */

export const MissionGoalKind = { chats: 'chats', tips: 'tips', goodRatings: 'good_ratings', checked: 'checked' } as const;
export type MissionGoalKind = (typeof MissionGoalKind)[keyof typeof MissionGoalKind];

const Target = z.number().int().min(1).max(100_000);

/** ISO weekday (1 Monday … 7 Sunday) and hours [fromHour, toHour) of the site's time zone. */
export const MissionSlotSchema = z
  .strictObject({
    weekday: z.number().int().min(1).max(7),
    fromHour: z.number().int().min(0).max(23),
    toHour: z.number().int().min(1).max(24),
  })
  .refine((s) => s.fromHour < s.toHour, { message: 'The slot ends after it starts', path: ['toHour'] });
export type MissionSlot = z.infer<typeof MissionSlotSchema>;
const TopicTag = z.string().trim().min(1).max(40);

/** What counts: answered chats (optionally on a topic tag / in a language), feed tips, chats rated 4–5, or approved evidence. */
export const MissionGoalSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('chats'),
    target: Target,
    topic: TopicTag.optional(),
    /** A language code like `de` (the widget's language of the chat). */
    language: z
      .string()
      .regex(/^[a-z]{2}$/)
      .optional(),
    /** An hour-of-week slot in the site's time zone (as the coverage heatmap shows gaps): answered then. */
    slot: MissionSlotSchema.optional(),
  }),
  z.strictObject({ kind: z.literal('tips'), target: Target }),
  z.strictObject({ kind: z.literal('good_ratings'), target: Target }),
  /** A person checks it: the helper sends a link or a text, a manager approves it. */
  z.strictObject({ kind: z.literal('checked'), target: z.number().int().min(1).max(20) }),
]);
export type MissionGoal = z.infer<typeof MissionGoalSchema>;

export const MissionScopeSchema = z.enum(['individual', 'community']);
export type MissionScope = z.infer<typeof MissionScopeSchema>;

export const MissionSaveSchema = z
  .strictObject({
    siteId: IdSchema,
    /** Absent: a new mission. */
    missionId: IdSchema.optional(),
    title: z.string().trim().min(1, 'Give it a title').max(120),
    why: z.string().trim().max(1000),
    startsAt: z.iso.datetime({ offset: true }),
    endsAt: z.iso.datetime({ offset: true }),
    scope: MissionScopeSchema,
    goal: MissionGoalSchema,
    rewardPoints: z.number().int().min(0).max(100_000),
    /** A badge of the site's rules (built-in or custom); null for none. */
    rewardBadge: z.string().min(1).max(64).nullable(),
  })
  .refine((m) => Date.parse(m.endsAt) > Date.parse(m.startsAt), { message: 'The end comes after the start', path: ['endsAt'] })
  .refine((m) => m.rewardPoints > 0 || m.rewardBadge !== null, { message: 'Give points, a badge or both', path: ['rewardPoints'] });
export type MissionSave = z.infer<typeof MissionSaveSchema>;

export const MissionResponseSchema = z.strictObject({ missionId: IdSchema, response: z.enum(['join', 'ignore']) });
export type MissionResponse = z.infer<typeof MissionResponseSchema>;

export const EvidenceSubmitSchema = z
  .strictObject({
    missionId: IdSchema,
    link: z
      .url({ protocol: /^https?$/ })
      .max(500)
      .optional(),
    text: z.string().trim().min(1).max(2000).optional(),
  })
  .refine((e) => e.link !== undefined || e.text !== undefined, { message: 'Give a link or a few words', path: ['text'] });
export type EvidenceSubmit = z.infer<typeof EvidenceSubmitSchema>;

export const EvidenceDecideSchema = z.strictObject({
  evidenceId: IdSchema,
  action: z.enum(['approve', 'reject']),
  note: z.string().trim().max(300).optional(),
});
export type EvidenceDecide = z.infer<typeof EvidenceDecideSchema>;

export type MissionStatus = 'upcoming' | 'open' | 'ended' | 'closed';
export type ParticipantState = 'joined' | 'ignored';

export interface Mission {
  id: string;
  siteId: string;
  title: string;
  why: string;
  startsAt: string;
  endsAt: string;
  scope: MissionScope;
  goal: MissionGoal;
  rewardPoints: number;
  rewardBadge: { key: string; name: string } | null;
  status: MissionStatus;
  /** The reader's answer: null until they join or ignore. */
  me: { state: ParticipantState; current: number; completedAt: string | null } | null;
  /** Community missions: the shared counter (everyone who joined). Individual: the reader's own count. */
  current: number;
  target: number;
  participants: number;
}

export interface MissionParticipant {
  userId: string;
  displayName: string;
  state: ParticipantState;
  current: number;
  completedAt: string | null;
}

export interface MissionEvidence {
  id: string;
  missionId: string;
  user: { id: string; displayName: string } | null;
  link: string | null;
  text: string | null;
  status: 'pending' | 'approved' | 'rejected';
  note: string | null;
  createdAt: string;
}

export interface MissionDetail {
  mission: Mission;
  participants: MissionParticipant[];
  evidence: MissionEvidence[];
}

/** A joined helper's progress moved (told to that helper's tabs on every node). */
export interface MissionProgressed {
  siteId: string;
  missionId: string;
  /** The reader's own count (individual) or the shared counter (community). */
  current: number;
  target: number;
  /** Set once, when this helper's mission completed. */
  completedAt: string | null;
}

export interface MissionClientEvents {
  /** `open`: open and upcoming missions with my progress (helpers); `all`: every mission (managers). */
  'mission:list': (payload: { siteId: string; scope: 'open' | 'all' }, ack: Ack<{ missions: Mission[] }>) => void;
  /** Managers: create or edit. */
  'mission:save': (payload: MissionSave, ack: Ack<{ mission: Mission }>) => void;
  /** Managers: ends it now (nothing more counts; rewards already given stay). */
  'mission:close': (payload: { missionId: string }, ack: Ack<{ mission: Mission }>) => void;
  /** Managers: who joined, how far they are, evidence to check. */
  'mission:detail': (payload: { missionId: string }, ack: Ack<MissionDetail>) => void;
  /** Join or say "not for me" (one click, nothing nags afterwards). */
  'mission:respond': (payload: MissionResponse, ack: Ack<{ mission: Mission }>) => void;
  'evidence:submit': (payload: EvidenceSubmit, ack: Ack<{ evidence: MissionEvidence }>) => void;
  /** Managers. */
  'evidence:decide': (payload: EvidenceDecide, ack: Ack<{ evidence: MissionEvidence }>) => void;
}

export interface MissionServerEvents {
  'mission:progressed': (payload: MissionProgressed) => void;
  /** Missions of the site were created, edited or closed: list again. */
  'missions:changed': (payload: { siteId: string }) => void;
  /** To the site's managers: evidence was sent for a mission (read its detail again). */
  'mission:evidence': (payload: { siteId: string; missionId: string }) => void;
}

export const missionCommandSchemas = {
  'mission:list': z.strictObject({ siteId: IdSchema, scope: z.enum(['open', 'all']) }),
  'mission:save': MissionSaveSchema,
  'mission:close': z.strictObject({ missionId: IdSchema }),
  'mission:detail': z.strictObject({ missionId: IdSchema }),
  'mission:respond': MissionResponseSchema,
  'evidence:submit': EvidenceSubmitSchema,
  'evidence:decide': EvidenceDecideSchema,
} as const satisfies Record<keyof MissionClientEvents, z.ZodType>;
