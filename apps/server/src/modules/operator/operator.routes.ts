import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { SiteCreateSchema } from '@tribu/protocol';
import { parseFields } from '../../lib/parse-fields.ts';
import type { AuthService } from '../auth/auth.service.ts';
import { requireOperator, type OperatorService } from './operator.service.ts';

/** The install's operator: GET/POST /api/operator/sites. Everyone else gets 404, as if nothing were here. */
export function operatorRoutes(app: FastifyInstance, deps: { auth: AuthService; operator: OperatorService }): void {
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
}
