import { randomBytes, randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { io, type Socket } from 'socket.io-client';
import { beforeAll, describe, expect, it } from 'vitest';
import { CSRF_HEADER, ErrorCode, PROTOCOL_VERSION, SESSION_COOKIE, type ApiKeyCreated } from '@tribu/protocol';
import { makeVisitorToken, VISITOR_TOKEN_MAX_AGE_MS } from '../lib/visitor-token.ts';
import { usePostgresServer } from './support/app.ts';
import { login, mintVisitor, send } from './support/clients.ts';
import { ORIGIN_A, USERS } from './support/fixtures.ts';
import { routeTable } from './support/routes.ts';
import { hasPostgres } from './support/services.ts';

/**
 * Generated handshakes and query strings meet the real server: each ends in a connection (only
 * with genuine credentials) or a refusal from the closed error set — never `internal`, never a
 * 5xx, never a polluted prototype — and the server keeps serving a known-good client after each.
 */
const CODES = new Set<string>(Object.values(ErrorCode));
const SECRET = randomBytes(32).toString('hex');
const PROTO = () => JSON.parse('{"__proto__":{"polluted":1,"role":"admin"},"constructor":{"prototype":{"polluted":1}}}') as object;
/** Query keys engine.io reads itself: changing them is a transport error, not ours to answer. */
const ENGINE_KEYS = new Set(['EIO', 'transport', 'sid', 't', 'j', 'b64']);

const wrong = fc.oneof(
  fc.constant(null),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.string({ maxLength: 30 }),
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.constantFrom('', '\u0000', '\uD800', '💥'.repeat(200), "'; DROP TABLE visitors; --", '../../etc/passwd'),
  fc.integer({ min: 201, max: 8000 }).map((n) => 'x'.repeat(n)),
  fc.array(fc.string({ maxLength: 5 }), { maxLength: 3 }),
  fc.constant({ nested: { deeper: [1, { a: 'b' }] } }),
  fc.constant(PROTO()),
  fc.anything({ maxDepth: 2 }),
);

const queryString = fc.dictionary(
  fc
    .oneof(
      fc.string({ minLength: 1, maxLength: 20 }),
      fc.constantFrom('__proto__', 'constructor', 'siteKey', 'token', 'visitorId', 'protocolVersion', 'a[b]', '__proto__[polluted]'),
    )
    .filter((k) => !ENGINE_KEYS.has(k)),
  fc.oneof(fc.string({ maxLength: 40 }), fc.constantFrom('1', '-1', '%00', '%ZZ', 'x'.repeat(3000), '{"a":1}')),
  { maxKeys: 5 },
);

function expectNoPollution(): void {
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(({} as Record<string, unknown>).role).toBeUndefined();
}

/**
 * How a handshake ended: connected, refused with a code, or closed by the server before any answer
 * (socket.io closes a connection whose CONNECT packet carries a non-object `auth`: a parse error).
 */
function outcome(socket: Socket): Promise<{ connected: true } | { connected: false; message: string; code?: string }> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('handshake neither connected nor refused within 5 s')), 5000);
    socket.once('connect', () => {
      clearTimeout(timer);
      resolve({ connected: true });
    });
    socket.once('connect_error', (err: Error & { data?: { code?: string } }) => {
      clearTimeout(timer);
      resolve({ connected: false, message: err.message, code: err.data?.code });
    });
    socket.once('disconnect', (reason) => {
      clearTimeout(timer);
      resolve({ connected: false, message: CLOSED, code: String(reason) });
    });
  });
}

const CLOSED = 'connection closed by the server';
/** A refusal: a closed error code (never `internal`), or the connection closed on a malformed CONNECT. */
function expectRefusal(result: { message: string; code?: string }, label: string): void {
  if (result.message === CLOSED) {
    expect(result.code, label).toMatch(/^(transport close|io server disconnect|parse error)$/);
    return;
  }
  expect(CODES.has(result.message), `${label}: refused with ${result.message}`).toBe(true);
  expect(result.message, label).not.toBe(ErrorCode.internal);
  expect(result.code, label).toBe(result.message);
}

/** Whether a string has no lone surrogate (encodeURIComponent throws on one). */
const wellFormed = (v: string) => !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(v);

let address = 0;
/** Each handshake from its own address (behind the trusted proxy), so the connection budget never hides a path. */
const nextAddress = () => `10.0.0.1, 203.0.${(address >> 8) & 255}.${address++ & 255}`;

