import { z } from 'zod';
import { communityCommandSchemas, type CommunityClientEvents, type CommunityServerEvents } from './community.ts';
import { deskCommandSchemas, type DeskClientEvents, type DeskServerEvents } from './desk.ts';
import type { Ack } from './errors.ts';
import { gamificationCommandSchemas, type GamificationClientEvents, type GamificationServerEvents } from './gamification.ts';
import { feedCommandSchemas, type FeedClientEvents, type FeedServerEvents } from './feed.ts';
import { missionCommandSchemas, type MissionClientEvents, type MissionServerEvents } from './missions.ts';
import { eventCommandSchemas, type EventClientEvents, type EventServerEvents } from './community-events.ts';
import { LIMITS } from './limits.ts';
import type { ModerationServerEvents, VisitorBanned } from './moderation.ts';
import {
  ClientIdSchema,
  IdSchema,
  MessageTextSchema,
  PageSchema,
  PresenceStatusSchema,
  SiteKeySchema,
  type Conversation,
  type Message,
  type Page,
  type Peer,
  type QueueItem,
  type QueuePosition,
  type ReadUpdated,
  type TypingUpdated,
} from './schemas.ts';

// ---------- payload schemas (validated once, at the server's edge) ----------

export const EmptySchema = z.strictObject({});

export const ConversationStartSchema = z.strictObject({
  clientId: ClientIdSchema,
  text: MessageTextSchema,
  page: PageSchema.optional(),
  /** Optional, for an answer by email when nobody is online; never shown beyond that use. */
  email: z.email().max(LIMITS.email).optional(),
  /** The name the visitor chose to give (sites may ask for it); shown to the helper. */
  name: z.string().trim().min(1).max(LIMITS.displayName).optional(),
  /** The visitor ticked the site's privacy notice (sites may require it before a chat). */
  consent: z.literal(true).optional(),
  /** The widget's language and the visitor's IANA time zone, so helpers know when and how to answer. */
  locale: z
    .string()
    .regex(/^[a-z]{2}(-[A-Z]{2})?$/)
    .optional(),
  timeZone: z
    .string()
    .max(64)
    .regex(/^[A-Za-z0-9_+\-/]+$/)
    .optional(),
});
export type ConversationStart = z.infer<typeof ConversationStartSchema>;

export const ConversationRefSchema = z.strictObject({ conversationId: IdSchema });
export type ConversationRef = z.infer<typeof ConversationRefSchema>;

export const SiteRefSchema = z.strictObject({ siteId: IdSchema });
export type SiteRef = z.infer<typeof SiteRefSchema>;

export const MessageSendSchema = z.strictObject({
  conversationId: IdSchema,
  clientId: ClientIdSchema,
  text: MessageTextSchema,
});
export type MessageSend = z.infer<typeof MessageSendSchema>;

/** A message number: stored as a Postgres integer, so anything larger is refused at the edge (not a 5xx). */
export const SeqSchema = z.number().int().min(0).max(2_147_483_647);

export const MessageSyncSchema = z.strictObject({
  conversationId: IdSchema,
  afterSeq: SeqSchema,
});
export type MessageSync = z.infer<typeof MessageSyncSchema>;

export const TypingSetSchema = z.strictObject({ conversationId: IdSchema, typing: z.boolean() });
export type TypingSet = z.infer<typeof TypingSetSchema>;

export const PresenceSetSchema = z.strictObject({ status: PresenceStatusSchema });
export type PresenceSet = z.infer<typeof PresenceSetSchema>;

export const ReadUpdateSchema = z.strictObject({ conversationId: IdSchema, seq: SeqSchema });
export type ReadUpdate = z.infer<typeof ReadUpdateSchema>;

export const ConversationRateSchema = z.strictObject({
  conversationId: IdSchema,
  rating: z.number().int().min(1).max(5),
  comment: z.string().trim().max(LIMITS.ratingComment).optional(),
  /** The visitor ticked "show my comment on the helper's profile" (offered for 4–5★ with a comment). */
  thank: z.boolean().optional(),
});
export type ConversationRate = z.infer<typeof ConversationRateSchema>;

export const PageViewSchema = z.strictObject({ conversationId: IdSchema, page: PageSchema });
export type PageView = z.infer<typeof PageViewSchema>;

// ---------- results ----------

export interface ConversationWithMessages {
  conversation: Conversation;
  messages: Message[];
}
export interface MaybeConversation {
  conversation: Conversation | null;
  messages: Message[];
}

// ---------- handshakes ----------

export const VisitorHandshakeSchema = z.object({
  protocolVersion: z.number().int(),
  siteKey: SiteKeySchema,
  visitorId: IdSchema,
  token: z.string().min(1).max(200),
});
export type VisitorHandshake = z.infer<typeof VisitorHandshakeSchema>;

export const HelperHandshakeSchema = z.object({ protocolVersion: z.number().int() });
export type HelperHandshake = z.infer<typeof HelperHandshakeSchema>;

/** Why the server asks its connected clients to resync: broadcasts between nodes were lost while Redis was down. */
export interface SyncNeeded {
  reason: 'redis';
}

// ---------- /visitor namespace ----------

