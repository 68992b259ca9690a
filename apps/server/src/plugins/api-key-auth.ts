import type { FastifyInstance } from 'fastify';
import { ErrorCode, type ApiKeyScope } from '@tribu/protocol';
import { AppError } from '../lib/errors.ts';
import type { Limiter } from '../lib/rate-limiter.ts';
import type { ApiKeyPrincipal, ApiKeyService } from '../modules/sales/api-key.service.ts';

/**
 * Site API keys for `/api/v1` (the merchant's servers), in the style of plugins/auth.ts:
 *
 *   r.post('/api/v1/…', { config: { auth: 'public', apiKey: 'conversions', rateLimit: … } }, async (req) => use(req.apiKey))
 *
 * `auth: 'public'` keeps the session hook away (no cookie, no CSRF: a server calls it); `apiKey`
 * names the scope the route needs. Before the body is read, `Authorization: Bearer <key>` must be a
 * live key (else 401) holding that scope (else 403), within its own rate budget (else 429). The
 * handler then reads `req.apiKey` — its site is the only one the request can touch.
 */

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The site API key scope a public /api/v1 route requires (see plugins/api-key-auth.ts). */
    apiKey?: ApiKeyScope;
  }
  interface FastifyRequest {
    /** The key's site and scopes: set on routes with `config.apiKey`. */
    apiKey: ApiKeyPrincipal;
  }
}

export function registerApiKeyAuth(app: FastifyInstance, keys: ApiKeyService, perKey: Limiter): void {
  app.decorateRequest('apiKey', null as unknown as ApiKeyPrincipal);
  app.addHook('onRoute', (route) => {
    const config = route.config as { auth?: string; apiKey?: string } | undefined;
    // A key route that also asked for a session would need both; keep the two apart.
    if (config?.apiKey && config.auth !== 'public') throw new Error(`${route.url}: an API key route must say auth: 'public'`);
  });
  app.addHook('preParsing', async (req) => {
    const scope = req.routeOptions.config.apiKey;
    if (!scope) return;
    const header = req.headers.authorization ?? '';
    const match = /^Bearer ([^\s]+)$/.exec(header);
    const principal = match ? await keys.resolve(match[1]!) : null;
    if (!principal) throw new AppError(ErrorCode.unauthorized, 'Send a live site API key as Authorization: Bearer <key>');
    if (!principal.scopes.includes(scope)) throw new AppError(ErrorCode.forbidden, `This key lacks the ${scope} scope`);
    await perKey.consume(principal.keyId);
    req.apiKey = principal;
  });
}
