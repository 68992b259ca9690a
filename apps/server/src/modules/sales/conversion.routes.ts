import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  CONVERSION_LIMITS,
  ConversionReportSchema,
  ErrorCode,
  PageTrackSchema,
  SiteKeySchema,
  V1ConversionResultSchema,
  V1ErrorSchema,
  type ConversionResult,
} from '@tribu/protocol';
import { AppError } from '../../lib/errors.ts';
import { isOriginAllowed } from '../../lib/origin.ts';
import { parseFields } from '../../lib/parse-fields.ts';
import { allowOrigin, widgetPreflight } from '../../lib/widget-cors.ts';
import type { SiteService } from '../sites/site.service.ts';
import type { VisitorService } from '../visitors/visitor.service.ts';
import type { ConversionService } from './conversion.service.ts';

/** The page's `Tribu.track(…)`: called from merchant pages (CORS), accepted from the site's allowed origins only. */
export const PAGE_TRACK_ROUTE = '/api/widget/:siteKey/track';

interface Deps {
  conversions: ConversionService;
  sites: SiteService;
  visitors: VisitorService;
  publicUrl: string;
}

/**
 * Purchases and refunds: `POST /api/v1/conversions` and `DELETE /api/v1/conversions/:orderId` for
 * the merchant's servers (site API key, scope `conversions`), and the page's `Tribu.track`.
 */
export function conversionRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const v1 = { auth: 'public', apiKey: 'conversions', rateLimit: { max: 600, timeWindow: 60_000 } } as const;

  r.post(
    '/api/v1/conversions',
    {
      config: {
        ...v1,
        openapi: {
          summary: 'Report a purchase',
          description:
            "Idempotent per order id: the same order again answers 200 with the first report's result and changes nothing (a refunded order stays refunded). `amount` is in major units with no more decimals than the currency has; `visitorId` comes from `Tribu.getVisitorId()` in the page. Attribution: assisted when the visitor had a chat answered within the site's window (default 7 days) before `occurredAt`; referred when `code` is a helper's active referral code.",
          body: ConversionReportSchema,
          responses: {
            201: { description: 'Recorded', schema: V1ConversionResultSchema },
            200: { description: 'Already reported: nothing changed', schema: V1ConversionResultSchema },
          },
        },
      },
    },
    async (req, reply): Promise<ConversionResult> => {
      const input = parseFields(ConversionReportSchema, req.body);
      const result = await deps.conversions.report(req.apiKey.siteId, { ...input, source: 'api' });
      void reply.status(result.created ? 201 : 200);
      return result;
    },
  );

  r.delete(
    '/api/v1/conversions/:orderId',
    {
      schema: { params: z.object({ orderId: z.string().min(1).max(CONVERSION_LIMITS.orderId) }) },
      config: {
        ...v1,
        openapi: {
          summary: 'Refund a purchase',
          description: 'The order then counts nowhere; reporting it again does not bring it back.',
          responses: { 204: { description: 'Refunded' }, 404: { description: 'No such order on this site (or already refunded)', schema: V1ErrorSchema } },
        },
      },
    },
    async (req, reply) => {
      await deps.conversions.refund(req.apiKey.siteId, req.params.orderId);
      return reply.status(204).send();
    },
  );

  widgetPreflight(app, PAGE_TRACK_ROUTE);
  r.post(
    PAGE_TRACK_ROUTE,
    { schema: { params: z.object({ siteKey: SiteKeySchema }) }, config: { auth: 'public', rateLimit: { max: 30, timeWindow: 60_000 } } },
    async (req, reply) => {
      const origin = req.headers.origin;
      const host = req.headers.host;
      const site = await deps.sites.byKey(req.params.siteKey);
      if (!site) throw new AppError(ErrorCode.notFound, 'Unknown site');
      if (!isOriginAllowed(origin, site.allowedOrigins, host, deps.publicUrl)) {
        throw new AppError(ErrorCode.originNotAllowed, 'This page is not allowed to report orders for this site');
      }
      const body = parseFields(PageTrackSchema, req.body);
      // The visitor counts only when their token proves it; else it is an order without chat.
      let visitorId: string | undefined;
      if (body.visitorId && body.token) {
        const actor = await deps.visitors
          .authenticate({ siteKey: site.key, visitorId: body.visitorId, token: body.token }, { origin, host })
          .catch(() => undefined);
        visitorId = actor?.visitorId;
      }
      allowOrigin(reply, origin);
      if (body.event === 'refund') {
        // A page may take back only what a page reported (never an order the merchant's server sent).
        await deps.conversions.refund(site.id, body.data.orderId, 'page');
        return reply.status(204).send();
      }
      const result = await deps.conversions.report(site.id, { ...body.data, visitorId, source: 'page' });
      return reply.status(result.created ? 201 : 200).send(result);
    },
  );
}
