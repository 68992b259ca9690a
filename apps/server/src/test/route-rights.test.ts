import { beforeAll, describe, expect, it } from 'vitest';
import { CSRF_HEADER } from '@tribu/protocol';
import { routeAccess } from '../plugins/auth.ts';
import { usePostgresServer } from './support/app.ts';
import { login } from './support/clients.ts';
import { fingerprint } from './support/fingerprint.ts';
import { USERS } from './support/fixtures.ts';
import { hasPostgres } from './support/services.ts';
import { buildRightsWorld, type RightsWorld } from './support/rights-world.ts';

type Person = keyof typeof USERS;

/** One refused call: who makes it, and the status they must get. */
interface Refusal {
  who: Person;
  status: 400 | 403 | 404;
  /** A body of its own (else the case's). */
  body?: (w: RightsWorld) => unknown;
  /** Address parameters of its own: another site's things through this site's address. */
  aim?: (w: RightsWorld) => Record<string, string>;
}

/**
 * The rights of one /api route. Signed out, every signed-in route answers 401 (http-auth.test.ts
 * proves it over the same table); here, each signed-in route says who else is refused:
 *  - `public`: no session at all, with the reason (the same list is reviewed in http-auth.test.ts);
 *  - `self`: acts only on the caller's own account, so there is nobody else's right to refuse;
 *  - `refused`: the people of the fixture who must be turned away, with a valid body so that
 *    validation can't answer in the rights check's place.
 */
type RouteCase =
  | { public: string }
  | { self: string }
  | { refused: Refusal[]; body?: (w: RightsWorld) => unknown; query?: string; raw?: { type: string; bytes: () => Buffer } };

const OUTSIDER: Refusal = { who: 'helperB1', status: 404 }; // a helper of shop-b
const HELPER: Refusal = { who: 'helperA2', status: 403 }; // a helper of shop-a, where a manager is needed
const MANAGER: Refusal = { who: 'moderatorA', status: 403 }; // a manager of shop-a, where an admin is needed
/** Shop-a's admin, who may do anything on shop-a, aiming at shop-b's things through shop-a's address. */
const crossSite = (aim: Refusal['aim'], body?: Refusal['body']): Refusal => ({ who: 'adminA', status: 404, aim, body });

type Extra = Omit<Extract<RouteCase, { refused: Refusal[] }>, 'refused'> & { also?: Refusal[] };
/** Any member of the site: an outsider gets "not found". */
const member = (o: Extra = {}): RouteCase => ({ ...o, refused: [OUTSIDER, ...(o.also ?? [])] });
/** Managers (moderators and admins): a helper gets 403. */
const manager = (o: Extra = {}): RouteCase => ({ ...o, refused: [OUTSIDER, HELPER, ...(o.also ?? [])] });
/** Admins only: a manager gets 403 too. */
const admin = (o: Extra = {}): RouteCase => ({ ...o, refused: [OUTSIDER, HELPER, MANAGER, ...(o.also ?? [])] });
/** The install's operator: everyone else, a site admin included, finds nothing there. */
const operator = (o: Extra = {}): RouteCase => ({
  ...o,
  refused: [
    { who: 'adminA', status: 404 },
    { who: 'helperB1', status: 404 },
  ],
});

const png = () => Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
const TODAY = new Date().toISOString().slice(0, 10);

