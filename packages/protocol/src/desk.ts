import { z } from 'zod';
import type { Ack } from './errors.ts';
import { LIMITS } from './limits.ts';
import { IdSchema, type Conversation, type Message, type QueueItem } from './schemas.ts';
import { contentTranslationsSchema, type ContentVersions } from './content.ts';
import { ReasonSchema } from './feed.ts';

// ---------- what a helper needs around a chat: trail, notes, canned answers, hand-off, staff ----------

/** A page the visitor viewed during the chat. */
export interface PageVisit {
  url: string;
  title: string;
  at: string;
}

export interface ConversationNote {
  id: string;
  conversationId: string;
  author: { id: string; displayName: string } | null;
  text: string;
  createdAt: string;
}

/** Everything around a chat a helper (or manager) may see; never the visitor's IP or email. */
export interface ConversationDetails {
  conversationId: string;
  /** Every page viewed during the chat, oldest first. */
  trail: PageVisit[];
  /** The same visitor's earlier conversations on this site, newest first. */
  earlier: Conversation[];
  notes: ConversationNote[];
  /** Whether the visitor left an email to be told of an answer (the address itself is not shown). */
  followUpByEmail: boolean;
}

export interface CannedAnswer {
  id: string;
  siteId: string;
  /** `site`: for every helper (managers edit); `mine`: personal. */
  scope: 'site' | 'mine';
  shortcut: string;
  /** In the reader's language when the site wrote it in theirs, else the default text. */
  text: string;
  /** A site-wide answer, for those who may edit it (managers): the default text and the other languages. */
  versions?: ContentVersions<'text'>;
}

export const ShortcutSchema = z
  .string()
  .trim()
  .min(1)
  .max(LIMITS.shortcut)
  .regex(/^[a-z0-9-]+$/, 'Shortcuts are lowercase letters, digits and dashes');

export const CannedSaveSchema = z.strictObject({
  siteId: IdSchema,
  /** Present to edit an existing answer. */
  id: IdSchema.optional(),
  scope: z.enum(['site', 'mine']),
  shortcut: ShortcutSchema,
  text: z.string().trim().min(1).max(LIMITS.cannedText),
  /** A site-wide answer's text in the site's other languages (a personal answer has none). */
  translations: contentTranslationsSchema({ text: z.string().trim().max(LIMITS.cannedText) }).optional(),
});
export type CannedSave = z.infer<typeof CannedSaveSchema>;

export const CannedRefSchema = z.strictObject({ id: IdSchema });
export const NoteAddSchema = z.strictObject({
  conversationId: IdSchema,
  text: z.string().trim().min(1, 'Write something first').max(LIMITS.noteText),
});
export type NoteAdd = z.infer<typeof NoteAddSchema>;

export const HandoffOfferSchema = z.strictObject({ conversationId: IdSchema, toUserId: IdSchema });
export type HandoffOffer = z.infer<typeof HandoffOfferSchema>;
export const HandoffAnswerSchema = z.strictObject({ conversationId: IdSchema, accept: z.boolean() });
export type HandoffAnswer = z.infer<typeof HandoffAnswerSchema>;
export const NeedsStaffSchema = z.strictObject({ conversationId: IdSchema, reason: ReasonSchema });
export type NeedsStaff = z.infer<typeof NeedsStaffSchema>;

const SiteRef = z.strictObject({ siteId: IdSchema });
const ConversationRef = z.strictObject({ conversationId: IdSchema });

/** A hand-off offered to me: the chat and who offers it. */
export interface HandoffOffered {
  conversation: Conversation;
  from: { id: string; displayName: string };
}

export interface DeskClientEvents {
  'conversation:details': (payload: { conversationId: string }, ack: Ack<ConversationDetails>) => void;
  'note:add': (payload: NoteAdd, ack: Ack<{ note: ConversationNote }>) => void;
  'canned:list': (payload: { siteId: string }, ack: Ack<{ answers: CannedAnswer[] }>) => void;
  /** Site-wide answers need a manager; personal ones are the helper's own. */
  'canned:save': (payload: CannedSave, ack: Ack<{ answer: CannedAnswer }>) => void;
  'canned:delete': (payload: { id: string }, ack: Ack<Record<string, never>>) => void;
  /** Offers my chat to a named peer online on the site; they accept or decline. */
  'handoff:offer': (payload: HandoffOffer, ack: Ack<{ conversation: Conversation }>) => void;
  /** The peer's answer; accepting moves the chat to them (within their cap). */
  'handoff:answer': (payload: HandoffAnswer, ack: Ack<{ conversation: Conversation; messages: Message[] }>) => void;
  /** Hand-offs offered to me on a site and not yet answered (after a reload the banner comes back). */
  'handoff:list': (payload: { siteId: string }, ack: Ack<{ offers: HandoffOffered[] }>) => void;
  /** The offering helper takes the offer back. */
  'handoff:cancel': (payload: { conversationId: string }, ack: Ack<{ conversation: Conversation }>) => void;
  /** Not for volunteers (refund, account, after-sales): off my desk, into the managers' staff queue. */
  'conversation:needs-staff': (payload: NeedsStaff, ack: Ack<{ conversation: Conversation }>) => void;
  /** Managers: the staff queue of a site, oldest first. */
  'staff:list': (payload: { siteId: string }, ack: Ack<{ items: (QueueItem & { reason: string; at: string })[] }>) => void;
}

export interface DeskServerEvents {
  'note:created': (note: ConversationNote) => void;
  'handoff:offered': (payload: HandoffOffered) => void;
  /** The offer was accepted, declined or taken back (both helpers hear it). */
  'handoff:answered': (payload: { conversationId: string; accepted: boolean; by: string }) => void;
  /** The site's staff queue changed (managers list again). */
  'staff:changed': (payload: { siteId: string }) => void;
}

export const deskCommandSchemas = {
  'conversation:details': ConversationRef,
  'note:add': NoteAddSchema,
  'canned:list': SiteRef,
  'canned:save': CannedSaveSchema,
  'canned:delete': CannedRefSchema,
  'handoff:offer': HandoffOfferSchema,
  'handoff:answer': HandoffAnswerSchema,
  'handoff:list': SiteRef,
  'handoff:cancel': ConversationRef,
  'conversation:needs-staff': NeedsStaffSchema,
  'staff:list': SiteRef,
} as const satisfies Record<keyof DeskClientEvents, z.ZodType>;
