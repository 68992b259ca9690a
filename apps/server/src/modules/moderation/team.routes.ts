import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdSchema, RemoveMemberSchema, SuspendSchema } from '@tribu/protocol';
import type { TeamService } from './team.service.ts';

const member = z.object({ siteId: IdSchema, userId: IdSchema });
const write = { rateLimit: { max: 30, timeWindow: 60_000 } };

/** The team page: members of a site; suspend, reinstate, remove (managers, over lower roles only). */
export function teamRoutes(app: FastifyInstance, deps: { team: TeamService }): void {
  const { team } = deps;
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/sites/:siteId/team',
    { schema: { params: z.object({ siteId: IdSchema }) }, config: { rateLimit: { max: 60, timeWindow: 60_000 } } },
    async (req) => {
      const { actor } = req;
      return { members: await team.list(actor, req.params.siteId) };
    },
  );

  r.post('/api/sites/:siteId/team/:userId/suspend', { schema: { params: member, body: SuspendSchema }, config: write }, async (req) => {
    const { actor } = req;
    await team.suspend(actor, req.params.siteId, req.params.userId, req.body.reason);
    return {};
  });

  r.post('/api/sites/:siteId/team/:userId/reinstate', { schema: { params: member }, config: write }, async (req) => {
    const { actor } = req;
    await team.reinstate(actor, req.params.siteId, req.params.userId);
    return {};
  });

  r.post('/api/sites/:siteId/team/:userId/remove', { schema: { params: member, body: RemoveMemberSchema }, config: write }, async (req) => {
    const { actor } = req;
    await team.remove(actor, req.params.siteId, req.params.userId, req.body.reason);
    return {};
  });
}
