import type { FastifyInstance } from 'fastify';
import { ErrorCode } from '@tribu/protocol';
import { AppError } from '../lib/errors.ts';
import { isSameOrigin } from '../lib/origin.ts';

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** Called by the widget from merchant pages; the route itself checks the site's allowed origins. */
export const CROSS_SITE_ROUTES: ReadonlySet<string> = new Set(['/api/visitor/token', '/api/visitor/data', '/api/visitor/erase', '/api/widget/:siteKey/track']);

/**
 * Refuses every state-changing request sent by another site's page, before its body is even
 * validated — a first line in front of each route's session + CSRF token check, so a route
 * wrongly marked public (plugins/auth.ts) is still not reachable from a cross-site form.
 */
export function registerCrossSiteGuard(app: FastifyInstance, publicUrl?: string): void {
  app.addHook('onRequest', async (req) => {
    if (!STATE_CHANGING.has(req.method) || CROSS_SITE_ROUTES.has(req.routeOptions.url ?? '')) return;
    const origin = req.headers.origin;
    if ((origin !== undefined && !isSameOrigin(origin, req.headers.host, publicUrl)) || req.headers['sec-fetch-site'] === 'cross-site') {
      throw new AppError(ErrorCode.forbidden, 'Cross-site request refused');
    }
  });
}
