import { z } from 'zod';
import type { Ack } from './errors.ts';
import { LIMITS } from './limits.ts';
import { IdSchema, TagsSchema } from './schemas.ts';
import { LocaleSchema, type Locale } from './http.ts';

// ---------- people: public profiles, my profile, notifications ----------

/** What any member of a site sees of a helper (never email, never anything private). */
export interface PublicProfile {
  id: string;
  displayName: string;
  avatarUrl: string | null;
  bio: string | null;
  languages: string[];
  expertise: string[];
  role: 'helper' | 'moderator' | 'admin';
  memberSince: string;
  /** Chats answered on this site (the helper sent at least one message). */
  answeredChats: number;
}

export interface MemberSummary {
  id: string;
  displayName: string;
  avatarUrl: string | null;
  role: 'helper' | 'moderator' | 'admin';
}

export interface NotifyPrefs {
  sound: boolean;
  desktop: boolean;
  mentions: boolean;
  /** Receive the community digest by mail (on unless turned off). */
  digest: boolean;
  /** The digest may name me beside my best-rated answers (off: "a helper"). */
  nameInDigest: boolean;
}

/** The signed-in person's own profile (GET/PATCH /api/profile). */
export interface MyProfile {
  id: string;
  email: string;
  displayName: string;
  avatarUrl: string | null;
  bio: string | null;
  languages: string[];
  expertise: string[];
  /** The backoffice language the person chose; null = the browser's, else the site's default. */
  locale: Locale | null;
  notifyPrefs: NotifyPrefs;
  /** Gentle reminder after this many hours online in a day; null = never. */
  restReminderHours: number | null;
  /** Hours with the backoffice open, all sites together. */
  hours: { today: number; week: number; month: number };
}

export const ProfileUpdateSchema = z.strictObject({
  displayName: z.string().trim().min(1, 'A name, even a nickname, is needed').max(LIMITS.displayName).optional(),
  bio: z.string().trim().max(LIMITS.bio).nullable().optional(),
  languages: TagsSchema.optional(),
  expertise: TagsSchema.optional(),
  locale: LocaleSchema.nullable().optional(),
  notifyPrefs: z
    .strictObject({ sound: z.boolean(), desktop: z.boolean(), mentions: z.boolean(), digest: z.boolean(), nameInDigest: z.boolean() })
    .partial()
    .optional(),
  restReminderHours: z.number().int().min(1).max(16).nullable().optional(),
});
export type ProfileUpdate = z.infer<typeof ProfileUpdateSchema>;

/** POST /api/profile/password — every other session of the person ends. */
export const PasswordChangeSchema = z.strictObject({
  current: z.string().min(1, 'Type your current password').max(LIMITS.password),
  next: z.string().min(LIMITS.passwordMin, `Choose a password of at least ${LIMITS.passwordMin} characters`).max(LIMITS.password),
});
export type PasswordChange = z.infer<typeof PasswordChangeSchema>;

export interface Notification {
  id: string;
  siteId: string;
  kind: 'mention' | 'handoff' | 'moderation' | 'comment' | 'points' | 'badge' | 'reward' | 'mentor' | 'webhook' | 'event';
  text: string;
  actor: { id: string; displayName: string } | null;
  link: { postId?: string; conversationId?: string; eventId?: string };
  read: boolean;
  createdAt: string;
}

export interface CommunityClientEvents {
  /** A member's public profile, as seen from one of the reader's sites. */
  'profile:get': (payload: { siteId: string; userId: string }, ack: Ack<{ profile: PublicProfile }>) => void;
  /** Every member of a site (for mentions and managers' grants): names and roles only. */
  'members:list': (payload: { siteId: string }, ack: Ack<{ members: MemberSummary[] }>) => void;
  'notification:list': (payload: Record<string, never>, ack: Ack<{ notifications: Notification[]; unread: number }>) => void;
  /** Marks some (or, without ids, all) as read. */
  'notification:read': (payload: { ids?: string[] }, ack: Ack<{ unread: number }>) => void;
}

export interface CommunityServerEvents {
  'notification:created': (notification: Notification) => void;
  /** The signed-in person's profile changed in another tab. */
  'profile:updated': (profile: { id: string; displayName: string; avatarUrl: string | null }) => void;
}

export const communityCommandSchemas = {
  'profile:get': z.strictObject({ siteId: IdSchema, userId: IdSchema }),
  'members:list': z.strictObject({ siteId: IdSchema }),
  'notification:list': z.strictObject({}),
  'notification:read': z.strictObject({ ids: z.array(IdSchema).max(100).optional() }),
} as const satisfies Record<keyof CommunityClientEvents, z.ZodType>;
