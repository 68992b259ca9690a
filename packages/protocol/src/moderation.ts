import { z } from 'zod';
import { LIMITS } from './limits.ts';
import type { AuthorKind, Role } from './schemas.ts';
import { IdSchema } from './schemas.ts';
import { InstantQuerySchema } from './calendar.schemas.ts';

// ---------- moderation: reports, bans, blocked words, the team, the audit log ----------

const Reason = z.string().trim().min(1, 'Give a reason').max(LIMITS.reason);

export const ReportKindSchema = z.enum(['message', 'post', 'comment']);
export type ReportKind = z.infer<typeof ReportKindSchema>;

/** POST /api/reports — a helper reports a visitor message (in a chat they can read) or a feed item. */
export const ReportCreateSchema = z.strictObject({ kind: ReportKindSchema, targetId: IdSchema, reason: Reason });
export type ReportCreate = z.infer<typeof ReportCreateSchema>;

/** POST /api/sites/:siteId/reports/:reportId/decide — close a report without other action, or as handled. */
export const ReportDecideSchema = z.strictObject({ status: z.enum(['resolved', 'dismissed']) });
export type ReportDecide = z.infer<typeof ReportDecideSchema>;

/** POST /api/sites/:siteId/reports/:reportId/feed — hide or delete the reported post/comment (resolves the report). */
export const ReportFeedActionSchema = z.strictObject({ action: z.enum(['hide', 'delete']), reason: Reason });
export type ReportFeedAction = z.infer<typeof ReportFeedActionSchema>;

/** The chat line shown around a reported message. */
export interface ContextMessage {
  id: string;
  seq: number;
  author: AuthorKind;
  authorName: string | null;
  /** Managers read the visitor's words as written, blocked words included. */
  text: string;
  flagged: boolean;
  createdAt: string;
  /** The message the report is about. */
  reported: boolean;
}

/** What a manager needs to judge a reported message: the chat around it and who was in it. */
export interface MessageContext {
  kind: 'message';
  conversationId: string;
  visitorId: string;
  question: string;
  page: { url: string; title: string } | null;
  status: 'waiting' | 'active' | 'closed';
  startedAt: string;
  helperName: string | null;
  /** A few messages before and after the reported one, oldest first. */
  messages: ContextMessage[];
  /** The visitor is banned from the site right now. */
  visitorBanned: boolean;
}

/** A reported feed post or comment, as it stands (it may have been hidden or deleted since). */
export interface FeedContext {
  kind: 'post' | 'comment';
  postId: string;
  text: string;
  authorName: string | null;
  createdAt: string;
  /** For a comment: the post it answers (first line). */
  postText: string | null;
  moderation: 'hidden' | 'deleted' | null;
}

export type ReportStatus = 'open' | 'resolved' | 'dismissed';

/** One line of the moderation queue. */
export interface ReportView {
  id: string;
  siteId: string;
  kind: ReportKind;
  targetId: string;
  status: ReportStatus;
  reason: string;
  /** Null: raised automatically (a blocked word). */
  reporterName: string | null;
  createdAt: string;
  resolvedByName: string | null;
  resolvedAt: string | null;
  /** Null when the item no longer exists (erased conversation, deleted account...). */
  context: MessageContext | FeedContext | null;
}

/** GET /api/sites/:siteId/reports — open reports first (oldest first), then the latest closed ones. */
export interface ReportList {
  open: ReportView[];
  closed: ReportView[];
}

export const BanDurationSchema = z.enum(['1d', '7d', '30d', 'forever']);
export type BanDuration = z.infer<typeof BanDurationSchema>;

/** POST /api/sites/:siteId/bans — ban the visitor of a conversation (from a report or a chat). */
export const BanCreateSchema = z.strictObject({
  conversationId: IdSchema,
  duration: BanDurationSchema,
  reason: Reason,
  /** Also refuse the network address the visitor started that chat from (kept only as a keyed hash). */
  blockAddress: z.boolean(),
  /** The report this ban settles (it is resolved with it). */
  reportId: IdSchema.optional(),
});
export type BanCreate = z.infer<typeof BanCreateSchema>;

export interface BanView {
  id: string;
  visitorId: string | null;
  /** Also refuses a network address. */
  byAddress: boolean;
  reason: string;
  /** Null: for ever. */
  until: string | null;
  createdAt: string;
  createdByName: string | null;
  /** Not lifted and not expired. */
  active: boolean;
  liftedAt: string | null;
  liftedByName: string | null;
}

/** PUT /api/sites/:siteId/blocked-words */
export const BlockedWordsSchema = z.strictObject({
  words: z.array(z.string().trim().min(1).max(40)).max(200),
});
export type BlockedWords = z.infer<typeof BlockedWordsSchema>;

/** A member of a site's team, for its managers. */
export interface TeamMember {
  userId: string;
  displayName: string;
  email: string;
  avatarUrl: string | null;
  role: Role;
  status: 'active' | 'suspended';
  suspendedReason: string | null;
  joinedAt: string;
  chatsAnswered: number;
  /** Last minute online on this site; null when never. */
  lastSeenAt: string | null;
  /** Whether the person asking may suspend, reinstate or remove this member. */
  actionable: boolean;
}

export const SuspendSchema = z.strictObject({ reason: Reason });
export type Suspend = z.infer<typeof SuspendSchema>;
export const RemoveMemberSchema = z.strictObject({ confirm: z.literal(true, 'Confirm the removal'), reason: Reason });
export type RemoveMember = z.infer<typeof RemoveMemberSchema>;

/** Audit actions written by moderation (other modules add theirs). */
export const AuditAction = {
  reportDismissed: 'report.dismissed',
  reportResolved: 'report.resolved',
  visitorBanned: 'visitor.banned',
  banLifted: 'ban.lifted',
  blockedWordsChanged: 'blocked_words.changed',
  memberSuspended: 'member.suspended',
  memberReinstated: 'member.reinstated',
  memberRemoved: 'member.removed',
  chatEnded: 'chat.ended',
  feedHidden: 'feed.hidden',
  feedDeleted: 'feed.deleted',
  feedRestored: 'feed.restored',
  pointsAdjusted: 'points.adjusted',
} as const;

export interface AuditEntryView {
  id: string;
  at: string;
  actorName: string;
  action: string;
  targetKind: string | null;
  targetLabel: string | null;
  reason: string | null;
  details: Record<string, unknown>;
}

/** `?action=…&before=…` of the audit log: one kind of action, and the page of lines before an instant. */
export const AuditQuerySchema = z.object({
  action: z.string().max(60).optional(),
  before: InstantQuerySchema.optional(),
});
export type AuditQuery = z.infer<typeof AuditQuerySchema>;

/** GET /api/sites/:siteId/audit — newest first; `actions` are those present, for the filter. */
export interface AuditPage {
  entries: AuditEntryView[];
  actions: string[];
  nextBefore: string | null;
}

/** Told to a site's managers whenever the queue changes (a new report, one closed). */
export interface ReportsChanged {
  siteId: string;
  open: number;
}

export interface ModerationServerEvents {
  /** The moderation queue changed: refresh it (and the count badge). */
  'report:changed': (payload: ReportsChanged) => void;
  /** A manager suspended me on a site: my rights there are gone (ask `/api/auth/me` again). */
  'membership:suspended': (payload: { siteId: string; siteName: string; reason: string }) => void;
  /** A manager reinstated me on a site: my rights there are back. */
  'membership:reinstated': (payload: { siteId: string }) => void;
}

/** Told to a banned visitor's widget just before its sockets are closed. */
export interface VisitorBanned {
  message: string;
}
