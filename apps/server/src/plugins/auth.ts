import type { FastifyInstance, FastifyRequest } from 'fastify';
import { CSRF_HEADER, ErrorCode, SESSION_COOKIE } from '@tribu/protocol';
import { AppError } from '../lib/errors.ts';
import { acceptedLocales } from '../lib/accept-language.ts';
import { isSameOrigin } from '../lib/origin.ts';
import type { HelperActor } from '../modules/actors.ts';
import type { AuthService, Session } from '../modules/auth/auth.service.ts';

/**
 * Authentication as a hook, not a call in each route.
 *
 * The convention for every route under /api (route files never check the session themselves):
 *
 *   r.post('/api/…', { config: { rateLimit: … } }, async (req) => use(req.actor))
 *     The default: signed-in only. Before the body is even read, a request without a live session
 *     answers 401; a state-changing one (POST, PUT, PATCH, DELETE) must also come from our own
 *     origin and carry the session's CSRF token in the `x-csrf-token` header, else 403. The handler
 *     then reads `req.session` and `req.actor` (set by this hook, typed below).
 *
 *   r.post('/api/…', { config: { auth: 'public', rateLimit: … } }, handler)
 *     A route for people who are not signed in: sign-in, password reset, invitations, the join
 *     form, the widget's visitor routes (they prove themselves with a visitor token and the site's
 *     allowed origins), /api/v1 (a site API key). The handler checks what the route needs;
 *     `req.session` and `req.actor` are not set there. A public route is a decision: the route-table
 *     test (http-auth.test.ts) lists every one, so a new public route without a review fails it.
 *
 * CORS preflights (OPTIONS) carry no credentials and change nothing: they are public by nature.
 * Routes outside /api (pages, widget.js, /healthz) are not touched.
 */

export type RouteAuth = 'public' | 'session';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Who may call the route (see plugins/auth.ts); absent on an /api route means 'session'. */
    auth?: RouteAuth;
  }
  interface FastifyRequest {
    /** The live session: set on every signed-in-only /api route before its handler runs (never on a public one). */
    session: Session;
    /** The signed-in person, with their roles per site (`session.actor`). */
    actor: HelperActor;
  }
}

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** One route as the auth hook sees it: the route-table test walks these. */
export interface RouteAccess {
  method: string;
  url: string;
  auth: RouteAuth | 'none';
}

const tables = new WeakMap<FastifyInstance, RouteAccess[]>();

/** Every route registered on the app with the access decision the hook applies to it. */
export function routeAccess(app: FastifyInstance): RouteAccess[] {
  return [...(tables.get(app) ?? [])];
}

function decide(url: string, method: string, auth: RouteAuth | undefined): RouteAccess['auth'] {
  if (!url.startsWith('/api/')) return 'none';
  if (method === 'OPTIONS') return 'public';
  return auth ?? 'session';
}

/**
 * State-changing backoffice requests must come from our own pages (SameSite + Origin + CSRF header).
 * Compared with the Host header (a proxy in front must pass it through, as deploy/nginx.conf does);
 * never a client-settable X-Forwarded-Host, which would let a forged header pass the check.
 */
export function assertSameOrigin(req: FastifyRequest): void {
  const origin = req.headers.origin;
  if (origin !== undefined && !isSameOrigin(origin, req.headers.host)) {
    throw new AppError(ErrorCode.forbidden, 'Cross-site request refused');
  }
}

/** The session of a request, or 401; with `csrf`, also the same-origin and CSRF-token checks (403). */
async function sessionOf(auth: AuthService, req: FastifyRequest, csrf: boolean): Promise<Session> {
  const session = await auth.fromCookie(req.cookies[SESSION_COOKIE]);
  if (!session) throw new AppError(ErrorCode.unauthorized, 'Sign in first');
  if (csrf) {
    assertSameOrigin(req);
    if (req.headers[CSRF_HEADER] !== session.me.csrfToken) {
      throw new AppError(ErrorCode.forbidden, 'Missing or wrong CSRF token; reload the page');
    }
  }
  return session;
}

/** Registers the hook; call it before any route is added (it records each route's decision as it comes). */
export function registerAuth(app: FastifyInstance, auth: AuthService): void {
  const table: RouteAccess[] = [];
  tables.set(app, table);
  app.decorateRequest('session', null as unknown as Session);
  app.decorateRequest('actor', null as unknown as HelperActor);
  app.addHook('onRoute', (route) => {
    const methods = ([] as string[]).concat(route.method);
    const config = route.config as { auth?: RouteAuth } | undefined;
    for (const method of methods) table.push({ method, url: route.url, auth: decide(route.url, method, config?.auth) });
  });
  // preParsing: after the rate limits (onRequest), before the body is read or validated.
  app.addHook('preParsing', async (req) => {
    const url = req.routeOptions.url;
    if (url === undefined) return; // no such route: the 404 handler answers
    if (decide(url, req.method, req.routeOptions.config.auth) !== 'session') return;
    const session = await sessionOf(auth, req, STATE_CHANGING.has(req.method));
    req.session = session;
    req.actor = { ...session.actor, accepts: acceptedLocales(req.headers['accept-language']) };
  });
}
