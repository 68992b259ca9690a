import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CSRF_HEADER, ErrorCode, SESSION_COOKIE, type InvitationSent } from '@tribu/protocol';
import { createTestDatabase } from './support/database.ts';
import { usePostgresServer, startTestServer, type TestServer } from './support/app.ts';
import { connectHelper, login, next, ok } from './support/clients.ts';
import { PASSWORD, USERS } from './support/fixtures.ts';
import { hasPostgres } from './support/services.ts';
import { CROSS_SITE_ROUTES } from '../plugins/cross-site.ts';
import { routeTable } from './support/routes.ts';
import { fingerprint } from './support/fingerprint.ts';

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

describe.skipIf(!hasPostgres)('cross-site requests to the backoffice', () => {
  const t = usePostgresServer();
  let routes: { method: string; path: string }[];
  let admin: Awaited<ReturnType<typeof login>>;

  beforeAll(async () => {
    routes = routeTable(t.server.app.printRoutes({ commonPrefix: false })).filter((r) => WRITES.has(r.method) && !CROSS_SITE_ROUTES.has(r.path));
    admin = await login(t.server.url, USERS.adminA.email);
  });

  const concrete = (path: string) =>
    path
      .replace(':siteId', t.server.sites.siteA)
      .replace(':siteKey', 'shop-a')
      .replace(':userId', admin.me.user.id)
      .replace(/:[a-zA-Z]+/g, () => randomUUID());

  it('finds every state-changing route in the route table', () => {
    // A floor, so a broken parser cannot make the attacks below vacuous.
    expect(routes.length).toBeGreaterThan(30);
    expect(routes).toContainEqual({ method: 'POST', path: '/api/profile/password' });
    expect(routes).toContainEqual({ method: 'PATCH', path: '/api/sites/:siteId/settings' });
    expect(routes).toContainEqual({ method: 'DELETE', path: '/api/profile/photo' });
  });

  it('refuses every state-changing route from another site, even with the session cookie and the right CSRF token, and changes nothing', async () => {
    const before = await fingerprint(t.databaseUrl);
    for (const { method, path } of routes) {
      for (const hostile of [{ origin: 'https://evil.example' }, { origin: 'null' }, { 'sec-fetch-site': 'cross-site' }] as Record<string, string>[]) {
        const res = await fetch(`${t.server.url}${concrete(path)}`, {
          method,
          headers: { ...hostile, cookie: admin.cookie, [CSRF_HEADER]: admin.me.csrfToken, 'content-type': 'application/json' },
          body: '{}',
        });
        expect([res.status, method, path, hostile]).toEqual([403, method, path, hostile]);
        expect(await res.json()).toMatchObject({ error: { code: ErrorCode.forbidden } });
      }
    }
    expect(await fingerprint(t.databaseUrl)).toEqual(before);
  });

  it('changes nothing through any GET route, which a cross-site link may open with the (SameSite=Lax) cookie', async () => {
    const gets = routeTable(t.server.app.printRoutes({ commonPrefix: false })).filter((r) => r.method === 'GET' && r.path.startsWith('/api/'));
    expect(gets.length).toBeGreaterThan(20);
    // Opening the onboarding checklist stamps when each step was first seen done: derived from facts already true, nothing an attacker chooses.
    const bookkeeping = { memberships: ['onboarding'] };
    const before = await fingerprint(t.databaseUrl, bookkeeping);
    for (const { path } of gets) {
      const res = await fetch(`${t.server.url}${concrete(path)}`, {
        headers: { cookie: admin.cookie, 'sec-fetch-site': 'cross-site', 'sec-fetch-mode': 'navigate' },
      });
      expect([res.status < 500, path]).toEqual([true, path]);
      await res.arrayBuffer();
    }
    expect(await fingerprint(t.databaseUrl, bookkeeping)).toEqual(before);
  });

  it('refuses every state-changing route posted as a form or as plain text without the CSRF header, and changes nothing', async () => {
    const before = await fingerprint(t.databaseUrl);
    for (const { method, path } of routes) {
      for (const [type, body] of [
        ['application/x-www-form-urlencoded', 'displayName=pwned&role=admin&password=x&current=x&next=xxxxxxxxxxxxxxx'],
        ['text/plain', '{"displayName":"pwned"}'],
        ['multipart/form-data; boundary=x', '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\nb\r\n--x--\r\n'],
      ] as const) {
        const res = await fetch(`${t.server.url}${concrete(path)}`, { method, headers: { cookie: admin.cookie, 'content-type': type }, body });
        expect([res.status >= 400 && res.status < 500, method, path, type]).toEqual([true, method, path, type]);
        const json = (await res.json()) as { error: { code: string } };
        expect(json.error.code).not.toBe(ErrorCode.internal);
      }
    }
    expect(await fingerprint(t.databaseUrl)).toEqual(before);
    // The session is still good: the attacks neither used nor ended it.
    expect((await fetch(`${t.server.url}/api/auth/me`, { headers: { cookie: admin.cookie } })).status).toBe(200);
  });
});

