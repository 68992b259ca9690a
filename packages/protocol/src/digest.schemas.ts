import { z } from 'zod';
import { DIGEST_FREQUENCIES, DIGEST_LIMITS, DIGEST_SECTIONS } from './digest.ts';

export const DigestFrequencySchema = z.enum(DIGEST_FREQUENCIES, 'One of off, weekly, fortnightly, monthly');

/** PATCH /api/sites/:siteId/digests/:digestId — a draft's words and the sections it drops. */
export const DigestUpdateSchema = z.strictObject({
  subject: z.string().trim().min(1, 'Give the digest a subject').max(DIGEST_LIMITS.subject, `At most ${DIGEST_LIMITS.subject} characters`).optional(),
  note: z.string().trim().max(DIGEST_LIMITS.note, `At most ${DIGEST_LIMITS.note} characters`).optional(),
  hiddenSections: z
    .array(z.enum(DIGEST_SECTIONS))
    .max(DIGEST_SECTIONS.length)
    .transform((list) => DIGEST_SECTIONS.filter((s) => list.includes(s)))
    .optional(),
});
export type DigestUpdate = z.input<typeof DigestUpdateSchema>;

/** The signed token of an unsubscribe link: `<user id>.<signature>`. */
export const UnsubscribeTokenSchema = z
  .string()
  .min(10)
  .max(200)
  .regex(/^[0-9a-f-]{36}\.[A-Za-z0-9_-]+$/, 'Not an unsubscribe link');
