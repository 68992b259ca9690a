import { z } from 'zod';

/** POST /api/visitor-email/confirm — the token from the confirmation link (it travels in the body, never in an address). */
export const VisitorEmailConfirmSchema = z.strictObject({
  token: z
    .string()
    .min(20)
    .max(100)
    .regex(/^[A-Za-z0-9_-]+$/),
});
export type VisitorEmailConfirm = z.infer<typeof VisitorEmailConfirmSchema>;

/** The answer to a confirmed link: whose community will write (brand only; nothing the visitor wrote). */
export interface VisitorEmailConfirmed {
  site: { name: string; color: string; onColor: string };
}
