import type { FastifyInstance, FastifyReply } from 'fastify';

/**
 * The CORS preflight of a POST the widget makes from merchant pages. It is answered for any origin:
 * the real request is what each route accepts only from the site's allowed origins.
 */
export function widgetPreflight(app: FastifyInstance, path: string): void {
  app.options(path, async (req, reply) => {
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
}

/** Lets the calling page read the answer (it came from an origin the route has just allowed). */
export function allowOrigin(reply: FastifyReply, origin: string | undefined): void {
  if (origin) void reply.header('Access-Control-Allow-Origin', origin).header('Vary', 'Origin');
}
