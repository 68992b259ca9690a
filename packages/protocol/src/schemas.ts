import { z } from 'zod';
import { LIMITS } from './limits.ts';

/** Text a person typed: trimmed, non-empty, capped. */
export const MessageTextSchema = z
  .string()
  .trim()
  .min(1, 'Message is empty')
  .max(LIMITS.messageText, `Message is longer than ${LIMITS.messageText} characters`);

export const IdSchema = z.uuid();
export const ClientIdSchema = z
  .string()
  .min(1)
  .max(LIMITS.clientId)
  .regex(/^[A-Za-z0-9_-]+$/);
export const SiteKeySchema = z
  .string()
  .min(1)
  .max(LIMITS.siteKey)
  .regex(/^[a-z0-9-]+$/);

/** Only http(s) URLs ever travel as page addresses. */
export const HttpUrlSchema = z
  .string()
  .max(LIMITS.url)
  .refine((v) => /^https?:\/\//i.test(v), 'Only http(s) URLs are accepted');

/** What the page says it sells (JSON-LD Product / Open Graph), shown to helpers as read. */
export const ProductSchema = z.strictObject({
  name: z.string().trim().min(1).max(LIMITS.pageTitle),
  price: z.string().trim().max(40).optional(),
});
export type Product = z.infer<typeof ProductSchema>;

/** Context the merchant passes with `Tribu.setContext()` (e.g. cart value), shown to helpers as text. */
export const PageContextSchema = z
  .record(z.string().regex(/^[\w .-]{1,40}$/, 'Context keys are short words'), z.union([z.string().max(200), z.number().finite()]))
  .refine((o) => Object.keys(o).length <= LIMITS.contextEntries, `At most ${LIMITS.contextEntries} context entries`);
export type PageContext = z.infer<typeof PageContextSchema>;

export const PageSchema = z.strictObject({
  url: HttpUrlSchema,
  title: z.string().max(LIMITS.pageTitle).default(''),
  product: ProductSchema.optional(),
  context: PageContextSchema.optional(),
});
export type Page = z.infer<typeof PageSchema>;

export const ConversationStatus = {
  waiting: 'waiting',
  active: 'active',
  closed: 'closed',
} as const;
export type ConversationStatus = (typeof ConversationStatus)[keyof typeof ConversationStatus];

export const AuthorKind = { visitor: 'visitor', helper: 'helper', system: 'system' } as const;
export type AuthorKind = (typeof AuthorKind)[keyof typeof AuthorKind];

export const RoleSchema = z.enum(['helper', 'moderator', 'admin']);
export type Role = z.infer<typeof RoleSchema>;

/** A stored message as both sides see it. */
export interface Message {
  id: string;
  conversationId: string;
  seq: number;
  clientId: string;
  author: AuthorKind;
  /** Display name of the helper for helper messages; null for the anonymous visitor. */
  authorName: string | null;
  text: string;
  /** Helpers only: the visitor's text contained a blocked word (masked in `text`), managers were told. */
  flagged?: boolean;
  createdAt: string;
}

/** A waiting visitor's place in the site's queue, sent whenever it moves. */
export interface QueuePosition {
  conversationId: string;
  /** 1 = next to be answered. */
  position: number;
  /** Rough wait from recent reply times and helpers available; null when unknown. */
  estimatedMinutes: number | null;
}

/** Someone saw the conversation up to `seq`. */
export interface ReadUpdated {
  conversationId: string;
  author: 'visitor' | 'helper';
  seq: number;
}

/** Who a typing indicator is about; it expires on its own after TYPING_TTL_MS. */
export interface TypingUpdated {
  conversationId: string;
  author: 'visitor' | 'helper';
  typing: boolean;
}

/** What a helper says about themself; `busy` is derived (all chat slots taken). */
export const PresenceStatusSchema = z.enum(['available', 'away']);
export type PresenceStatus = z.infer<typeof PresenceStatusSchema>;

/** A helper online now, as peers see them. */
export interface Peer {
  id: string;
  displayName: string;
  avatarUrl: string | null;
  status: 'available' | 'busy' | 'away';
  activeChats: number;
  /** Languages the helper answers in. */
  languages: string[];
}

/** A short tag: a language code or a site topic (`sizing`, `shipping`, ...). */
export const TagSchema = z
  .string()
  .trim()
  .min(1)
  .max(32)
  .regex(/^[a-z0-9-]+$/, 'Tags are lowercase words');
export const TagsSchema = z.array(TagSchema).max(LIMITS.tags);

export interface HelperSummary {
  id: string;
  displayName: string;
  avatarUrl: string | null;
  bio: string | null;
}

/** A conversation as the visitor and the assigned helper see it. */
export interface Conversation {
  id: string;
  siteId: string;
  status: ConversationStatus;
  helper: HelperSummary | null;
  /** The visitor's first message. */
  question: string;
  page: Page | null;
  lastSeq: number;
  createdAt: string;
  claimedAt: string | null;
  closedAt: string | null;
  closedBy: AuthorKind | null;
  /** The visitor's rating (1–5) once the chat is over, and their optional comment. */
  rating: number | null;
  ratingComment: string | null;
  /** The name the visitor typed before the chat, if the site asked for one. */
  visitorName: string | null;
  /** Last seq each side has seen (read receipts). */
  visitorReadSeq: number;
  helperReadSeq: number;
  /** The widget's language and the visitor's time zone (IANA), when known. */
  locale: string | null;
  timeZone: string | null;
  /** Site topics matched in the question. */
  topics: string[];
  /** Set when a helper sent it to the staff queue ("needs staff"). */
  staff: { at: string; reason: string } | null;
  /** A hand-off offered to a named peer, waiting for their answer. */
  handoff: { toId: string; toName: string; at: string } | null;
}

/** A waiting request as helpers see it on the board. */
export interface QueueItem {
  conversationId: string;
  siteId: string;
  question: string;
  page: Page | null;
  createdAt: string;
  locale: string | null;
  topics: string[];
}
