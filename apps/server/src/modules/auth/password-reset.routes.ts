import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { PasswordForgotSchema, PasswordResetSchema } from '@tribu/protocol';
import type { Locale } from '../../i18n/locale.ts';
import { requestLocale } from '../../i18n/request-locale.ts';
import { assertSameOrigin } from '../../plugins/auth.ts';
import { withRetryAfter } from './login-throttle.ts';
import type { PasswordResetService } from './password-reset.service.ts';

/** What "Forgot password?" always answers, whether the email has an account or not. */
export const FORGOT_ANSWER = 'If an account uses this email, a link to choose a new password is on its way. It works once, for 1 hour.';
const forgotAnswer: Record<Locale, string> = {
  en: FORGOT_ANSWER,
  fr: 'Si un compte utilise cet e-mail, un lien pour choisir un nouveau mot de passe est en route. Il ne sert qu’une fois, pendant 1\u00a0heure.',
  es: 'Si alguna cuenta usa este correo, va en camino un enlace para elegir una contraseña nueva. Sirve una sola vez, durante 1 hora.',
};

/** Public routes of the sign-in page: ask for a reset link; use it. */
export function passwordResetRoutes(app: FastifyInstance, deps: { resets: PasswordResetService }): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/api/auth/password/forgot',
    // The real budgets (per address, per email, by the hour) are the service's; this only stops bursts.
    { schema: { body: PasswordForgotSchema }, config: { auth: 'public', rateLimit: { max: 30, timeWindow: 60_000 } } },
    async (req, reply) => {
      assertSameOrigin(req);
      const locale = requestLocale(req);
      await withRetryAfter(reply, () => deps.resets.request(req.ip, req.body.email, locale));
      return reply.status(202).send({ message: forgotAnswer[locale] });
    },
  );

  r.post(
    '/api/auth/password/reset',
    { schema: { body: PasswordResetSchema }, config: { auth: 'public', rateLimit: { max: 10, timeWindow: 60_000 } } },
    async (req, reply) => {
      assertSameOrigin(req);
      await deps.resets.reset(req.body.token, req.body.password);
      return reply.status(204).send();
    },
  );
}
