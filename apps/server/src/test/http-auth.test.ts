import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { CSRF_HEADER, ErrorCode } from '@tribu/protocol';
import { routeAccess, type RouteAccess } from '../plugins/auth.ts';
import { usePostgresServer } from './support/app.ts';
import { login } from './support/clients.ts';
import { fingerprint } from './support/fingerprint.ts';
import { USERS } from './support/fixtures.ts';
import { routeTable } from './support/routes.ts';
import { hasPostgres } from './support/services.ts';

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Every /api route a person may call without being signed in, each one a decision (plugins/auth.ts):
 * a new public route fails this list until it is added here, with the reason it needs no session.
 */
const PUBLIC_ROUTES = [
  'POST /api/auth/login', // signing in
  'POST /api/auth/login/two-factor', // the second step of signing in
  'POST /api/auth/password/forgot', // a reset link by mail
  'POST /api/auth/password/reset', // the link's token
  'GET /api/auth/session', // who is signed in on this browser, or nobody: the caller's own cookie only
  'GET /api/avatars/:userId', // helper photos on merchant pages
  'POST /api/invitations/preview', // the invitation's token
  'POST /api/invitations/accept', // the invitation's token
  'GET /api/join/:siteKey', // the public "Become a helper" page
  'POST /api/join/:siteKey',
  'GET /api/widget/:siteKey', // the loader on merchant pages
  'POST /api/visitor/token', // the widget: the site's allowed origins
  'POST /api/visitor/data', // the widget: a visitor token
  'POST /api/visitor/erase',
  'POST /api/visitor-email/confirm', // the confirmation mail's one-time token
  'POST /api/widget/:siteKey/track', // Tribu.track in the page: the site's allowed origins
  'POST /api/v1/conversions', // the merchant's server: a site API key (plugins/api-key-auth.ts)
  'DELETE /api/v1/conversions/:orderId',
  'GET /api/v1/numbers', // the merchant's read API: a site API key with numbers:read
  'GET /api/v1/conversations',
  'GET /api/v1/openapi.json', // the API's public description
  'POST /api/monthly-report/unsubscribe', // the monthly report mail's unsubscribe link: its HMAC token (one click, RFC 8058)
  'GET /api/reengagement/unsubscribe', // the "we miss you" note's unsubscribe link: its HMAC token
  'POST /api/reengagement/unsubscribe', // the same, one-click from the mail program (RFC 8058)
  'POST /api/digest/unsubscribe', // the digest's one-click unsubscribe (RFC 8058): its signed token
].sort();

/**
 * A valid body or query for each site route whose schema needs one: with it, the route reaches its
 * rights check. A new route with a schema answers 400 below until it gets its sample here.
 */
const SAMPLES: Record<string, { body?: unknown; query?: string }> = {
  'POST /api/sites/:siteId/reports/:reportId/decide': { body: { status: 'dismissed' } },
  'POST /api/sites/:siteId/reports/:reportId/feed': { body: { action: 'hide', reason: 'Spam' } },
  'POST /api/sites/:siteId/bans': { body: { conversationId: '00000000-0000-4000-8000-000000000000', duration: '1d', reason: 'Spam', blockAddress: false } },
  'PUT /api/sites/:siteId/blocked-words': { body: { words: ['spam'] } },
  'POST /api/sites/:siteId/team/:userId/suspend': { body: { reason: 'Rude' } },
  'POST /api/sites/:siteId/team/:userId/remove': { body: { confirm: true, reason: 'Rude' } },
  'PUT /api/sites/:siteId/onboarding/settings': { body: { observeChats: 2 } },
  'PUT /api/sites/:siteId/charter': { body: { text: 'Be kind.' } },
  'PUT /api/sites/:siteId/newcomers/:userId/mentor': { body: { mentorId: null } },
  'GET /api/sites/:siteId/kpis': { query: 'from=2026-01-01&to=2026-01-31' },
  'GET /api/sites/:siteId/kpis/:table': { query: 'from=2026-01-01&to=2026-01-31' },
  'POST /api/sites/:siteId/invitations': { body: { email: 'new@test.tribu', name: 'New', role: 'helper' } },
  'PUT /api/sites/:siteId/application-questions': { body: { questions: ['Why?'] } },
  'GET /api/sites/:siteId/privacy/visitors': { query: 'email=jo%40example.com' },
  'POST /api/sites/:siteId/privacy/visitors/:visitorId/erase': { body: { reason: 'Asked by mail' } },
  'PATCH /api/sites/:siteId/roles/:userId': { body: { role: 'admin' } },
  'GET /api/sites/:siteId/push-stats': { query: 'from=2026-01-01&to=2026-01-31' },
  'PUT /api/sites/:siteId/pledges': { body: { slots: [] } },
  'GET /api/sites/:siteId/reengagement': { query: 'from=2026-01-01&to=2026-01-31' },
  'PUT /api/sites/:siteId/reengagement': { body: { enabled: true, inactiveDays: 30, template: 'Hello {name}' } },
  'PUT /api/sites/:siteId/reengagement/mine': { body: { optedOut: true } },
  'POST /api/sites/:siteId/thanks/cards/:cardId/hide': { body: { hidden: true } },
  'POST /api/sites/:siteId/thanks/cards/:cardId/remove': { body: { reason: 'Off topic' } },
  'PATCH /api/sites/:siteId/digests/:digestId': { body: { note: 'Hello' } },
};