/** Every /api route Fastify answers (OPTIONS preflights aside) must be here: a new route without its case fails the suite. */
const ROUTES: Record<string, RouteCase> = {
  // Signing in and out, the account's own settings.
  'POST /api/auth/login': { public: 'signing in' },
  'POST /api/auth/login/two-factor': { public: 'the second step of signing in (a pending-login token)' },
  'POST /api/auth/password/forgot': { public: 'a reset link by mail, same answer for any email' },
  'POST /api/auth/password/reset': { public: "the reset link's one-time token" },
  'GET /api/auth/me': { self: 'who am I' },
  'GET /api/auth/session': { public: 'who am I, or nobody: the caller’s own cookie only' },
  'POST /api/auth/logout': { self: 'ends the own session' },
  'GET /api/profile': { self: 'my profile' },
  'PATCH /api/profile': { self: 'my profile' },
  'GET /api/profile/monthly-report': { self: 'my choice about the monthly report mail' },
  'PUT /api/profile/monthly-report': { self: 'my choice about the monthly report mail' },
  'POST /api/profile/password': { self: 'my password (the current one is asked)' },
  'PUT /api/profile/photo': { self: 'my photo' },
  'DELETE /api/profile/photo': { self: 'my photo' },
  'GET /api/profile/export': { self: 'my data' },
  'GET /api/profile/two-factor': { self: 'my second factor' },
  'POST /api/profile/two-factor/setup': { self: 'my second factor' },
  'POST /api/profile/two-factor/confirm': { self: 'my second factor' },
  'POST /api/profile/two-factor/disable': { self: 'my second factor' },
  // Leaving a site one is not a member of must not tell it exists.
  'POST /api/profile/leave': member({ body: (w) => ({ siteId: w.siteId, confirm: true }) }),
  'GET /api/avatars/:userId': { public: 'helper photos on merchant pages' },

  // Public pages and the widget.
  'POST /api/invitations/preview': { public: "the invitation's token" },
  'POST /api/invitations/accept': { public: "the invitation's token" },
  'GET /api/join/:siteKey': { public: 'the "Become a helper" page' },
  'POST /api/join/:siteKey': { public: 'the "Become a helper" form' },
  'GET /api/widget/:siteKey': { public: 'the loader on merchant pages' },
  'POST /api/visitor/token': { public: "the widget: the site's allowed origins" },
  'POST /api/visitor/data': { public: "the widget: a visitor token and the site's allowed origins" },
  'POST /api/visitor/erase': { public: "the widget: a visitor token and the site's allowed origins" },
  'POST /api/visitor-email/confirm': { public: "the confirmation mail's one-time token" },
  'POST /api/widget/:siteKey/track': { public: "Tribu.track in the page: the site's allowed origins (a visitor token, when there is one)" },
  'POST /api/v1/conversions': { public: "the merchant's server: a site API key with the conversions scope (conversions.test.ts)" },
  'DELETE /api/v1/conversions/:orderId': { public: "the merchant's server: a site API key with the conversions scope (conversions.test.ts)" },
  'GET /api/v1/numbers': { public: "the merchant's read API: a site API key with the numbers:read scope (api-v1.test.ts)" },
  'GET /api/v1/conversations': { public: "the merchant's read API: a site API key with the numbers:read scope (api-v1.test.ts)" },
  'GET /api/v1/openapi.json': { public: "the API's public description (openapi.test.ts)" },
  'POST /api/monthly-report/unsubscribe': { public: "the monthly report mail's unsubscribe link: its HMAC token (monthly-report.test.ts)" },

  // The operator.
  'GET /api/operator/sites': operator(),
  'POST /api/operator/sites': operator({ body: () => ({ name: 'Shop Z', key: 'shop-z', allowedOrigins: [], adminEmail: 'z@example.com', adminName: 'Zed' }) }),
  'POST /api/operator/sites/:siteId/admins': operator({ body: () => ({ email: USERS.helperB1.email }) }),

  // Any member of the site.
  'GET /api/images/:id': member(),
  'POST /api/sites/:siteId/images': member({ raw: { type: 'image/png', bytes: png } }),
  'POST /api/reports': member({
    body: (w) => ({ kind: 'post', targetId: w.postId, reason: 'Spam' }),
    also: [{ who: 'helperA2', status: 404, body: (w) => ({ kind: 'post', targetId: w.b.postId, reason: 'Spam' }) }],
  }),
  'GET /api/sites/:siteId/onboarding': member(),
  'POST /api/sites/:siteId/onboarding/dismiss': member(),
  'GET /api/sites/:siteId/charter': member(),
  'POST /api/sites/:siteId/charter/accept': member(),
  'GET /api/sites/:siteId/observe': member(),
  // Observe shows ended chats only: Ada's chat in progress is missing to another helper; shop-b's chat,
  // through shop-a's address, is missing even to shop-a's admin.
  'GET /api/sites/:siteId/observe/:conversationId': member({
    also: [{ who: 'helperA2', status: 404 }, crossSite((w) => ({ conversationId: w.b.conversationId }))],
  }),
  'GET /api/sites/:siteId/mentees': member(),

  // Managers.
  'GET /api/sites/:siteId/team': manager(),
  'POST /api/sites/:siteId/team/:userId/suspend': manager({ body: () => ({ reason: 'Rude' }), also: [crossSite((w) => ({ userId: w.b.userId }))] }),
  'POST /api/sites/:siteId/team/:userId/reinstate': manager({ also: [crossSite((w) => ({ userId: w.b.userId }))] }),
  'POST /api/sites/:siteId/team/:userId/remove': manager({
    body: () => ({ confirm: true, reason: 'Rude' }),
    also: [crossSite((w) => ({ userId: w.b.userId }))],
  }),
  'GET /api/sites/:siteId/reports': manager(),
  'GET /api/sites/:siteId/reports/count': manager(),
  'POST /api/sites/:siteId/reports/:reportId/decide': manager({ body: () => ({ status: 'dismissed' }) }),
  'POST /api/sites/:siteId/reports/:reportId/feed': manager({ body: () => ({ action: 'delete', reason: 'Rude' }) }),
  'POST /api/sites/:siteId/conversations/:conversationId/end': manager({ also: [crossSite((w) => ({ conversationId: w.b.conversationId }))] }),
  'GET /api/sites/:siteId/bans': manager(),
  'POST /api/sites/:siteId/bans': manager({
    body: (w) => ({ conversationId: w.conversationId, duration: 'forever', reason: 'Spam', blockAddress: true }),
    also: [crossSite(undefined, (w) => ({ conversationId: w.b.conversationId, duration: 'forever', reason: 'Spam', blockAddress: true }))],
  }),
  'POST /api/sites/:siteId/bans/:banId/lift': manager(),
  'GET /api/sites/:siteId/blocked-words': manager(),
  'PUT /api/sites/:siteId/blocked-words': manager({ body: () => ({ words: ['jacket'] }) }),
  'GET /api/sites/:siteId/kpis': manager({ query: `from=${TODAY}&to=${TODAY}` }),
  'GET /api/sites/:siteId/kpis/:table': manager({ query: `from=${TODAY}&to=${TODAY}` }),
  'GET /api/sites/:siteId/ledger.csv': manager(),
  'GET /api/sites/:siteId/applications': manager(),
  'POST /api/sites/:siteId/applications/:id/shortlist': manager(),
  'POST /api/sites/:siteId/applications/:id/accept': manager(),
  'POST /api/sites/:siteId/applications/:id/reinvite': manager(),
  'POST /api/sites/:siteId/applications/:id/reject': manager({ body: () => ({ message: 'Not now' }) }),
  'GET /api/sites/:siteId/application-questions': manager(),
  'PUT /api/sites/:siteId/application-questions': manager({ body: () => ({ questions: ['Your size?'] }) }),
  // Managers invite helpers; only admins invite managers or admins.
  'POST /api/sites/:siteId/invitations': manager({
    body: () => ({ email: 'dan@example.com', name: 'Dan', role: 'helper' }),
    also: [{ who: 'moderatorA', status: 403, body: () => ({ email: 'eve@example.com', name: 'Eve', role: 'admin' }) }],
  }),
  'PUT /api/sites/:siteId/onboarding/settings': manager({ body: () => ({ observeChats: 9 }) }),
  'PUT /api/sites/:siteId/charter': manager({ body: () => ({ text: 'Be nice.', translations: { fr: { text: 'Sois sympa.' } } }) }),
  'GET /api/sites/:siteId/newcomers': manager(),
  'PUT /api/sites/:siteId/newcomers/:userId/mentor': manager({
    body: (w) => ({ mentorId: w.userId }),
    also: [
      crossSite((w) => ({ userId: w.b.userId })),
      // A mentor from another site is refused as any non-member is (the same words as for a made-up id).
      { ...crossSite(undefined, (w) => ({ mentorId: w.b.userId })), status: 400 },
    ],
  }),
  'GET /api/sites/:siteId/privacy/options': manager(),
  'GET /api/sites/:siteId/privacy/visitors': manager({ query: 'email=visitor@example.com' }),
  'POST /api/sites/:siteId/privacy/visitors/:visitorId/export': manager({ also: [crossSite((w) => ({ visitorId: w.b.visitorId }))] }),

  // Admins.
  'POST /api/sites/:siteId/privacy/visitors/:visitorId/erase': admin({
    body: () => ({ reason: 'Asked by mail' }),
    also: [crossSite((w) => ({ visitorId: w.b.visitorId }))],
  }),
  'GET /api/sites/:siteId/settings': admin(),
  'PATCH /api/sites/:siteId/settings': admin({ body: () => ({ name: 'Taken over' }) }),
  'GET /api/sites/:siteId/roles': admin(),
  'PATCH /api/sites/:siteId/roles/:userId': admin({ body: () => ({ role: 'admin' }), also: [crossSite((w) => ({ userId: w.b.userId }))] }),
  'GET /api/sites/:siteId/audit': admin(),
  'GET /api/sites/:siteId/audit.csv': admin(),
  'GET /api/sites/:siteId/api-keys': admin(),
  'POST /api/sites/:siteId/api-keys': admin({ body: () => ({ name: 'Shop server', scopes: ['conversions'] }) }),
  // Rights come before the key is looked up; another site's key through this address: conversions.test.ts.
  'DELETE /api/sites/:siteId/api-keys/:keyId': {
    refused: [OUTSIDER, HELPER, MANAGER].map((r) => ({ ...r, aim: () => ({ keyId: '00000000-0000-4000-8000-000000000000' }) })),
  },
  // Outgoing webhooks: admins only; rights come before the endpoint or delivery is looked up (another site's: webhooks.test.ts).
  'GET /api/sites/:siteId/webhooks': admin(),
  'POST /api/sites/:siteId/webhooks': admin({ body: () => ({ url: 'https://93.184.216.34/hook', events: ['conversation.started'] }) }),
  'PATCH /api/sites/:siteId/webhooks/:endpointId': {
    body: () => ({ description: 'Taken over' }),
    refused: [OUTSIDER, HELPER, MANAGER].map((r) => ({ ...r, aim: () => ({ endpointId: '00000000-0000-4000-8000-000000000000' }) })),
  },
  'DELETE /api/sites/:siteId/webhooks/:endpointId': {
    refused: [OUTSIDER, HELPER, MANAGER].map((r) => ({ ...r, aim: () => ({ endpointId: '00000000-0000-4000-8000-000000000000' }) })),
  },
  'POST /api/sites/:siteId/webhooks/:endpointId/rotate-secret': {
    refused: [OUTSIDER, HELPER, MANAGER].map((r) => ({ ...r, aim: () => ({ endpointId: '00000000-0000-4000-8000-000000000000' }) })),
  },
  'GET /api/sites/:siteId/webhooks/:endpointId/deliveries': {
    refused: [OUTSIDER, HELPER, MANAGER].map((r) => ({ ...r, aim: () => ({ endpointId: '00000000-0000-4000-8000-000000000000' }) })),
  },
  'POST /api/sites/:siteId/webhooks/deliveries/:deliveryId/resend': {
    refused: [OUTSIDER, HELPER, MANAGER].map((r) => ({ ...r, aim: () => ({ deliveryId: '00000000-0000-4000-8000-000000000000' }) })),
  },
  'GET /api/sites/:siteId/referral-codes/mine': member(),
  'GET /api/sites/:siteId/impact/mine': member(),
  // Events: the .ics for anyone who may see the event, the testers' feedback for managers.
  'GET /api/events/:eventId/event.ics': member(),
  'GET /api/events/:eventId/feedback.csv': manager(),
  // Notifications on this device: the caller's own sign-in and preferences only (push.test.ts).
  'GET /api/push/config': { self: 'my device and notification preferences' },
  'PUT /api/push/subscription': { self: 'this sign-in’s push subscription' },
  'DELETE /api/push/subscription': { self: 'this sign-in’s push subscription' },
  'PUT /api/push/prefs': { self: 'my quiet hours and waiting email' },
  'POST /api/push/test': { self: 'a test push to this sign-in’s device' },
  'GET /api/sites/:siteId/push-stats': manager({ query: `from=${TODAY}&to=${TODAY}` }),
  'POST /api/sites/:siteId/referral-codes': member({ body: () => ({ code: 'RIGHTS-1' }) }),
  'GET /api/sites/:siteId/referral-codes': manager(),
  // Rights come before the code is looked up; another site's code through this address: conversions.test.ts.
  'POST /api/sites/:siteId/referral-codes/:codeId/approve': {
    refused: [OUTSIDER, HELPER].map((r) => ({ ...r, aim: () => ({ codeId: '00000000-0000-4000-8000-000000000000' }) })),
  },
  'POST /api/sites/:siteId/referral-codes/:codeId/revoke': {
    refused: [OUTSIDER, HELPER].map((r) => ({ ...r, aim: () => ({ codeId: '00000000-0000-4000-8000-000000000000' }) })),
  },
  // Issue 17: coverage pledges, the "we miss you" note, the thank-you wall.
  'GET /api/sites/:siteId/pledges': member(),
  'PUT /api/sites/:siteId/pledges': member({ body: () => ({ slots: [{ weekday: 7, startHour: 18, endHour: 20 }] }) }),
  'GET /api/sites/:siteId/pledges/all': manager(),
  'GET /api/sites/:siteId/reengagement': manager({ query: `from=${TODAY}&to=${TODAY}` }),
  'PUT /api/sites/:siteId/reengagement': manager({ body: () => ({ enabled: true, inactiveDays: 30, template: 'Hello {name}' }) }),
  'GET /api/sites/:siteId/reengagement/mine': member(),
  'PUT /api/sites/:siteId/reengagement/mine': member({ body: () => ({ optedOut: true }) }),
  'GET /api/reengagement/unsubscribe': { public: "the note's unsubscribe link: an HMAC of the site and person (reengagement.test.ts)" },
  'POST /api/reengagement/unsubscribe': { public: 'one-click unsubscribe (RFC 8058) from the mail program: the same token' },
  // Another site's helper on this site's address; shop-a's admin asking for shop-b's helper through shop-a.
  'GET /api/sites/:siteId/thanks/:userId': member({ also: [crossSite((w) => ({ userId: w.b.userId }))] }),
  // Rights come before the card is looked up: only its own helper may hide it, anyone else finds nothing (thanks.test.ts).
  'POST /api/sites/:siteId/thanks/cards/:cardId/hide': {
    body: () => ({ hidden: true }),
    refused: ([OUTSIDER, { who: 'helperA2', status: 404 }] as Refusal[]).map((r) => ({
      ...r,
      aim: () => ({ cardId: '00000000-0000-4000-8000-000000000000' }),
    })),
  },
  'POST /api/sites/:siteId/thanks/cards/:cardId/remove': {
    body: () => ({ reason: 'Off topic' }),
    refused: [OUTSIDER, HELPER].map((r) => ({ ...r, aim: () => ({ cardId: '00000000-0000-4000-8000-000000000000' }) })),
  },
  // The digest (issue 17): managers; rights come before the digest is looked up (another site's digest: digest.test.ts).
  'GET /api/sites/:siteId/digests': manager(),
  'POST /api/sites/:siteId/digests': manager(),
  'GET /api/sites/:siteId/digests/:digestId': {
    refused: [OUTSIDER, HELPER].map((r) => ({ ...r, aim: () => ({ digestId: '00000000-0000-4000-8000-000000000000' }) })),
  },
  'PATCH /api/sites/:siteId/digests/:digestId': {
    body: () => ({ note: 'Hello' }),
    refused: [OUTSIDER, HELPER].map((r) => ({ ...r, aim: () => ({ digestId: '00000000-0000-4000-8000-000000000000' }) })),
  },
  'POST /api/sites/:siteId/digests/:digestId/test': {
    refused: [OUTSIDER, HELPER].map((r) => ({ ...r, aim: () => ({ digestId: '00000000-0000-4000-8000-000000000000' }) })),
  },
  'POST /api/sites/:siteId/digests/:digestId/send': {
    refused: [OUTSIDER, HELPER].map((r) => ({ ...r, aim: () => ({ digestId: '00000000-0000-4000-8000-000000000000' }) })),
  },
  'POST /api/digest/unsubscribe': { public: "the digest's one-click unsubscribe (RFC 8058): a signed token that only turns the digest off (digest.test.ts)" },
};

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
// Bookkeeping a read may write: the date an onboarding step was first seen done.
const IGNORED = { memberships: ['onboarding'] };

