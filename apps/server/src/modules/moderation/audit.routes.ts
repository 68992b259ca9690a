import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { hasRole } from '@tribu/domain';
import { AuditQuerySchema, ErrorCode, IdSchema, type AuditEntryView, type AuditPage } from '@tribu/protocol';
import { sendCsv } from '../../lib/csv.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import type { AuditRow, AuditService } from '../audit/audit.service.ts';
import { roleOn } from '../access.ts';
import type { HelperActor } from '../actors.ts';

const PAGE = 100;

/** The audit log is the admins': a stranger gets "not found", a helper or moderator a plain no. */
function requireAdmin(actor: HelperActor, siteId: string): void {
  const role = roleOn(actor, siteId);
  if (!role) throw notFound('Site');
  if (!hasRole(role, 'admin')) throw new AppError(ErrorCode.forbidden, "Only the site's admins can read the audit log");
}

const view = (r: AuditRow): AuditEntryView => ({
  id: r.id,
  at: r.createdAt.toISOString(),
  actorName: r.actorName,
  action: r.action,
  targetKind: r.targetKind,
  targetLabel: r.targetLabel,
  reason: r.reason,
  details: r.details,
});

/** `GET /api/sites/:siteId/audit` (a page, newest first) and `audit.csv` (the whole log, formula-safe). */
export function auditRoutes(app: FastifyInstance, deps: { audit: AuditService }): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const params = z.object({ siteId: IdSchema });

  r.get(
    '/api/sites/:siteId/audit',
    { schema: { params, querystring: AuditQuerySchema }, config: { rateLimit: { max: 60, timeWindow: 60_000 } } },
    async (req): Promise<AuditPage> => {
      const { actor } = req;
      requireAdmin(actor, req.params.siteId);
      const rows = await deps.audit.list(req.params.siteId, { ...req.query, limit: PAGE });
      return {
        entries: rows.map(view),
        actions: await deps.audit.actions(req.params.siteId),
        nextBefore: rows.length === PAGE ? rows.at(-1)!.createdAt.toISOString() : null,
      };
    },
  );

  r.get(
    '/api/sites/:siteId/audit.csv',
    { schema: { params, querystring: AuditQuerySchema.pick({ action: true }) }, config: { rateLimit: { max: 10, timeWindow: 60_000 } } },
    async (req, reply) => {
      const { actor } = req;
      requireAdmin(actor, req.params.siteId);
      const rows = await deps.audit.list(req.params.siteId, { action: req.query.action, limit: 5000 });
      const header = ['date', 'who', 'action', 'target kind', 'target', 'reason', 'details'];
      const lines = rows.map((e) => [e.createdAt.toISOString(), e.actorName, e.action, e.targetKind, e.targetLabel, e.reason, JSON.stringify(e.details)]);
      return sendCsv(reply, 'tribu-audit-log.csv', [header, ...lines]);
    },
  );
}