describe.skipIf(!hasPostgres)('authentication as a hook, over the whole route table', () => {
  const t = usePostgresServer();
  let table: RouteAccess[];
  let admin: Awaited<ReturnType<typeof login>>;

  beforeAll(async () => {
    table = routeAccess(t.server.app).filter((r) => r.url.startsWith('/api/') && r.method !== 'HEAD');
    admin = await login(t.server.url, USERS.adminA.email);
  });

  const concrete = (path: string) =>
    path
      .replace(':siteId', t.server.sites.siteA)
      .replace(':siteKey', 'shop-a')
      .replace(':userId', admin.me.user.id)
      .replace(/:[a-zA-Z]+/g, () => randomUUID());
  const key = (r: { method: string; url: string }) => `${r.method} ${r.url}`;

  it('knows the decision for every /api route Fastify answers', () => {
    const served = routeTable(t.server.app.printRoutes({ commonPrefix: false }))
      .filter((r) => r.path.startsWith('/api/') && r.method !== 'HEAD')
      .map((r) => `${r.method} ${r.path}`)
      .sort();
    expect(table.map(key).sort()).toEqual(served);
    // A floor, so an empty table cannot make the checks below vacuous.
    expect(table.filter((r) => r.auth === 'session' && WRITES.has(r.method)).length).toBeGreaterThan(30);
  });

  it('lets only the reviewed routes through without a session', () => {
    const open = table
      .filter((r) => r.auth === 'public' && r.method !== 'OPTIONS')
      .map(key)
      .sort();
    expect(open).toEqual(PUBLIC_ROUTES);
    // Preflights only answer CORS questions; each belongs to a public widget route.
    for (const r of table.filter((x) => x.method === 'OPTIONS')) expect(PUBLIC_ROUTES).toContain(`POST ${r.url}`);
  });

  it('answers 401 on every signed-in-only route without a session, and changes nothing', async () => {
    const before = await fingerprint(t.databaseUrl, { memberships: ['onboarding'] });
    for (const r of table.filter((x) => x.auth === 'session')) {
      const res = await fetch(`${t.server.url}${concrete(r.url)}`, {
        method: r.method,
        headers: { origin: new URL(t.server.url).origin, ...(WRITES.has(r.method) ? { 'content-type': 'application/json' } : {}) },
        body: WRITES.has(r.method) ? '{}' : undefined,
      });
      expect([key(r), res.status]).toEqual([key(r), 401]);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe(ErrorCode.unauthorized);
    }
    expect(await fingerprint(t.databaseUrl, { memberships: ['onboarding'] })).toEqual(before);
  });

  it('answers 403 on every state-changing signed-in route sent with the session but without the CSRF header, and changes nothing', async () => {
    const writes = table.filter((r) => r.auth === 'session' && WRITES.has(r.method));
    const before = await fingerprint(t.databaseUrl);
    for (const r of writes) {
      for (const csrf of [undefined, 'not-the-token']) {
        const res = await fetch(`${t.server.url}${concrete(r.url)}`, {
          method: r.method,
          headers: {
            cookie: admin.cookie,
            origin: new URL(t.server.url).origin,
            'content-type': 'application/json',
            ...(csrf ? { [CSRF_HEADER]: csrf } : {}),
          },
          body: '{}',
        });
        expect([key(r), csrf, res.status]).toEqual([key(r), csrf, 403]);
        expect(((await res.json()) as { error: { code: string } }).error.code).toBe(ErrorCode.forbidden);
      }
    }
    expect(await fingerprint(t.databaseUrl)).toEqual(before);
    // The session is still good: the refusals neither used nor ended it.
    expect((await fetch(`${t.server.url}/api/auth/me`, { headers: { cookie: admin.cookie } })).status).toBe(200);
  });

  it("answers every site route called by another site's member like a missing one (404), and changes nothing", async () => {
    const bea = await login(t.server.url, USERS.helperB1.email);
    const siteRoutes = table.filter((r) => r.auth === 'session' && r.url.startsWith('/api/sites/:siteId/') && r.method !== 'OPTIONS');
    expect(siteRoutes.length).toBeGreaterThan(40);
    const before = await fingerprint(t.databaseUrl);
    for (const r of siteRoutes) {
      const sample = SAMPLES[key(r)] ?? {};
      const res = await fetch(`${t.server.url}${concrete(r.url.replace(':table', 'helpers.csv'))}${sample.query ? `?${sample.query}` : ''}`, {
        method: r.method,
        headers: {
          cookie: bea.cookie,
          origin: new URL(t.server.url).origin,
          [CSRF_HEADER]: bea.me.csrfToken,
          ...(WRITES.has(r.method) ? { 'content-type': 'application/json' } : {}),
        },
        body: WRITES.has(r.method) ? JSON.stringify(sample.body ?? {}) : undefined,
      });
      expect([key(r), res.status]).toEqual([key(r), 404]);
      const body = (await res.json()) as { error: { code: string; message: string } };
      expect([key(r), body.error.message.includes('Shop A')]).toEqual([key(r), false]);
    }
    expect(await fingerprint(t.databaseUrl)).toEqual(before);
  });

  it("refuses a helper every site route that changes something, except the few that are a helper's own, and changes nothing", async () => {
    const ben = await login(t.server.url, USERS.helperA2.email);
    // A helper's own steps on their site: dismissing the checklist, accepting the charter, posting a picture, asking for a referral code.
    const helpersOwn = [
      'POST /api/sites/:siteId/onboarding/dismiss',
      'POST /api/sites/:siteId/charter/accept',
      'POST /api/sites/:siteId/images',
      'POST /api/sites/:siteId/referral-codes',
      // Issue 17: their own pledged slots and their own choice about the "we miss you" note.
      'PUT /api/sites/:siteId/pledges',
      'PUT /api/sites/:siteId/reengagement/mine',
    ];
    const writes = table.filter((r) => r.auth === 'session' && r.url.startsWith('/api/sites/:siteId/') && WRITES.has(r.method));
    expect(writes.map(key)).toEqual(expect.arrayContaining(helpersOwn));
    const before = await fingerprint(t.databaseUrl);
    for (const r of writes.filter((x) => !helpersOwn.includes(key(x)))) {
      const sample = SAMPLES[key(r)] ?? {};
      const res = await fetch(`${t.server.url}${concrete(r.url)}`, {
        method: r.method,
        headers: { cookie: ben.cookie, origin: new URL(t.server.url).origin, [CSRF_HEADER]: ben.me.csrfToken, 'content-type': 'application/json' },
        body: JSON.stringify(sample.body ?? {}),
      });
      // Managers' and admins' actions: "forbidden" with the role it takes, or "not found" for a thing that is not there.
      expect([key(r), [403, 404].includes(res.status)]).toEqual([key(r), true]);
    }
    expect(await fingerprint(t.databaseUrl)).toEqual(before);
  });

  it('still serves a signed-in route with the session and its CSRF token', async () => {
    const res = await fetch(`${t.server.url}/api/profile`, {
      method: 'PATCH',
      headers: { cookie: admin.cookie, origin: new URL(t.server.url).origin, [CSRF_HEADER]: admin.me.csrfToken, 'content-type': 'application/json' },
      body: JSON.stringify({ bio: 'Runs the shop' }),
    });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { bio: string }).bio).toBe('Runs the shop');
  });
});
