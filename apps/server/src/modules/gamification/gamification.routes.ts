import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { IdSchema } from '@tribu/protocol';
import { sendCsv } from '../../lib/csv.ts';
import { requireManager } from '../access.ts';
import type { GamificationService } from './gamification.service.ts';

/** `GET /api/sites/:siteId/ledger.csv` — the site's whole points ledger, for its managers. */
export function gamificationRoutes(app: FastifyInstance, deps: { gamification: GamificationService }): void {
  app
    .withTypeProvider<ZodTypeProvider>()
    .get(
      '/api/sites/:siteId/ledger.csv',
      { schema: { params: z.object({ siteId: IdSchema }) }, config: { rateLimit: { max: 10, timeWindow: 60_000 } } },
      async (req, reply) => {
        requireManager(req.actor, req.params.siteId);
        const rows = await deps.gamification.ledger(req.params.siteId);
        const header = ['date', 'member', 'points', 'reason', 'note', 'conversation', 'by'];
        const lines = rows.map((r) => [new Date(r.createdAt).toISOString(), r.member, r.points, r.reason, r.note, r.conversationId, r.by]);
        return sendCsv(reply, 'tribu-ledger.csv', [header, ...lines]);
      },
    );
}
