import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdSchema, PrivacyEraseSchema, PrivacyLookupSchema, VisitorCredentialsSchema, type PrivacyLookupResult } from '@tribu/protocol';
import { allowOrigin, widgetPreflight } from '../../lib/widget-cors.ts';
import type { PrivacyService } from './privacy.service.ts';

// The widget's routes: a visitor token and the site's allowed origins, never a backoffice session.
const visitorLimit = { auth: 'public', rateLimit: { max: 10, timeWindow: 60_000 } } as const;
const read = { rateLimit: { max: 120, timeWindow: 60_000 } };
const write = { rateLimit: { max: 30, timeWindow: 60_000 } };
const SiteParams = z.object({ siteId: IdSchema });
const VisitorParams = z.object({ siteId: IdSchema, visitorId: IdSchema });
const VISITOR_PATHS = ['/api/visitor/data', '/api/visitor/erase'] as const;

const day = () => new Date().toISOString().slice(0, 10);
const attachment = (reply: FastifyReply, name: string) =>
  reply.header('cache-control', 'no-store').header('content-disposition', `attachment; filename="${name}-${day()}.json"`);

/**
 * The widget's "Download my data" / "Delete my data" (POST with the visitor's token, from the site's
 * allowed origins, like `/api/visitor/token`), and the backoffice's Manage → Privacy.
 */
export function privacyRoutes(app: FastifyInstance, deps: { privacy: PrivacyService }): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { privacy } = deps;

  for (const path of VISITOR_PATHS) widgetPreflight(app, path);

  r.post('/api/visitor/data', { schema: { body: VisitorCredentialsSchema }, config: visitorLimit }, async (req, reply) => {
    const data = await privacy.exportOwn(req.body, { origin: req.headers.origin, host: req.headers.host });
    allowOrigin(reply, req.headers.origin);
    void reply.header('cache-control', 'no-store');
    return data;
  });

  r.post('/api/visitor/erase', { schema: { body: VisitorCredentialsSchema }, config: visitorLimit }, async (req, reply) => {
    const done = await privacy.eraseOwn(req.body, { origin: req.headers.origin, host: req.headers.host });
    allowOrigin(reply, req.headers.origin);
    return done;
  });

  r.get('/api/sites/:siteId/privacy/options', { schema: { params: SiteParams }, config: read }, async (req) => {
    const { actor } = req;
    return privacy.options(actor, req.params.siteId);
  });

  r.get(
    '/api/sites/:siteId/privacy/visitors',
    { schema: { params: SiteParams, querystring: PrivacyLookupSchema }, config: read },
    async (req, reply): Promise<PrivacyLookupResult> => {
      const { actor } = req;
      void reply.header('cache-control', 'no-store');
      return { visitors: await privacy.find(actor, req.params.siteId, req.query) };
    },
  );

  // A POST with the CSRF token, not a link: it writes an audit line, and no GET may change a row.
  r.post('/api/sites/:siteId/privacy/visitors/:visitorId/export', { schema: { params: VisitorParams }, config: write }, async (req, reply) => {
    const { actor } = req;
    const data = await privacy.exportFor(actor, req.params.siteId, req.params.visitorId);
    void attachment(reply, `tribu-visitor-${req.params.visitorId.slice(0, 8)}`);
    return data;
  });

  r.post(
    '/api/sites/:siteId/privacy/visitors/:visitorId/erase',
    { schema: { params: VisitorParams, body: PrivacyEraseSchema }, config: write },
    async (req) => {
      const { actor } = req;
      return { visitor: await privacy.eraseFor(actor, req.params.siteId, req.params.visitorId, req.body.reason) };
    },
  );
}
