import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorCode, MonthlyReportPrefSchema, MonthlyReportTokenSchema, type MonthlyReportPref } from '@tribu/protocol';
import { AppError } from '../../lib/errors.ts';
import type { MonthlyReports } from './monthly-report.service.ts';

/**
 * My choice about the monthly report mail (`GET|PUT /api/profile/monthly-report`), and the public
 * one-click unsubscribe `POST /api/monthly-report/unsubscribe` (the mail's page and its List-Unsubscribe header).
 */
export function monthlyReportRoutes(app: FastifyInstance, deps: { reports: MonthlyReports }): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/profile/monthly-report', { config: { rateLimit: { max: 60, timeWindow: 60_000 } } }, async (req): Promise<MonthlyReportPref> =>
    deps.reports.pref(req.actor),
  );
  r.put(
    '/api/profile/monthly-report',
    { schema: { body: MonthlyReportPrefSchema }, config: { rateLimit: { max: 30, timeWindow: 60_000 } } },
    async (req): Promise<MonthlyReportPref> => deps.reports.setPref(req.actor, req.body),
  );

  // RFC 8058: mail programs POST `List-Unsubscribe=One-Click` as a form to the header's address (token
  // in `?token=`, which logs mask); the backoffice page posts `{ token }` as JSON.
  app.register(async (scope) => {
    scope.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 1024 }, (_req, body, done) => {
      done(null, Object.fromEntries(new URLSearchParams(String(body))));
    });
    scope.withTypeProvider<ZodTypeProvider>().post(
      '/api/monthly-report/unsubscribe',
      {
        schema: {
          querystring: z.strictObject({ token: MonthlyReportTokenSchema.optional() }),
          body: z.object({ token: MonthlyReportTokenSchema.optional(), 'List-Unsubscribe': z.literal('One-Click').optional() }).optional(),
        },
        config: { auth: 'public', rateLimit: { max: 20, timeWindow: 60_000 } },
      },
      async (req) => {
        const token = req.query.token ?? req.body?.token;
        if (!token) throw new AppError(ErrorCode.badRequest, 'This unsubscribe link is incomplete');
        await deps.reports.unsubscribe(token);
        return { unsubscribed: true as const };
      },
    );
  });
}