/** Commands a visitor's widget sends. Each acks with `AckResult`. */
export interface VisitorClientEvents {
  /** The visitor's open conversation (or the latest one) with its full history. */
  'conversation:fetch': (payload: Record<string, never>, ack: Ack<MaybeConversation>) => void;
  'conversation:start': (payload: ConversationStart, ack: Ack<{ conversation: Conversation; message: Message }>) => void;
  'message:send': (payload: MessageSend, ack: Ack<{ message: Message }>) => void;
  'message:sync': (payload: MessageSync, ack: Ack<{ messages: Message[] }>) => void;
  'page:view': (payload: PageView, ack: Ack<Record<string, never>>) => void;
  'conversation:end': (payload: ConversationRef, ack: Ack<{ conversation: Conversation }>) => void;
  'conversation:rate': (payload: ConversationRate, ack: Ack<{ conversation: Conversation }>) => void;
  /** The visitor's earlier, ended conversations on this site, newest first (read with `message:sync`). */
  'conversation:history': (payload: Record<string, never>, ack: Ack<{ conversations: Conversation[] }>) => void;
  'typing:set': (payload: TypingSet, ack: Ack<Record<string, never>>) => void;
  'read:update': (payload: ReadUpdate, ack: Ack<Record<string, never>>) => void;
}

/** Facts the server tells a visitor. */
export interface VisitorServerEvents {
  'message:created': (message: Message) => void;
  'conversation:updated': (conversation: Conversation) => void;
  'typing:updated': (payload: TypingUpdated) => void;
  'queue:position': (payload: QueuePosition) => void;
  'read:updated': (payload: ReadUpdated) => void;
  /** A site's managers banned this visitor: show the unavailable state (the socket closes next). */
  'visitor:banned': (payload: VisitorBanned) => void;
  /** This visitor's data was erased (by themselves in another tab, or by the site's admin): start afresh (the socket closes next). */
  'visitor:erased': () => void;
  /** Facts may have been lost (this node's Redis link was down): catch up as after a reconnect. */
  'sync:needed': (payload: SyncNeeded) => void;
}

// ---------- /helper namespace ----------

/** Commands the backoffice sends for a signed-in helper (chats here; feed, desk, community in their files). */
export interface HelperClientEvents
  extends FeedClientEvents, DeskClientEvents, CommunityClientEvents, GamificationClientEvents, MissionClientEvents, EventClientEvents {
  'queue:list': (payload: SiteRef, ack: Ack<{ items: QueueItem[] }>) => void;
  /** The helper's own active conversations on a site. */
  'conversation:list': (payload: SiteRef, ack: Ack<{ conversations: Conversation[] }>) => void;
  'conversation:claim': (payload: ConversationRef, ack: Ack<ConversationWithMessages>) => void;
  'conversation:fetch': (payload: ConversationRef, ack: Ack<ConversationWithMessages>) => void;
  'message:send': (payload: MessageSend, ack: Ack<{ message: Message }>) => void;
  'message:sync': (payload: MessageSync, ack: Ack<{ messages: Message[] }>) => void;
  'conversation:end': (payload: ConversationRef, ack: Ack<{ conversation: Conversation }>) => void;
  /** Gives a taken chat back to the board, for another helper to take (history kept). */
  'conversation:release': (payload: ConversationRef, ack: Ack<{ conversation: Conversation }>) => void;
  'typing:set': (payload: TypingSet, ack: Ack<Record<string, never>>) => void;
  'read:update': (payload: ReadUpdate, ack: Ack<Record<string, never>>) => void;
  /** Helpers of a site online now (any node), with their status and chats in progress. */
  'presence:list': (payload: SiteRef, ack: Ack<{ peers: Peer[] }>) => void;
  /** The helper sets their own status (every tab, every site). */
  'presence:set': (payload: PresenceSet, ack: Ack<Record<string, never>>) => void;
}

export interface PageViewed {
  conversationId: string;
  page: Page;
  at: string;
}

/** Facts the server tells helpers. */
export interface HelperServerEvents
  extends FeedServerEvents, DeskServerEvents, CommunityServerEvents, GamificationServerEvents, MissionServerEvents, ModerationServerEvents, EventServerEvents {
  'queue:added': (item: QueueItem) => void;
  'queue:removed': (payload: { conversationId: string }) => void;
  'message:created': (message: Message) => void;
  'conversation:updated': (conversation: Conversation) => void;
  'page:viewed': (payload: PageViewed) => void;
  'typing:updated': (payload: TypingUpdated) => void;
  'read:updated': (payload: ReadUpdated) => void;
  /** Someone came, went or changed status on this site: ask `presence:list` again. */
  'presence:changed': (payload: { siteId: string }) => void;
  /** Facts may have been lost (this node's Redis link was down): resync the board, chats and presence as after a reconnect. */
  'sync:needed': (payload: SyncNeeded) => void;
}

/** Schemas of every client command, by namespace: the server validates each payload with these. */
export const visitorCommandSchemas = {
  'conversation:fetch': EmptySchema,
  'conversation:start': ConversationStartSchema,
  'message:send': MessageSendSchema,
  'message:sync': MessageSyncSchema,
  'page:view': PageViewSchema,
  'conversation:end': ConversationRefSchema,
  'conversation:rate': ConversationRateSchema,
  'conversation:history': EmptySchema,
  'typing:set': TypingSetSchema,
  'read:update': ReadUpdateSchema,
} as const satisfies Record<keyof VisitorClientEvents, z.ZodType>;

export const helperCommandSchemas = {
  'queue:list': SiteRefSchema,
  'conversation:list': SiteRefSchema,
  'conversation:claim': ConversationRefSchema,
  'conversation:fetch': ConversationRefSchema,
  'message:send': MessageSendSchema,
  'message:sync': MessageSyncSchema,
  'conversation:end': ConversationRefSchema,
  'conversation:release': ConversationRefSchema,
  'typing:set': TypingSetSchema,
  'read:update': ReadUpdateSchema,
  'presence:list': SiteRefSchema,
  'presence:set': PresenceSetSchema,
  ...feedCommandSchemas,
  ...deskCommandSchemas,
  ...communityCommandSchemas,
  ...gamificationCommandSchemas,
  ...missionCommandSchemas,
  ...eventCommandSchemas,
} as const satisfies Record<keyof HelperClientEvents, z.ZodType>;