describe.skipIf(!hasPostgres)('hostile handshakes and query strings', () => {
  const t = usePostgresServer({ env: () => ({ SECRET, TRUST_PROXY: 'true' }) });
  let identity: { visitorId: string; token: string };
  let cookie: string;
  let siteA: string;
  let siteB: string;
  /** A live API key of site A, for the merchant's `/api/v1` routes (they take a key, not a session). */
  let apiKey: string;

  beforeAll(async () => {
    identity = await mintVisitor(t.server.url, 'shop-a', ORIGIN_A);
    const admin = await login(t.server.url, USERS.adminA.email);
    cookie = admin.cookie;
    ({ siteA, siteB } = t.server.sites);
    const res = await fetch(`${t.server.url}/api/sites/${siteA}/api-keys`, {
      method: 'POST',
      headers: { cookie, origin: new URL(t.server.url).origin, [CSRF_HEADER]: admin.me.csrfToken, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Fuzz', scopes: ['conversions', 'numbers:read'] }),
    });
    expect(res.status).toBe(201);
    apiKey = ((await res.json()) as ApiKeyCreated).key;
  });

  /** Who asks: the admin's session, or site A's key on `/api/v1`. */
  const credentials = (path: string): Record<string, string> => (path.startsWith('/api/v1/') ? { authorization: `Bearer ${apiKey}` } : { cookie });

  const open = (ns: 'visitor' | 'helper', auth: unknown, headers: Record<string, string>, query: Record<string, string> = {}) => {
    const s = io(`${t.server.url}/${ns}`, {
      transports: ['websocket'],
      extraHeaders: { 'x-forwarded-for': nextAddress(), ...headers },
      auth: auth as Record<string, unknown>,
      query,
      reconnection: false,
      forceNew: true,
    });
    return s;
  };

  /** A refusal must be a closed code; a connection must be deserved. */
  async function judge(socket: Socket, deserved: boolean, label: string) {
    const result = await outcome(socket);
    socket.disconnect();
    if (result.connected) {
      expect(deserved, `${label}: connected without genuine credentials`).toBe(true);
      return;
    }
    expectRefusal(result, label);
    expect(deserved && result.message !== ErrorCode.rateLimited, `${label}: refused a genuine handshake with ${result.message}`).toBe(false);
  }

  async function stillServes() {
    const s = open('visitor', { protocolVersion: PROTOCOL_VERSION, siteKey: 'shop-a', ...identity }, { origin: ORIGIN_A });
    expect((await outcome(s)).connected).toBe(true);
    expect((await send(s, 'conversation:fetch', {})).ok).toBe(true);
    s.disconnect();
    expectNoPollution();
  }

  // The generated cases rarely get every field right but one; these do, every run.
  it('refuses a visitor handshake that is genuine in everything but one field', async () => {
    const now = Date.now();
    const genuine = () => ({ protocolVersion: PROTOCOL_VERSION, siteKey: 'shop-a', ...identity });
    const cases: [string, Record<string, unknown>, string][] = [
      ['token with a suffix', { ...genuine(), token: `${identity.token}.extra` }, ORIGIN_A],
      ['token with a trailing dot', { ...genuine(), token: `${identity.token}.` }, ORIGIN_A],
      ['MAC moved to another date', { ...genuine(), token: `${now}.${identity.token.split('.')[1]}` }, ORIGIN_A],
      ['expired token', { ...genuine(), token: makeVisitorToken(SECRET, siteA, identity.visitorId, now - VISITOR_TOKEN_MAX_AGE_MS - 60_000) }, ORIGIN_A],
      ['token from the future', { ...genuine(), token: makeVisitorToken(SECRET, siteA, identity.visitorId, now + 3_600_000) }, ORIGIN_A],
      ["another site's token", { ...genuine(), token: makeVisitorToken(SECRET, siteB, identity.visitorId, now) }, ORIGIN_A],
      ['another visitor id', { ...genuine(), visitorId: randomUUID() }, ORIGIN_A],
      ['site key in capitals', { ...genuine(), siteKey: 'SHOP-A' }, ORIGIN_A],
      ['site key with a space', { ...genuine(), siteKey: 'shop-a ' }, ORIGIN_A],
      ['version as a string', { ...genuine(), protocolVersion: `${PROTOCOL_VERSION}` }, ORIGIN_A],
      ['next version', { ...genuine(), protocolVersion: PROTOCOL_VERSION + 1 }, ORIGIN_A],
      ['foreign origin', genuine(), 'https://evil.example'],
      ['null origin', genuine(), 'null'],
    ];
    for (const [label, auth, origin] of cases) await judge(open('visitor', auth, { origin }), false, label);
    await judge(open('visitor', genuine(), { origin: ORIGIN_A }), true, 'genuine');
  });

  it('answers any visitor handshake — wrong types, huge strings, nesting, __proto__, forged, expired, future and other-site tokens, wrong versions — with a connection only when genuine', async () => {
    const now = Date.now();
    const visitorId = fc.oneof(fc.constant(identity.visitorId), fc.uuid(), wrong);
    const token = fc.oneof(
      fc.constant(identity.token),
      fc.constant(makeVisitorToken(SECRET, siteA, identity.visitorId, now - VISITOR_TOKEN_MAX_AGE_MS - 60_000)), // expired
      fc.constant(makeVisitorToken(SECRET, siteA, identity.visitorId, now + 3_600_000)), // from the future
      fc.constant(makeVisitorToken(SECRET, siteB, identity.visitorId, now)), // another site's
      fc.constant(makeVisitorToken(randomBytes(32).toString('hex'), siteA, identity.visitorId, now)), // another secret
      fc.constant(`${now}.${identity.token.split('.')[1]}`), // a genuine MAC on another date
      fc.constant(`${identity.token}.extra`),
      wrong,
    );
    const auth = fc.oneof(
      fc.record(
        {
          protocolVersion: fc.oneof(fc.constant(PROTOCOL_VERSION), fc.constantFrom(0, PROTOCOL_VERSION + 1, -1, `${PROTOCOL_VERSION}`, 1.5), wrong),
          siteKey: fc.oneof(fc.constant('shop-a'), fc.constantFrom('shop-b', 'SHOP-A', 'shop-a ', 'nope'), wrong),
          visitorId,
          token,
        },
        { requiredKeys: [] },
      ),
      fc.constant({ ...PROTO(), protocolVersion: PROTOCOL_VERSION, siteKey: 'shop-a', ...identity }),
      wrong,
    );
    const origin = fc.constantFrom(ORIGIN_A, ORIGIN_A, 'https://evil.example', 'null');
    await fc.assert(
      fc.asyncProperty(auth, origin, queryString, async (a, o, q) => {
        const wire = JSON.parse(JSON.stringify([a]))[0] as Record<string, unknown> | null;
        const genuine =
          o === ORIGIN_A &&
          typeof wire === 'object' &&
          wire !== null &&
          !Array.isArray(wire) &&
          wire.protocolVersion === PROTOCOL_VERSION &&
          wire.siteKey === 'shop-a' &&
          wire.visitorId === identity.visitorId &&
          wire.token === identity.token;
        await judge(open('visitor', a, { origin: o }, q), genuine, JSON.stringify(wire)?.slice(0, 200) ?? 'undefined');
        expectNoPollution();
      }),
      { numRuns: 120 },
    );
    await stillServes();
  }, 120_000);

  it('answers any backoffice handshake — hostile auth objects, forged, huge or foreign cookies — with a connection only for a real session from our origin', async () => {
    const cookieHeader = fc.oneof(
      fc.constant(cookie),
      fc.constant(`${SESSION_COOKIE}=${randomBytes(32).toString('base64url')}`), // forged
      fc.constant(`${SESSION_COOKIE}=${'A'.repeat(5000)}`),
      fc.constant(`${SESSION_COOKIE}=; ${cookie}`),
      fc.constant(`${cookie}; ${SESSION_COOKIE}=other`),
      fc.constant(`${SESSION_COOKIE}=%E0%A4%A`), // broken percent-encoding
      fc.string({ maxLength: 60 }).map((s) => `${SESSION_COOKIE}=${encodeURIComponent(s)}`),
      fc.constant(''),
    );
    const auth = fc.oneof(
      fc.record({ protocolVersion: fc.oneof(fc.constant(PROTOCOL_VERSION), wrong), extra: wrong }, { requiredKeys: [] }),
      fc.constant({ ...PROTO(), protocolVersion: PROTOCOL_VERSION }),
      wrong,
    );
    const origin = fc.constantFrom(t.server.url, t.server.url, ORIGIN_A, 'null');
    await fc.assert(
      fc.asyncProperty(auth, cookieHeader, origin, queryString, async (a, c, o, q) => {
        const wire = JSON.parse(JSON.stringify([a]))[0] as Record<string, unknown> | null;
        const versionOk = typeof wire === 'object' && wire !== null && !Array.isArray(wire) && wire.protocolVersion === PROTOCOL_VERSION;
        // A real session cookie first in the header is what a browser sends; anything else is not a session.
        const genuine = versionOk && o === t.server.url && (c === cookie || c === `${cookie}; ${SESSION_COOKIE}=other`);
        const headers: Record<string, string> = { origin: o, ...(c ? { cookie: c } : {}) };
        const s = open('helper', a, headers, q);
        const result = await outcome(s);
        s.disconnect();
        if (result.connected) {
          expect(versionOk && o === t.server.url, `connected with ${c.slice(0, 80)} from ${o}`).toBe(true);
        } else {
          expectRefusal(result, `${c.slice(0, 80)} from ${o}`);
          if (genuine) expect(result.message).toBe(ErrorCode.rateLimited);
        }
        expectNoPollution();
      }),
      { numRuns: 100 },
    );
    await stillServes();
  }, 120_000);

  it('answers arbitrary query strings on every GET route with a result or a closed 4xx refusal, never a 5xx; a NUL in any of them is bad_request', async () => {
    const gets = routeTable(t.server.app.printRoutes({ commonPrefix: false })).filter((r) => r.method === 'GET' && r.path.startsWith('/api/'));
    expect(gets.length).toBeGreaterThan(20);
    const concrete = (path: string) =>
      path
        .replace(':siteId', siteA)
        .replace(':siteKey', 'shop-a')
        .replace(':table', 'helpers')
        .replace(/:[a-zA-Z]+/g, () => randomUUID());
    const KEYS = [
      'from',
      'to',
      'period',
      'before',
      'after',
      'limit',
      'cursor',
      'offset',
      'page',
      'action',
      'actor',
      'kind',
      'q',
      'email',
      'status',
      'scope',
      'format',
      'month',
      'week',
      'tz',
      'conversationId',
      'userId',
      'siteId',
      'v',
    ];
    const value = fc.oneof(
      fc.string({ maxLength: 40 }),
      fc.constantFrom(
        '',
        '0',
        '-1',
        '1e309',
        'NaN',
        'Infinity',
        '9999999999999999999999',
        '2026-02-30',
        '2026-13-01',
        '1970-01-01',
        '9999-12-31T23:59:59Z',
        '0000-00-00',
        'all',
        'week',
        'month',
        'x'.repeat(5000),
      ),
      fc.uuid(),
      fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
      fc.constantFrom('%00', '%ZZ', '%E0%A4%A', '%uD800', '\u0000', '\uD800'),
    );
    const query = fc.array(
      fc.tuple(
        fc.oneof(
          fc.constantFrom(...KEYS),
          fc.constantFrom('__proto__', 'constructor', '__proto__[polluted]', 'a[b][c]'),
          fc.string({ minLength: 1, maxLength: 10 }),
        ),
        value,
      ),
      { maxLength: 6 },
    );
    // Deterministic first: a NUL in any known key, on every GET route, is a clear 400 (the fuzzer found `/audit?action=%00`
    // answering 500 once: Postgres cannot compare with a NUL). Encoded surrogate halves decode to U+FFFD, which is storable.
    const refusals = new Set<string>();
    for (const route of gets) {
      for (const key of KEYS) {
        for (const bad of ['%00', 'a%00b']) {
          const res = await fetch(`${t.server.url}${concrete(route.path)}?${key}=${bad}`, {
            headers: { ...credentials(route.path), 'x-forwarded-for': nextAddress() },
          });
          const text = await res.text();
          const code = res.headers.get('content-type')?.includes('json') ? (JSON.parse(text) as { error?: { code: string } }).error?.code : undefined;
          refusals.add(code === 'bad_request' && res.status === 400 ? '400 bad_request' : `${res.status} ${code ?? text.slice(0, 40)} ${route.path}?${key}`);
        }
      }
    }
    expect([...refusals]).toEqual(['400 bad_request']);
    const encode = (pairs: [string, string][]) =>
      pairs.map(([k, v]) => `${encodeURIComponent(k)}=${/^%/.test(v) ? v : wellFormed(v) ? encodeURIComponent(v) : '%ED%A0%80'}`).join('&');
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...gets), query, async (route, pairs) => {
        const url = `${t.server.url}${concrete(route.path)}?${encode(pairs)}`;
        const res = await fetch(url, { headers: { ...credentials(route.path), 'x-forwarded-for': nextAddress() } });
        const body = Buffer.from(await res.arrayBuffer()).toString();
        expect(res.status, `${url.slice(0, 300)} → ${body.slice(0, 200)}`).toBeLessThan(500);
        if (res.status >= 400) {
          const json = JSON.parse(body) as { error: { code: string; message: string } };
          expect(CODES.has(json.error.code)).toBe(true);
          expect(json.error.code).not.toBe(ErrorCode.internal);
          expect(json.error.message).not.toMatch(/\n\s+at /);
        }
        expectNoPollution();
      }),
      { numRuns: 400 },
    );
    expect((await fetch(`${t.server.url}/healthz`)).status).toBe(200);
  }, 120_000);
});
