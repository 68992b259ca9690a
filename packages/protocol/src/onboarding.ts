// Onboarding, the charter and mentors: zod-free, so the backoffice may import the constants.
import type { ContentTranslations, ContentVersions } from './content.ts';

/** Longest site charter managers may write (plain text, paragraphs separated by blank lines). */
export const CHARTER_MAX = 10_000;
/** Default number of chats a newcomer watches read-only (site setting `observeChats`). */
export const DEFAULT_OBSERVE_CHATS = 3;
/** Most chats a site may ask newcomers to watch. */
export const MAX_OBSERVE_CHATS = 10;
/** How long someone counts as a newcomer on the managers' list once their checklist is done. */
export const NEWCOMER_DAYS = 60;

/** The steps of a newcomer's checklist, in the order they are shown. */
export const ONBOARDING_STEPS = ['charter', 'profile', 'observe', 'firstChat'] as const;
export type OnboardingStepKey = (typeof ONBOARDING_STEPS)[number];

export interface OnboardingStep {
  key: OnboardingStepKey;
  done: boolean;
  /** When the step was done (stored once, on the membership). */
  doneAt: string | null;
  /** Counting steps (observe): how many of how many. */
  count?: { done: number; of: number };
}

export interface PersonRef {
  id: string;
  displayName: string;
  avatarUrl: string | null;
}

/** The charter as a member sees it. */
export interface CharterView {
  siteName: string;
  /** Empty when the site has no charter. */
  text: string;
  /** When the managers last changed it. */
  updatedAt: string | null;
  /** When I accepted it (any version). */
  acceptedAt: string | null;
  /** There is a charter and I have not accepted this version of it. */
  needsAcceptance: boolean;
  /** For managers: the default text and its versions in the site's other languages. */
  versions?: ContentVersions<'text'>;
}

/** GET /api/sites/:siteId/onboarding — my checklist on one site. */
export interface OnboardingStatus {
  siteId: string;
  /** Only the steps that apply (no charter on the site: no charter step; `observeChats` 0: no watching). */
  steps: OnboardingStep[];
  done: number;
  total: number;
  complete: boolean;
  /** I closed the card once everything was done. */
  dismissed: boolean;
  mentor: PersonRef | null;
  charter: { exists: boolean; needsAcceptance: boolean; updatedAt: string | null };
}

/** An ended chat a member may watch read-only (nothing about the visitor). */
export interface ObservableChat {
  id: string;
  question: string;
  helper: PersonRef;
  rating: number | null;
  closedAt: string;
  messages: number;
  /** I already watched it. */
  observed: boolean;
}

/** GET /api/sites/:siteId/observe */
export interface ObserveList {
  chats: ObservableChat[];
  /** Chats I watched so far and how many the site suggests. */
  observed: number;
  suggested: number;
}

export interface ObservedMessage {
  seq: number;
  author: 'visitor' | 'helper' | 'system';
  /** The helper's name on helper messages; never the visitor's. */
  authorName: string | null;
  text: string;
  createdAt: string;
}

/** GET /api/sites/:siteId/observe/:conversationId — a read-only transcript, visitor kept anonymous. */
export interface ObservedChat {
  id: string;
  question: string;
  pageTitle: string | null;
  helper: PersonRef;
  rating: number | null;
  ratingComment: string | null;
  createdAt: string;
  closedAt: string;
  messages: ObservedMessage[];
  observed: number;
  suggested: number;
}

/** One row of the managers' Newcomers table. */
export interface Newcomer extends PersonRef {
  joinedAt: string;
  steps: { key: OnboardingStepKey; done: boolean }[];
  done: number;
  total: number;
  /** Last minute they had the backoffice open on the site. */
  lastSeenAt: string | null;
  chatsAnswered: number;
  mentor: PersonRef | null;
}

/** GET /api/sites/:siteId/mentees — the newcomers I guide, where they stand. */
export interface MenteesView {
  mentees: Newcomer[];
}

/** GET /api/sites/:siteId/newcomers — for managers. */
export interface NewcomersView {
  newcomers: Newcomer[];
  /** Members who can guide a newcomer: past their own onboarding, or managers. */
  mentors: (PersonRef & { chatsAnswered: number })[];
  charter: { text: string; updatedAt: string | null; translations: ContentTranslations<'text'> };
  observeChats: number;
}
