// The community digest: a newsletter Tribu drafts for a site's helpers at the end of each period.
// zod-free, so the backoffice can import it (the schemas are in digest.schemas.ts).

/** How often a site's digest is drafted (site setting `digestFrequency`; default fortnightly). */
export const DIGEST_FREQUENCIES = ['off', 'weekly', 'fortnightly', 'monthly'] as const;
export type DigestFrequency = (typeof DIGEST_FREQUENCIES)[number];
export const DEFAULT_DIGEST_FREQUENCY: DigestFrequency = 'fortnightly';

/** The parts of a digest, in the order they are read; a manager may drop any of them. */
export const DIGEST_SECTIONS = ['note', 'newcomers', 'bestAnswers', 'movers', 'missions', 'coverage', 'events'] as const;
export type DigestSection = (typeof DIGEST_SECTIONS)[number];

export const DIGEST_LIMITS = {
  subject: 150,
  note: 4000,
} as const;

/** A chat a visitor rated 4–5: the question and the answer, scrubbed; the helper only when they agreed to be named. */
export interface DigestAnswer {
  question: string;
  answer: string;
  rating: number;
  /** Null: "a helper" (they did not agree to be named). */
  helper: string | null;
}

/** A helper who climbed the all-time leaderboard during the period (`from` null: entered it). */
export interface DigestMover {
  name: string;
  from: number | null;
  to: number;
  /** Points earned in the period. */
  points: number;
}

/** Hours of one weekday (site's time zone) when requests came and nobody was online. */
export interface DigestGap {
  /** ISO weekday, 1 Monday … 7 Sunday. */
  weekday: number;
  fromHour: number;
  /** Exclusive. */
  toHour: number;
  requests: number;
}

export interface DigestEvent {
  title: string;
  startsAt: string;
  place: string;
}

/** What a digest says, section by section (drafts are counted again when read; sent ones are frozen). */
export interface DigestContent {
  siteName: string;
  timeZone: string;
  /** The period, as days of the site's calendar, both included. */
  period: { from: string; to: string };
  newcomers: string[];
  bestAnswers: DigestAnswer[];
  movers: DigestMover[];
  missions: {
    open: { title: string; why: string; endsAt: string; joined: number }[];
    completed: { title: string; completions: number }[];
  };
  coverage: DigestGap[];
  events: DigestEvent[];
}

export type DigestStatus = 'draft' | 'sending' | 'sent';

/** A digest in the list (Manage → Digest). */
export interface DigestSummary {
  id: string;
  period: { from: string; to: string };
  status: DigestStatus;
  subject: string;
  createdAt: string;
  sentAt: string | null;
  /** Mails: to send in all, sent, failed, skipped (opted out meanwhile); zeros for a draft. */
  recipients: { total: number; sent: number; failed: number; skipped: number };
}

/** One digest with its words and its preview (GET /api/sites/:siteId/digests/:digestId). */
export interface DigestDetail extends DigestSummary {
  note: string;
  hiddenSections: DigestSection[];
  content: DigestContent;
  /** What a helper receives: HTML and plain text (the unsubscribe link is the reader's own in a draft's preview). */
  preview: { html: string; text: string };
  /** Members who would receive it now (active, not opted out); for a sent one, those it went to. */
  audience: number;
}

/** GET /api/sites/:siteId/digests */
export interface DigestList {
  frequency: DigestFrequency;
  mailConfigured: boolean;
  drafts: DigestSummary[];
  archive: DigestSummary[];
}

/** The public unsubscribe page's answer. */
export interface DigestUnsubscribed {
  unsubscribed: true;
}