describe.skipIf(!hasPostgres)('every /api route refuses whoever its rights leave out, and the refusal changes nothing', () => {
  const t = usePostgresServer();
  let w: RightsWorld;
  const sessions = new Map<Person, Awaited<ReturnType<typeof login>>>();

  beforeAll(async () => {
    w = await buildRightsWorld(t.server.url);
    for (const who of Object.keys(USERS) as Person[]) sessions.set(who, await login(t.server.url, USERS[who].email));
  });

  const served = () =>
    routeAccess(t.server.app)
      .filter((r) => r.url.startsWith('/api/') && r.method !== 'HEAD' && r.method !== 'OPTIONS')
      .map((r) => ({ key: `${r.method} ${r.url}`, ...r }));

  /** The route's address with the world's real things in it (never made-up ids, which would be "not found" for anyone). */
  const concrete = (url: string, query?: string, aim: Record<string, string> = {}) => {
    const params: Record<string, string> = {
      siteId: w.siteId,
      conversationId: w.conversationId,
      reportId: w.reportId,
      banId: w.banId,
      visitorId: w.visitorId,
      userId: w.userId,
      eventId: w.eventId,
      table: 'helpers.csv',
      ...aim,
    };
    // `:id` is the application under /applications, the image under /images.
    const path = url.replace(/:([a-zA-Z]+)/g, (_, name: string) =>
      name === 'id' ? (url.startsWith('/api/images') ? w.imageId : w.applicationId) : params[name]!,
    );
    return query ? `${path}?${query}` : path;
  };

  it('has a rights case for every /api route, and none for a route that is gone', () => {
    const keys = served().map((r) => r.key);
    expect(
      keys.filter((k) => !(k in ROUTES)),
      'routes without a rights case',
    ).toEqual([]);
    expect(
      Object.keys(ROUTES).filter((k) => !keys.includes(k)),
      'cases for routes that no longer exist',
    ).toEqual([]);
    // A public case must be a route the auth hook really leaves open, and a signed-in one must not be.
    const open = served()
      .filter((r) => r.auth === 'public')
      .map((r) => r.key)
      .sort();
    expect(open).toEqual(
      Object.keys(ROUTES)
        .filter((k) => 'public' in ROUTES[k]!)
        .sort(),
    );
  });

  it('refuses each person its case names, with the status it names, and leaves every table as it was', async () => {
    const outcomes: string[] = [];
    for (const { key, method, url } of served()) {
      const c = ROUTES[key];
      if (!c || !('refused' in c)) continue;
      for (const refusal of c.refused) {
        const s = sessions.get(refusal.who)!;
        const who = `${refusal.who}${refusal.aim || refusal.body ? ' with its own aim' : ''}`;
        const body = (refusal.body ?? c.body)?.(w);
        const before = WRITES.has(method) ? await fingerprint(t.databaseUrl, IGNORED) : undefined;
        const res = await fetch(`${t.server.url}${concrete(url, c.query, refusal.aim?.(w))}`, {
          method,
          headers: {
            cookie: s.cookie,
            origin: new URL(t.server.url).origin,
            [CSRF_HEADER]: s.me.csrfToken,
            ...(c.raw ? { 'content-type': c.raw.type } : body !== undefined ? { 'content-type': 'application/json' } : {}),
          },
          body: c.raw ? c.raw.bytes() : body !== undefined ? JSON.stringify(body) : undefined,
        });
        const text = await res.text();
        outcomes.push(`${key} as ${who}: ${res.status}${res.status === refusal.status ? '' : ` (expected ${refusal.status}) ${text.slice(0, 120)}`}`);
        if (before) {
          const after = await fingerprint(t.databaseUrl, IGNORED);
          const changed = Object.keys(after).filter((table) => after[table] !== before[table]);
          if (changed.length) outcomes.push(`${key} as ${who} CHANGED ${changed.join(', ')}`);
        }
      }
    }
    const wrong = outcomes.filter((o) => o.includes('expected') || o.includes('CHANGED'));
    expect(wrong).toEqual([]);
    // A floor, so a table that lost its cases cannot pass by checking nothing.
    expect(outcomes.length).toBe(Object.values(ROUTES).reduce((n, c) => n + ('refused' in c ? c.refused.length : 0), 0));
  });
});
