import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { VisitorTokenRequestSchema } from '@tribu/protocol';
import type { VisitorService } from './visitor.service.ts';

/**
 * `POST /api/visitor/token`, called by the widget from merchant pages: CORS is answered for the
 * preflight, and the real request is accepted only from the site's allowed origins.
 */
export function visitorRoutes(app: FastifyInstance, deps: { visitors: VisitorService }): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.options('/api/visitor/token', async (req, reply) => {
    const origin = req.headers.origin;
    if (origin) {
      void reply
        .header('Access-Control-Allow-Origin', origin)
        .header('Vary', 'Origin')
        .header('Access-Control-Allow-Methods', 'POST')
        .header('Access-Control-Allow-Headers', 'content-type')
        .header('Access-Control-Max-Age', '600');
    }
    return reply.status(204).send();
  });
  r.post(
    '/api/visitor/token',
    { schema: { body: VisitorTokenRequestSchema }, config: { rateLimit: { max: 30, timeWindow: 60_000 } } },
    async (req, reply) => {
      const origin = req.headers.origin;
      const host = req.headers.host;
      const result = await deps.visitors.token(req.body, { origin, host });
      if (origin) void reply.header('Access-Control-Allow-Origin', origin).header('Vary', 'Origin');
      return result;
    },
  );
}
