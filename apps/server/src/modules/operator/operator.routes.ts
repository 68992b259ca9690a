import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AdminAppointSchema, IdSchema, SiteCreateSchema } from '@tribu/protocol';
import { parseFields } from '../../lib/parse-fields.ts';
import { requireOperator, type OperatorService } from './operator.service.ts';

/** The install's operator: GET/POST /api/operator/sites, POST …/:siteId/admins. Everyone else gets 404, as if nothing were here. */
export function operatorRoutes(app: FastifyInstance, deps: { operator: OperatorService }): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/operator/sites', { config: { rateLimit: { max: 60, timeWindow: 60_000 } } }, async (req, reply) => {
    requireOperator(req.session);
    void reply.header('cache-control', 'no-store');
    return { sites: await deps.operator.list() };
  });

  r.post('/api/operator/sites', { config: { rateLimit: { max: 10, timeWindow: 60_000 } } }, async (req, reply) => {
    const actor = requireOperator(req.session);
    const created = await deps.operator.create(actor, parseFields(SiteCreateSchema, req.body));
    return reply.status(201).send(created);
  });

  // A site whose admins are gone gets one again: an existing account, made its active admin.
  r.post(
    '/api/operator/sites/:siteId/admins',
    { schema: { params: z.object({ siteId: IdSchema }) }, config: { rateLimit: { max: 10, timeWindow: 60_000 } } },
    async (req) => {
      const actor = requireOperator(req.session);
      return deps.operator.appointAdmin(actor, req.params.siteId, parseFields(AdminAppointSchema, req.body).email);
    },
  );
}
