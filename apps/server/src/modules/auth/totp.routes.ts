import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { TwoFactorConfirmSchema, TwoFactorDisableSchema, TwoFactorLoginSchema } from '@tribu/protocol';
import { assertSameOrigin } from '../../plugins/auth.ts';
import { setSessionCookie } from './auth.routes.ts';
import { SESSION_TTL_MS } from './auth.service.ts';
import { withRetryAfter } from './login-throttle.ts';
import type { SignIn } from './sign-in.ts';
import type { TwoFactorService } from './two-factor.service.ts';

const write = { rateLimit: { max: 10, timeWindow: 60_000 } };

/** Two-step sign-in: the second step of signing in (public), and setting it up or off from the profile. */
export function totpRoutes(app: FastifyInstance, deps: { signIn: SignIn; twoFactor: TwoFactorService; secureCookies: boolean }): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/api/auth/login/two-factor',
    { schema: { body: TwoFactorLoginSchema }, config: { auth: 'public', rateLimit: { max: 10, timeWindow: 60_000 } } },
    async (req, reply) => {
      assertSameOrigin(req);
      const { cookie, session } = await withRetryAfter(reply, () => deps.signIn.secondStep(req.ip, req.body.token, req.body.code));
      setSessionCookie(reply, cookie, SESSION_TTL_MS, deps.secureCookies);
      return session.me;
    },
  );

  r.get('/api/profile/two-factor', { config: { rateLimit: { max: 60, timeWindow: 60_000 } } }, async (req, reply) => {
    void reply.header('cache-control', 'no-store');
    return deps.twoFactor.status(req.actor.userId);
  });

  r.post('/api/profile/two-factor/setup', { config: write }, async (req, reply) => {
    void reply.header('cache-control', 'no-store');
    return deps.twoFactor.setup(req.actor.userId);
  });

  r.post('/api/profile/two-factor/confirm', { schema: { body: TwoFactorConfirmSchema }, config: write }, async (req, reply) => {
    void reply.header('cache-control', 'no-store');
    return deps.twoFactor.confirm(req.actor.userId, req.body.code);
  });

  // Guessing the password or a code is throttled like signing in.
  r.post(
    '/api/profile/two-factor/disable',
    { schema: { body: TwoFactorDisableSchema }, config: { rateLimit: { max: 5, timeWindow: 60_000 } } },
    async (req, reply) => {
      const who = { userId: req.actor.userId, email: req.session.me.user.email };
      await withRetryAfter(reply, () => deps.signIn.disableTwoFactor(req.ip, who, req.body.password, req.body.code));
      return reply.status(204).send();
    },
  );
}
