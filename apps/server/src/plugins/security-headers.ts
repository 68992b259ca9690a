import type { FastifyInstance } from 'fastify';

/** The backoffice SPA: own scripts only, never framed. Inline styles are Preact `style` props. */
export const BACKOFFICE_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: https:; connect-src 'self' ws: wss:; object-src 'none'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";
/** The demo shop: like a merchant page embedding the widget (its shadow-root styles are inline). */
export const DEMO_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: https:; connect-src 'self' ws: wss:; object-src 'none'; frame-ancestors 'self'; base-uri 'self'; form-action 'self'";
/** Everything else (JSON, images, scripts, CSV): nothing in it may run or be framed if opened as a page. */
export const RESOURCE_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

const under = (url: string, prefix: string) => url === prefix || url.startsWith(`${prefix}/`) || url.startsWith(`${prefix}?`);

/** Headers on every response; pages get a CSP without inline scripts, everything else one that runs nothing. */
export function registerSecurityHeaders(app: FastifyInstance, opts: { https?: boolean } = {}): void {
  app.addHook('onSend', async (req, reply) => {
    reply.header('X-Content-Type-Options', 'nosniff');
    // Served at an https address: browsers never try plain http for it again (no downgrade).
    if (opts.https) reply.header('Strict-Transport-Security', 'max-age=31536000');
    reply.header('Referrer-Policy', 'strict-origin-when-cross-origin');
    if (under(req.url, '/backoffice')) {
      reply.header('X-Frame-Options', 'DENY');
      reply.header('Content-Security-Policy', BACKOFFICE_CSP);
    } else if (under(req.url, '/demo')) {
      reply.header('X-Frame-Options', 'SAMEORIGIN');
      reply.header('Content-Security-Policy', DEMO_CSP);
    } else {
      reply.header('Content-Security-Policy', RESOURCE_CSP);
    }
  });
}
