import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdSchema, PledgesPutSchema } from '@tribu/protocol';
import type { PledgesService } from './pledges.service.ts';

const readLimit = { rateLimit: { max: 60, timeWindow: 60_000 } };
const writeLimit = { rateLimit: { max: 30, timeWindow: 60_000 } };

/** Coverage pledges: my slots (any member), every helper's (managers, for Numbers). */
export function pledgeRoutes(app: FastifyInstance, deps: { pledges: PledgesService }): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const params = z.object({ siteId: IdSchema });
  r.get('/api/sites/:siteId/pledges', { schema: { params }, config: readLimit }, async (req) => deps.pledges.mine(req.actor, req.params.siteId));
  r.put('/api/sites/:siteId/pledges', { schema: { params, body: PledgesPutSchema }, config: writeLimit }, async (req) =>
    deps.pledges.replace(req.actor, req.params.siteId, req.body.slots),
  );
  r.get('/api/sites/:siteId/pledges/all', { schema: { params }, config: readLimit }, async (req) => deps.pledges.all(req.actor, req.params.siteId));
}