describe.skipIf(!hasPostgres)('session cookies', () => {
  /** Behind a TLS-terminating proxy: Tribu itself speaks HTTP, its public address is https. */
  const HOST = 'tribu.example';
  const ORIGIN = `https://${HOST}`;
  let server: TestServer;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    const db = await createTestDatabase();
    drop = db.drop;
    server = await startTestServer({ databaseUrl: db.url, env: { PUBLIC_URL: ORIGIN, TRUST_PROXY: 'true' } });
  });
  afterAll(async () => {
    await server?.close();
    await drop?.();
  });

  const call = (method: 'GET' | 'POST', url: string, payload?: object, extra: Record<string, string> = {}) =>
    server.app.inject({
      method,
      url,
      headers: { host: HOST, origin: ORIGIN, 'x-forwarded-proto': 'https', 'x-forwarded-for': '203.0.113.9', ...extra },
      ...(payload ? { payload } : {}),
    });
  const sessionCookie = (res: { headers: Record<string, unknown> }) => {
    const all = ([] as string[]).concat((res.headers['set-cookie'] as string | string[] | undefined) ?? []);
    return all.find((c) => c.startsWith(`${SESSION_COOKIE}=`));
  };
  const expectSafe = (cookie: string | undefined) => {
    expect(cookie).toBeDefined();
    expect(cookie).toMatch(/;\s*HttpOnly/i);
    expect(cookie).toMatch(/;\s*Secure/i);
    expect(cookie).toMatch(/;\s*SameSite=(Lax|Strict)/i);
    expect(cookie).toMatch(/;\s*Path=\//);
  };

  it('sets an httpOnly, Secure, SameSite session cookie on sign-in and on logout clears it the same way', async () => {
    const res = await call('POST', '/api/auth/login', { email: USERS.helperA1.email, password: PASSWORD });
    expect(res.statusCode).toBe(200);
    const cookie = sessionCookie(res);
    expectSafe(cookie);
    const value = cookie!.split(';')[0]!;
    const me = res.json<{ csrfToken: string }>();
    const out = await call('POST', '/api/auth/logout', undefined, { cookie: value, [CSRF_HEADER]: me.csrfToken });
    expect(out.statusCode).toBe(204);
    const cleared = sessionCookie(out);
    expectSafe(cleared);
    expect(cleared).toMatch(/Max-Age=0/);
  });

  it('sets the same kind of cookie when an invitation is accepted', async () => {
    const signedIn = await call('POST', '/api/auth/login', { email: USERS.adminA.email, password: PASSWORD });
    const cookie = sessionCookie(signedIn)!.split(';')[0]!;
    const csrf = signedIn.json<{ csrfToken: string }>().csrfToken;
    const sent = await call(
      'POST',
      `/api/sites/${server.sites.siteA}/invitations`,
      { email: 'newbie@test.tribu', name: 'Newbie', role: 'helper' },
      { cookie, [CSRF_HEADER]: csrf },
    );
    expect(sent.statusCode).toBe(200);
    const token = sent.json<InvitationSent>().link.split('/backoffice/invite/')[1]!;
    expect(sent.json<InvitationSent>().link.startsWith(`${ORIGIN}/backoffice/invite/`)).toBe(true);
    const accepted = await call('POST', '/api/invitations/accept', { token, password: 'a long enough secret', acceptCharter: true });
    expect(accepted.statusCode).toBe(200);
    expectSafe(sessionCookie(accepted));
  });

  it('keeps the current session on a password change and issues no weaker cookie', async () => {
    const signedIn = await call('POST', '/api/auth/login', { email: USERS.helperA2.email, password: PASSWORD });
    const cookie = sessionCookie(signedIn)!.split(';')[0]!;
    const csrf = signedIn.json<{ csrfToken: string }>().csrfToken;
    const changed = await call('POST', '/api/profile/password', { current: PASSWORD, next: 'another long passphrase' }, { cookie, [CSRF_HEADER]: csrf });
    expect(changed.statusCode).toBe(204);
    const reissued = sessionCookie(changed);
    if (reissued) expectSafe(reissued);
    expect((await call('GET', '/api/auth/me', undefined, { cookie })).statusCode).toBe(200);
  });

  it('refuses a sign-in posted from another site before checking the password', async () => {
    const res = await call('POST', '/api/auth/login', { email: USERS.helperB1.email, password: PASSWORD }, { origin: 'https://evil.example' });
    expect(res.statusCode).toBe(403);
    expect(sessionCookie(res)).toBeUndefined();
  });
});

