import { z } from 'zod';
import { LIMITS } from './limits.ts';
import { RECRUITMENT_LIMITS } from './recruitment.ts';
import { RoleSchema } from './schemas.ts';

const text = (max: number) => z.string().trim().max(max);

/** POST /api/join/:siteKey — one application. `website` is a honeypot: people never fill it. */
export const ApplicationSubmitSchema = z.strictObject({
  name: text(RECRUITMENT_LIMITS.name).min(1, 'Tell us your name'),
  email: z.email('Give an email address we can answer').max(LIMITS.email),
  languages: z
    .array(z.string().regex(/^[a-z]{2}$/))
    .min(1, 'Pick at least one language')
    .max(LIMITS.tags),
  why: text(RECRUITMENT_LIMITS.why).min(10, 'Tell us in a sentence or two why you would like to help'),
  experience: text(RECRUITMENT_LIMITS.experience).default(''),
  /** Answers to the site's questions, in the same order. */
  answers: z.array(text(RECRUITMENT_LIMITS.answer)).max(RECRUITMENT_LIMITS.questions).default([]),
  website: z.string().max(200).optional(),
});
export type ApplicationSubmit = z.input<typeof ApplicationSubmitSchema>;

export const ApplicationStatusSchema = z.enum(['new', 'shortlisted', 'accepted', 'rejected']);
export type ApplicationStatus = z.infer<typeof ApplicationStatusSchema>;

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

export const InvitationTokenSchema = z.strictObject({
  token: z
    .string()
    .min(20)
    .max(RECRUITMENT_LIMITS.token)
    .regex(/^[A-Za-z0-9_-]+$/),
});

/** POST /api/invitations/accept */
export const InvitationAcceptSchema = z.strictObject({
  token: InvitationTokenSchema.shape.token,
  password: z
    .string()
    .min(RECRUITMENT_LIMITS.passwordMin, `Choose a password of at least ${RECRUITMENT_LIMITS.passwordMin} characters`)
    .max(LIMITS.password)
    .optional(),
  displayName: text(LIMITS.displayName).min(1).optional(),
  acceptCharter: z.boolean().default(false),
});
export type InvitationAccept = z.input<typeof InvitationAcceptSchema>;
