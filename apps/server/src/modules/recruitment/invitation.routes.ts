import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { IdSchema, InvitationAcceptSchema, InvitationTokenSchema, InviteSchema, SESSION_COOKIE } from '@tribu/protocol';
import { setSessionCookie } from '../auth/auth.routes.ts';
import { assertSameOrigin } from '../../plugins/auth.ts';
import { SESSION_TTL_MS, type AuthService } from '../auth/auth.service.ts';
import type { InvitationService } from './invitation.service.ts';
import { acceptedLocales } from '../../lib/accept-language.ts';

/**
 * Invitations: managers invite by email (`POST /api/sites/:siteId/invitations`); the invited
 * person previews and uses the link without being signed in. The token travels in bodies only,
 * never in an API address, so it stays out of request logs.
 */
export function invitationRoutes(app: FastifyInstance, deps: { auth: AuthService; invitations: InvitationService; secureCookies: boolean }): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/api/sites/:siteId/invitations',
    { schema: { params: z.object({ siteId: IdSchema }), body: InviteSchema }, config: { rateLimit: { max: 30, timeWindow: 60_000 } } },
    async (req) => {
      const { actor } = req;
      return deps.invitations.invite(actor, { siteId: req.params.siteId, ...req.body });
    },
  );

  r.post(
    '/api/invitations/preview',
    { schema: { body: InvitationTokenSchema }, config: { auth: 'public', rateLimit: { max: 30, timeWindow: 60_000 } } },
    async (req) => deps.invitations.preview(req.body.token, { accepts: acceptedLocales(req.headers['accept-language']) }),
  );

  r.post(
    '/api/invitations/accept',
    {
      schema: { body: InvitationAcceptSchema },
      // Per address and link: tokens cannot be guessed, this only stops one link being hammered.
      // Public: the invited person may have no account yet; one signed in already is read from the cookie below.
      config: {
        auth: 'public',
        rateLimit: {
          max: 10,
          timeWindow: 60_000,
          hook: 'preHandler',
          keyGenerator: (req: FastifyRequest) => `accept|${req.ip}|${String((req.body as { token?: unknown } | undefined)?.token ?? '').slice(0, 16)}`,
        },
      },
    },
    async (req, reply) => {
      assertSameOrigin(req);
      const signedIn = await deps.auth.fromCookie(req.cookies[SESSION_COOKIE]);
      const { token, ...input } = req.body;
      const { cookie, session } = await deps.invitations.accept(token, input, signedIn?.actor);
      setSessionCookie(reply, cookie, SESSION_TTL_MS, deps.secureCookies);
      return session.me;
    },
  );
}
