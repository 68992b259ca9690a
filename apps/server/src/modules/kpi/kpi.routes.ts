import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { IdSchema, KPI_TABLES, KpiCsvQuerySchema, KpiQuerySchema } from '@tribu/protocol';
import { sendCsv } from '../../lib/csv.ts';
import { kpiRows } from './kpi.csv.ts';
import type { KpiService } from './kpi.service.ts';

/**
 * `GET /api/sites/:siteId/kpis?from&to` — the dashboard's numbers; `GET …/kpis/<table>.csv` — each
 * of its tables. Managers and admins of the site only; another site answers like a missing one.
 */
export function kpiRoutes(app: FastifyInstance, deps: { kpis: KpiService }): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const params = z.object({ siteId: IdSchema });
  r.get(
    '/api/sites/:siteId/kpis',
    { schema: { params, querystring: KpiQuerySchema }, config: { rateLimit: { max: 60, timeWindow: 60_000 } } },
    async (req, reply) => {
      const { actor } = req;
      const report = await deps.kpis.report(actor, req.params.siteId, req.query);
      return reply.header('cache-control', 'no-store').send(report);
    },
  );
  r.get(
    '/api/sites/:siteId/kpis/:table',
    {
      schema: {
        params: params.extend({ table: z.enum(KPI_TABLES.map((t) => `${t}.csv`) as [`${(typeof KPI_TABLES)[number]}.csv`]) }),
        querystring: KpiCsvQuerySchema,
      },
      config: { rateLimit: { max: 20, timeWindow: 60_000 } },
    },
    async (req, reply) => {
      const { actor } = req;
      const report = await deps.kpis.report(actor, req.params.siteId, req.query);
      const table = req.params.table.replace(/\.csv$/, '') as (typeof KPI_TABLES)[number];
      return sendCsv(reply, `tribu-${table}-${req.query.from}-to-${req.query.to}.csv`, kpiRows(table, report, req.query));
    },
  );
}