describe.skipIf(!hasPostgres)('a dropped tab comes back only through the handshake (no connection-state recovery)', () => {
  const t = usePostgresServer();

  it('reconnects a dropped tab whose session is valid as a new connection, back in its rooms: it hears the board again', async () => {
    const tab = await connectHelper(t.server.url, USERS.helperA1.email);
    const peer = await connectHelper(t.server.url, USERS.helperA2.email);
    // The tab has heard a broadcast, so a server keeping sessions would have one to resume from.
    const heard = next(tab.socket, 'presence:changed');
    await ok(peer.socket, 'presence:set', { status: 'away' });
    await heard;
    const gone = new Promise((resolve) => tab.socket.once('disconnect', resolve));
    tab.socket.io.engine.close();
    await gone;
    const back = new Promise<void>((resolve, reject) => {
      tab.socket.once('connect', () => resolve());
      tab.socket.once('connect_error', reject);
    });
    tab.socket.connect();
    await back;
    expect(tab.socket.recovered === true).toBe(false);
    // Its site's room was joined again by the handshake: a peer's change reaches it.
    const again = next(tab.socket, 'presence:changed');
    await ok(peer.socket, 'presence:set', { status: 'available' });
    expect(await again).toEqual({ siteId: t.server.sites.siteA });
  });

  it('refuses a tab whose connection dropped, once its session was ended by a password change elsewhere, when it reconnects', async () => {
    const dropped = await connectHelper(t.server.url, USERS.helperB1.email);
    const mine = await connectHelper(t.server.url, USERS.helperB1.email);
    // The tab holds a broadcast's offset, so it really asks to resume (not a plain new connection).
    const heard = next(dropped.socket, 'presence:changed');
    await ok(mine.socket, 'presence:set', { status: 'away' });
    await heard;
    // The tab's network drops (not a sign-out): the server keeps its state for a quick resume.
    const gone = new Promise((resolve) => dropped.socket.once('disconnect', resolve));
    dropped.socket.io.engine.close();
    await gone;
    const res = await fetch(`${t.server.url}/api/profile/password`, {
      method: 'POST',
      headers: { cookie: mine.cookie, origin: t.server.url, [CSRF_HEADER]: mine.me.csrfToken, 'content-type': 'application/json' },
      body: JSON.stringify({ current: PASSWORD, next: 'a brand new passphrase' }),
    });
    expect(res.status).toBe(204);
    const back = new Promise<{ ok: boolean; message?: string }>((resolve) => {
      dropped.socket.once('connect', () => resolve({ ok: true }));
      dropped.socket.once('connect_error', (err) => resolve({ ok: false, message: err.message }));
    });
    dropped.socket.connect();
    expect(await back).toEqual({ ok: false, message: 'unauthorized' });
    expect(mine.socket.connected).toBe(true);
  });
});
