import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { LoginRequestSchema, SESSION_COOKIE, type LoginChallenge, type SessionState } from '@tribu/protocol';
import { addressGroup } from '../../lib/address-group.ts';
import { assertSameOrigin } from '../../plugins/auth.ts';
import { SESSION_TTL_MS, type AuthService } from './auth.service.ts';
import { withRetryAfter } from './login-throttle.ts';
import type { SignIn } from './sign-in.ts';

/** Sets (or, with an empty value and 0, clears) the session cookie; the one place its options live. */
export function setSessionCookie(reply: FastifyReply, value: string, maxAgeMs: number, secure: boolean): FastifyReply {
  return reply.setCookie(SESSION_COOKIE, value, {
    httpOnly: true,
    sameSite: 'lax',
    secure,
    path: '/',
    maxAge: Math.floor(maxAgeMs / 1000),
  });
}

export function authRoutes(app: FastifyInstance, deps: { auth: AuthService; signIn: SignIn; secureCookies: boolean }): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const setCookie = (reply: FastifyReply, value: string, maxAgeMs: number) => setSessionCookie(reply, value, maxAgeMs, deps.secureCookies);

  r.post(
    '/api/auth/login',
    {
      schema: { body: LoginRequestSchema },
      // Throttles password guessing per address and per account, across nodes when Redis is set.
      config: {
        auth: 'public',
        rateLimit: {
          max: 10,
          timeWindow: 60_000,
          hook: 'preHandler',
          keyGenerator: (req: FastifyRequest) => `${addressGroup(req.ip)}|${String((req.body as { email?: unknown } | undefined)?.email ?? '').toLowerCase()}`,
        },
      },
    },
    async (req, reply) => {
      assertSameOrigin(req);
      // Also budgets per account (from any address) and per address (across accounts): see LoginThrottle.
      const result = await withRetryAfter(reply, () => deps.signIn.password(req.ip, req.body));
      // Two-step sign-in: no session yet, only a short-lived token to send back with the code.
      if (result.kind === 'challenge') return { twoFactor: { token: result.token } } satisfies LoginChallenge;
      setCookie(reply, result.cookie, SESSION_TTL_MS);
      return result.session.me;
    },
  );

  r.get('/api/auth/me', async (req) => req.session.me);

  // The backoffice asks this on every load: signed out is an answer (200, `me: null`), not an error
  // a browser would log as a failed request. Reads only the caller's own cookie.
  r.get('/api/auth/session', { config: { auth: 'public', rateLimit: { max: 120, timeWindow: 60_000 } } }, async (req): Promise<SessionState> => {
    const session = await deps.auth.fromCookie(req.cookies[SESSION_COOKIE]);
    return { me: session?.me ?? null };
  });

  r.post('/api/auth/logout', async (req, reply) => {
    const cookie = req.cookies[SESSION_COOKIE];
    if (cookie) await deps.auth.logout(cookie);
    setCookie(reply, '', 0);
    return reply.status(204).send();
  });
}
