import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { CSRF_HEADER, ErrorCode, LoginRequestSchema, SESSION_COOKIE } from '@tribu/protocol';
import { AppError } from '../../lib/errors.ts';
import { isSameOrigin } from '../../lib/origin.ts';
import { SESSION_TTL_MS, type AuthService, type Session } from './auth.service.ts';

/** Kept for code written before the auth hook; new routes use the hook (plugins/auth.ts) and read `req.session`. */
export const requireSession = sessionOf;
export { assertSameOrigin };

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

export function authRoutes(app: FastifyInstance, deps: { auth: AuthService; secureCookies: boolean }): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const setCookie = (reply: FastifyReply, value: string, maxAgeMs: number) =>
    setSessionCookie(reply, value, maxAgeMs, deps.secureCookies);

  r.post(
    '/api/auth/login',
    {
      schema: { body: LoginRequestSchema },
      // Throttles password guessing per address and per account, across nodes when Redis is set.
      config: {
        rateLimit: {
          max: 10,
        auth: 'public',
          timeWindow: 60_000,
          hook: 'preHandler',
          keyGenerator: (req: FastifyRequest) =>
            `${req.ip}|${String((req.body as { email?: unknown } | undefined)?.email ?? '').toLowerCase()}`,
        },
      },
    },
    async (req, reply) => {
      assertSameOrigin(req);
      const { cookie, session } = await deps.auth.login(req.body);
      setCookie(reply, cookie, SESSION_TTL_MS);
      return session.me;
    },
  );

  r.get('/api/auth/me', async (req) => req.session.me);

  r.post('/api/auth/logout', async (req, reply) => {
    const cookie = req.cookies[SESSION_COOKIE];
    if (cookie) await deps.auth.logout(cookie);
    setCookie(reply, '', 0);
    return reply.status(204).send();
  });
}
