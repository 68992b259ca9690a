import { z } from 'zod';
import { LIMITS } from './limits.ts';
import { IdSchema, SiteKeySchema } from './schemas.ts';

/** What an erased conversation's question reads everywhere it is still listed (ledger, KPIs, feed links). */
export const ERASED_QUESTION = '(erased at the visitor’s request)';

/**
 * POST /api/visitor/data (export) and POST /api/visitor/erase — the widget proves who it is with the
 * same site key + visitor id + token as its socket handshake, from one of the site's allowed origins.
 */
export const VisitorCredentialsSchema = z.strictObject({
  siteKey: SiteKeySchema,
  visitorId: IdSchema,
  token: z.string().min(1).max(200),
});
export type VisitorCredentials = z.infer<typeof VisitorCredentialsSchema>;

/** One line of a conversation as the visitor saw it: who (never a helper's internal id), when, what. */
export interface ExportedMessage {
  at: string;
  from: 'you' | 'helper' | 'system';
  /** The helper's display name as shown in the chat; null for the visitor and system lines. */
  name: string | null;
  text: string;
}

export interface ExportedConversation {
  id: string;
  startedAt: string;
  endedAt: string | null;
  status: 'waiting' | 'active' | 'closed';
  question: string;
  /** The last page the visitor was on during the chat (the trail is in `pages`). */
  page: { url: string; title: string | null } | null;
  /** What the visitor gave when starting (null when not asked or not given). */
  name: string | null;
  email: string | null;
  consentAt: string | null;
  locale: string | null;
  timeZone: string | null;
  rating: number | null;
  ratingComment: string | null;
  /** Display names of the helpers who answered. */
  helpers: string[];
  /** Whether a keyed hash of the network address is kept (the address itself never is). */
  addressHashKept: boolean;
  messages: ExportedMessage[];
  pages: { url: string; title: string; at: string }[];
}

/** Everything a site holds about one visitor (the file the visitor or an admin downloads). */
export interface VisitorDataExport {
  format: 'tribu-visitor-export/1';
  exportedAt: string;
  site: { name: string };
  visitor: { id: string; firstSeenAt: string; lastSeenAt: string };
  conversations: ExportedConversation[];
}

/** POST /api/visitor/erase — done; the widget forgets its identity and starts fresh. */
export interface VisitorErased {
  erased: true;
  conversations: number;
}

/** GET /api/sites/:siteId/privacy/visitors?email=…|conversationId=… — find who a request is about (managers and admins). */
export const PrivacyLookupSchema = z.union([
  z.strictObject({ email: z.email('An email address').max(LIMITS.email) }),
  z.strictObject({ conversationId: IdSchema }),
]);
export type PrivacyLookup = z.infer<typeof PrivacyLookupSchema>;

/** What is held about one visitor: counts and dates, nothing to read. */
export interface PrivacyVisitorSummary {
  visitorId: string;
  firstSeenAt: string;
  lastSeenAt: string;
  erasedAt: string | null;
  conversations: number;
  messages: number;
  pageViews: number;
  /** Emails and names the visitor gave (how an admin recognises the request). */
  emails: string[];
  names: string[];
  firstChatAt: string | null;
  lastChatAt: string | null;
}

export interface PrivacyLookupResult {
  visitors: PrivacyVisitorSummary[];
}

/** POST /api/sites/:siteId/privacy/visitors/:visitorId/erase (admins only) — why, for the audit log. */
export const PrivacyEraseSchema = z.strictObject({
  reason: z.string().trim().min(1, 'Say where the request came from (kept in the audit log)').max(300),
});
export type PrivacyErase = z.infer<typeof PrivacyEraseSchema>;

/** GET /api/sites/:siteId/privacy/options — what the ban form needs to know (managers and admins). */
export interface PrivacyOptions {
  /** False: the site keeps no network address hashes, so bans are by visitor only. */
  storeAddresses: boolean;
}
