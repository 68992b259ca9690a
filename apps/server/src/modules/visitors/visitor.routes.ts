import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { VisitorTokenRequestSchema } from '@tribu/protocol';
import { allowOrigin, widgetPreflight } from '../../lib/widget-cors.ts';
import type { VisitorService } from './visitor.service.ts';

/**
 * `POST /api/visitor/token`, called by the widget from merchant pages: CORS is answered for the
 * preflight, and the real request is accepted only from the site's allowed origins.
 */
export function visitorRoutes(app: FastifyInstance, deps: { visitors: VisitorService }): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  widgetPreflight(app, '/api/visitor/token');
  r.post(
    '/api/visitor/token',
    { schema: { body: VisitorTokenRequestSchema }, config: { auth: 'public', rateLimit: { max: 30, timeWindow: 60_000 } } },
    async (req, reply) => {
      const origin = req.headers.origin;
      const host = req.headers.host;
      const result = await deps.visitors.token(req.body, { origin, host });
      allowOrigin(reply, origin);
      return result;
    },
  );
}
