import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { DigestUpdateSchema, ErrorCode, IdSchema, UnsubscribeTokenSchema } from '@tribu/protocol';
import { AppError } from '../../lib/errors.ts';
import type { DigestService } from './digest.service.ts';

/**
 * Manage → Digest, for the site's managers: `GET …/digests` (drafts and archive), `POST …/digests`
 * (draft the last period now), `GET|PATCH …/digests/:digestId`, `POST …/:digestId/test` (to oneself),
 * `POST …/:digestId/send`. And the public one-click unsubscribe, `POST /api/digest/unsubscribe`.
 */
export function digestRoutes(app: FastifyInstance, deps: { digests: DigestService }): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const site = z.object({ siteId: IdSchema });
  const one = site.extend({ digestId: IdSchema });
  const reads = { rateLimit: { max: 60, timeWindow: 60_000 } };
  const writes = { rateLimit: { max: 30, timeWindow: 60_000 } };

  r.get('/api/sites/:siteId/digests', { schema: { params: site }, config: reads }, async (req) => deps.digests.list(req.actor, req.params.siteId));
  r.post('/api/sites/:siteId/digests', { schema: { params: site }, config: writes }, async (req) => deps.digests.draftNow(req.actor, req.params.siteId));
  r.get('/api/sites/:siteId/digests/:digestId', { schema: { params: one }, config: reads }, async (req) =>
    deps.digests.detail(req.actor, req.params.siteId, req.params.digestId),
  );
  r.patch('/api/sites/:siteId/digests/:digestId', { schema: { params: one, body: DigestUpdateSchema }, config: writes }, async (req) =>
    deps.digests.update(req.actor, req.params.siteId, req.params.digestId, req.body),
  );
  // A test mail is a real mail: a few a minute.
  r.post('/api/sites/:siteId/digests/:digestId/test', { schema: { params: one }, config: { rateLimit: { max: 5, timeWindow: 60_000 } } }, async (req) =>
    deps.digests.sendTest(req.actor, req.params.siteId, req.params.digestId),
  );
  r.post('/api/sites/:siteId/digests/:digestId/send', { schema: { params: one }, config: { rateLimit: { max: 5, timeWindow: 60_000 } } }, async (req) =>
    deps.digests.send(req.actor, req.params.siteId, req.params.digestId),
  );

  // One-click unsubscribe (RFC 8058): mail programs POST `List-Unsubscribe=One-Click` as a form to the
  // header's address (token in `?token=`, which logs redact); the backoffice page posts `{ token }` as JSON.
  app.register(async (scope) => {
    scope.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 1024 }, (_req, body, done) => {
      done(null, Object.fromEntries(new URLSearchParams(String(body))));
    });
    scope.withTypeProvider<ZodTypeProvider>().post(
      '/api/digest/unsubscribe',
      {
        schema: {
          querystring: z.strictObject({ token: UnsubscribeTokenSchema.optional() }),
          body: z.object({ token: UnsubscribeTokenSchema.optional(), 'List-Unsubscribe': z.literal('One-Click').optional() }).optional(),
        },
        config: { auth: 'public', rateLimit: { max: 20, timeWindow: 60_000 } },
      },
      async (req) => {
        const token = req.query.token ?? req.body?.token;
        if (!token) throw new AppError(ErrorCode.badRequest, 'This unsubscribe link is incomplete');
        await deps.digests.unsubscribe(token);
        return { unsubscribed: true as const };
      },
    );
  });
}
