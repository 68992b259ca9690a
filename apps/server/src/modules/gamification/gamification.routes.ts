import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { hasRole } from '@tribu/domain';
import { ErrorCode, IdSchema } from '@tribu/protocol';
import { sendCsv } from '../../lib/csv.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { requireSession } from '../auth/auth.routes.ts';
import type { AuthService } from '../auth/auth.service.ts';
import type { GamificationService } from './gamification.service.ts';

/** `GET /api/sites/:siteId/ledger.csv` — the site's whole points ledger, for its managers. */
export function gamificationRoutes(app: FastifyInstance, deps: { auth: AuthService; gamification: GamificationService }): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/sites/:siteId/ledger.csv',
    { schema: { params: z.object({ siteId: IdSchema }) }, config: { rateLimit: { max: 10, timeWindow: 60_000 } } },
    async (req, reply) => {
      const session = await requireSession(deps.auth, req, false);
      const role = session.actor.roles[req.params.siteId];
      if (!role) throw notFound('Site');
      if (!hasRole(role, 'moderator')) throw new AppError(ErrorCode.forbidden, 'Only the community managers can export the ledger');
      const rows = await deps.gamification.ledger(req.params.siteId);
      const header = ['date', 'member', 'points', 'reason', 'note', 'conversation', 'by'];
      const lines = rows.map((r) => [new Date(r.createdAt).toISOString(), r.member, r.points, r.reason, r.note, r.conversationId, r.by]);
      return sendCsv(reply, 'tribu-ledger.csv', [header, ...lines]);
    },
  );
}
