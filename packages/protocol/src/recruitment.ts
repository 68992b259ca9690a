import { z } from 'zod';
import { LIMITS } from './limits.ts';
import { RoleSchema, type Role } from './schemas.ts';

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
  passwordMin: 10,
} as const;

/** The languages a person can say they answer in on the application. */
export const APPLICATION_LANGUAGES = ['en', 'fr', 'es', 'de', 'it', 'nl', 'pt'] as const;

const text = (max: number) => z.string().trim().max(max);

/** GET /api/join/:siteKey — what the public application page shows. */
export interface JoinPage {
  site: { key: string; name: string; color: string; onColor: string };
  /** Languages offered on the form (the site's widget languages first). */
  languages: string[];
  /** The site's own questions, asked after the standard ones. */
  questions: string[];
}

/** POST /api/join/:siteKey — one application. `website` is a honeypot: people never fill it. */
export const ApplicationSubmitSchema = z.strictObject({
  name: text(RECRUITMENT_LIMITS.name).min(1, 'Tell us your name'),
  email: z.email('Give an email address we can answer').max(LIMITS.email),
  languages: z.array(z.string().regex(/^[a-z]{2}$/)).min(1, 'Pick at least one language').max(LIMITS.tags),
  why: text(RECRUITMENT_LIMITS.why).min(10, 'Tell us in a sentence or two why you would like to help'),
  experience: text(RECRUITMENT_LIMITS.experience).default(''),
  /** Answers to the site's questions, in the same order. */
  answers: z.array(text(RECRUITMENT_LIMITS.answer)).max(RECRUITMENT_LIMITS.questions).default([]),
  website: z.string().max(200).optional(),
});
export type ApplicationSubmit = z.input<typeof ApplicationSubmitSchema>;

export const ApplicationStatusSchema = z.enum(['new', 'shortlisted', 'accepted', 'rejected']);
export type ApplicationStatus = z.infer<typeof ApplicationStatusSchema>;

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

export const RejectApplicationSchema = z.strictObject({
  message: text(RECRUITMENT_LIMITS.decisionMessage).default(''),
});

export const ApplicationQuestionsSchema = z.strictObject({
  questions: z.array(text(RECRUITMENT_LIMITS.question).min(1)).max(RECRUITMENT_LIMITS.questions),
});
export type ApplicationQuestions = z.infer<typeof ApplicationQuestionsSchema>;

/** POST /api/sites/:siteId/invitations — invite someone by email with a role. */
export const InviteSchema = z.strictObject({
  email: z.email().max(LIMITS.email),
  name: text(RECRUITMENT_LIMITS.name).min(1),
  role: RoleSchema,
});
export type InviteRequest = z.infer<typeof InviteSchema>;

/** What the inviter gets back: the link (to copy when it was not emailed). */
export interface InvitationSent {
  link: string;
  emailed: boolean;
  expiresAt: string;
  email: string;
}

export const InvitationTokenSchema = z.strictObject({
  token: z.string().min(20).max(RECRUITMENT_LIMITS.token).regex(/^[A-Za-z0-9_-]+$/),
});

/** POST /api/invitations/preview — what the invitation page shows before joining. */
export interface InvitationPreview {
  site: { name: string; color: string; onColor: string };
  email: string;
  name: string;
  role: Role;
  /** The site's charter to accept, or null when the site has none. */
  charter: string | null;
  /** An account with this email exists: the person signs in instead of choosing a password. */
  accountExists: boolean;
  expiresAt: string;
}

/** POST /api/invitations/accept */
export const InvitationAcceptSchema = z.strictObject({
  token: InvitationTokenSchema.shape.token,
  password: z.string().min(RECRUITMENT_LIMITS.passwordMin, `Choose a password of at least ${RECRUITMENT_LIMITS.passwordMin} characters`).max(LIMITS.password).optional(),
  displayName: text(LIMITS.displayName).min(1).optional(),
  acceptCharter: z.boolean().default(false),
});
export type InvitationAccept = z.input<typeof InvitationAcceptSchema>;
