import { LIMITS } from './limits.ts';
import type { Role } from './schemas.ts';
import type { ApplicationStatus } from './recruitment.schemas.ts';

/** Caps of the "Become a helper" application and the invitation forms. */
export const RECRUITMENT_LIMITS = {
  name: 80,
  why: 2000,
  experience: 2000,
  answer: 1000,
  /** Questions a site may add to its application, and their length. */
  questions: 8,
  question: 200,
  decisionMessage: 1000,
  /** Invitation tokens are 32 random bytes in base64url (43 characters). */
  token: 64,
  passwordMin: LIMITS.passwordMin,
} as const;

/** The languages a person can say they answer in on the application. */
export const APPLICATION_LANGUAGES = ['en', 'fr', 'es', 'de', 'it', 'nl', 'pt'] as const;

/** GET /api/join/:siteKey — what the public application page shows. */
export interface JoinPage {
  site: { key: string; name: string; color: string; onColor: string };
  /** Languages offered on the form (the site's widget languages first). */
  languages: string[];
  /** The site's own questions, asked after the standard ones. */
  questions: string[];
}

/** An application as managers read it. */
export interface Application {
  id: string;
  name: string;
  email: string;
  languages: string[];
  why: string;
  experience: string;
  answers: { question: string; answer: string }[];
  status: ApplicationStatus;
  decisionMessage: string | null;
  decidedByName: string | null;
  decidedAt: string | null;
  /** Set once the invitation was used: the person has an account on the site. */
  joined: boolean;
  createdAt: string;
}

/** Applied → accepted → joined → active (answered a chat within 30 days of joining). */
export interface RecruitmentFunnel {
  applied: number;
  accepted: number;
  joined: number;
  active: number;
}

/** GET /api/sites/:siteId/applications */
export interface ApplicationList {
  items: Application[];
  counts: Record<ApplicationStatus, number>;
  funnel: RecruitmentFunnel;
  /** Whether invitations and replies go by mail (else the manager copies the link). */
  mailConfigured: boolean;
}

/** What the inviter gets back: the link (to copy when it was not emailed). */
export interface InvitationSent {
  link: string;
  emailed: boolean;
  expiresAt: string;
  email: string;
}

/**
 * POST /api/invitations/preview — what the invitation page shows before joining. The same for an
 * email with an account and one without: whoever holds a link learns nothing about Tribu's accounts.
 */
export interface InvitationPreview {
  site: { name: string; color: string; onColor: string };
  email: string;
  name: string;
  role: Role;
  /** The site's charter to accept, or null when the site has none. */
  charter: string | null;
  expiresAt: string;
}
