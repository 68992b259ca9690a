import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdSchema, ThanksHideSchema, ThanksRemoveSchema } from '@tribu/protocol';
import type { ThanksService } from './thanks.service.ts';

const readLimit = { rateLimit: { max: 60, timeWindow: 60_000 } };
const writeLimit = { rateLimit: { max: 30, timeWindow: 60_000 } };

/** The thank-you wall: read a member's wall; the helper hides or shows a card; a manager removes one. */
export function thanksRoutes(app: FastifyInstance, deps: { thanks: ThanksService }): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const site = z.object({ siteId: IdSchema });
  const card = site.extend({ cardId: IdSchema });
  r.get('/api/sites/:siteId/thanks/:userId', { schema: { params: site.extend({ userId: IdSchema }) }, config: readLimit }, async (req) =>
    deps.thanks.wall(req.actor, req.params.siteId, req.params.userId),
  );
  r.post('/api/sites/:siteId/thanks/cards/:cardId/hide', { schema: { params: card, body: ThanksHideSchema }, config: writeLimit }, async (req) =>
    deps.thanks.setHidden(req.actor, req.params.siteId, req.params.cardId, req.body.hidden),
  );
  r.post('/api/sites/:siteId/thanks/cards/:cardId/remove', { schema: { params: card, body: ThanksRemoveSchema }, config: writeLimit }, async (req, reply) => {
    await deps.thanks.remove(req.actor, req.params.siteId, req.params.cardId, req.body.reason);
    return reply.code(204).send();
  });
}
