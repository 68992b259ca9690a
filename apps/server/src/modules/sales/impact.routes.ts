import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdSchema, type MyImpact } from '@tribu/protocol';
import type { ImpactService } from './impact.service.ts';

/** `GET /api/sites/:siteId/impact/mine`: the signed-in member's own impact on a site of theirs. */
export function impactRoutes(app: FastifyInstance, deps: { impact: ImpactService }): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/sites/:siteId/impact/mine',
    { schema: { params: z.object({ siteId: IdSchema }) }, config: { rateLimit: { max: 60, timeWindow: 60_000 } } },
    async (req, reply): Promise<MyImpact> => {
      const impact = await deps.impact.mine(req.actor, req.params.siteId);
      void reply.header('cache-control', 'no-store');
      return impact;
    },
  );
}
