import { io } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION } from '@tribu/protocol';
import { startTestServer, usePostgresServer, type TestServer } from './support/app.ts';
import { createTestDatabase } from './support/database.ts';
import { connected, login, mintVisitor, refusal } from './support/clients.ts';
import { ORIGIN_A, ORIGIN_B, PASSWORD, USERS } from './support/fixtures.ts';
import { hasPostgres } from './support/services.ts';

/**
 * Look-alike origins meet the real handshakes and the real token route. The site allows exactly
 * `https://shop-a.example`; every variant an attacker can put in an Origin header is refused with
 * the closed `origin_not_allowed` error, and only the site's own origin (in any letter case, which
 * URL parsing treats as the same origin) gets a connection or a token.
 */
const LOOK_ALIKES: [string, string | undefined][] = [
  ['a subdomain of an attacker', 'https://shop-a.example.evil.com'],
  ['an opaque origin (sandboxed iframe, file:)', 'null'],
  ['user info before an attacker host', 'https://shop-a.example@evil.com'],
  ['the real origin as a path of an attacker', 'https://evil.com/https://shop-a.example'],
  ['a scheme downgrade', 'http://shop-a.example'],
  ['another port', 'https://shop-a.example:8443'],
  ['a trailing slash', 'https://shop-a.example/'],
  ['a javascript: URL', 'javascript:alert(1)'],
  ['no Origin at all', undefined],
];
const SAME: [string, string][] = [
  ['the exact origin', ORIGIN_A],
  ['the origin in capitals', ORIGIN_A.toUpperCase()],
];

describe.skipIf(!hasPostgres)('look-alike origins', () => {
  const t = usePostgresServer();
  let identity: { visitorId: string; token: string };
  beforeAll(async () => {
    identity = await mintVisitor(t.server.url, 'shop-a', ORIGIN_A);
  });

  const visitorSocket = (origin: string | undefined, auth: object = identity, siteKey = 'shop-a') =>
    io(`${t.server.url}/visitor`, {
      transports: ['websocket'],
      extraHeaders: origin === undefined ? {} : { origin },
      auth: { protocolVersion: PROTOCOL_VERSION, siteKey, ...auth },
      reconnection: false,
      forceNew: true,
    });
  const mint = (origin: string | undefined, siteKey = 'shop-a') =>
    fetch(`${t.server.url}/api/visitor/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(origin === undefined ? {} : { origin }) },
      body: JSON.stringify({ siteKey }),
    });

  describe('the visitor handshake', () => {
    it.each(LOOK_ALIKES)('refuses %s (%s) with origin_not_allowed', async (_name, origin) => {
      const err = await refusal(visitorSocket(origin));
      expect(err.message).toBe('origin_not_allowed');
      expect(err.data).toMatchObject({ code: 'origin_not_allowed', message: expect.any(String) });
    });

    it.each(SAME)('connects %s (%s)', async (_name, origin) => {
      const s = visitorSocket(origin);
      await connected(s);
      expect(s.connected).toBe(true);
      s.disconnect();
    });

    it("refuses a token minted for shop-a on shop-b's handshake, even from shop-b's own page", async () => {
      const err = await refusal(visitorSocket(ORIGIN_B, identity, 'shop-b'));
      expect(err.message).toBe('unauthorized');
    });

    it("refuses shop-a's page on shop-b's handshake, whatever the token", async () => {
      const err = await refusal(visitorSocket(ORIGIN_A, identity, 'shop-b'));
      expect(err.message).toBe('origin_not_allowed');
    });
  });

  describe('minting a visitor token', () => {
    it.each(LOOK_ALIKES)('refuses %s (%s) with 403 origin_not_allowed and mints nothing', async (_name, origin) => {
      const r = await mint(origin);
      expect(r.status).toBe(403);
      const body = (await r.json()) as Record<string, unknown>;
      expect(body).toMatchObject({ error: { code: 'origin_not_allowed' } });
      expect(body).not.toHaveProperty('token');
    });

    it.each(SAME)('mints a token for %s (%s) that opens a socket', async (_name, origin) => {
      const r = await mint(origin);
      expect(r.status).toBe(200);
      const minted = (await r.json()) as { visitorId: string; token: string };
      const s = visitorSocket(ORIGIN_A, minted);
      await connected(s);
      s.disconnect();
    });

    it("refuses to mint shop-b's token from shop-a's page", async () => {
      const r = await mint(ORIGIN_A, 'shop-b');
      expect(r.status).toBe(403);
      expect(await r.json()).toMatchObject({ error: { code: 'origin_not_allowed' } });
    });
  });

  describe('the backoffice handshake', () => {
    const own = () => t.server.url;
    const port = () => new URL(t.server.url).port;
    const FOREIGN: [string, () => string | undefined][] = [
      ['a merchant site', () => ORIGIN_A],
      ['a subdomain look-alike', () => `http://127.0.0.1.evil.com:${port()}`],
      ['user info before an attacker host', () => `http://127.0.0.1:${port()}@evil.com`],
      ['another port of the same host', () => `http://127.0.0.1:${Number(port()) + 1}`],
      ['an opaque origin', () => 'null'],
      ['no Origin at all', () => undefined],
    ];
    const helperSocket = (origin: string | undefined, cookie: string) =>
      io(`${t.server.url}/helper`, {
        transports: ['websocket'],
        extraHeaders: origin === undefined ? { cookie } : { cookie, origin },
        auth: { protocolVersion: PROTOCOL_VERSION },
        reconnection: false,
        forceNew: true,
      });

    it.each(FOREIGN)('refuses %s even with a valid session cookie', async (_name, origin) => {
      const { cookie } = await login(t.server.url, USERS.helperA1.email);
      const err = await refusal(helperSocket(origin(), cookie));
      expect(err.message).toBe('origin_not_allowed');
    });

    it('connects from its own origin with the same cookie', async () => {
      const { cookie } = await login(t.server.url, USERS.helperA1.email);
      const s = helperSocket(own(), cookie);
      await connected(s);
      s.disconnect();
    });
  });
});

describe.skipIf(!hasPostgres)('the backoffice at an https address, behind a TLS-terminating proxy', () => {
  const HOST = 'tribu.example';
  let server: TestServer;
  let drop: () => Promise<void>;
  let cookie: string;
  beforeAll(async () => {
    const db = await createTestDatabase();
    drop = db.drop;
    server = await startTestServer({ databaseUrl: db.url, env: { PUBLIC_URL: `https://${HOST}`, TRUST_PROXY: 'true' } });
    const res = await server.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { host: HOST, origin: `https://${HOST}`, 'x-forwarded-proto': 'https' },
      payload: { email: USERS.helperA1.email, password: PASSWORD },
    });
    cookie = String(res.headers['set-cookie']).split(';')[0]!;
  });
  afterAll(async () => {
    await server?.close();
    await drop?.();
  });
  const helperSocket = (origin: string) =>
    io(`${server.url}/helper`, {
      transports: ['websocket'],
      extraHeaders: { host: HOST, origin, cookie },
      auth: { protocolVersion: PROTOCOL_VERSION },
      reconnection: false,
      forceNew: true,
    });

  it('refuses a backoffice socket from the http:// page of the same host (a scheme downgrade), even with the cookie', async () => {
    expect((await refusal(helperSocket(`http://${HOST}`))).message).toBe('origin_not_allowed');
  });

  it('connects the same cookie from the https:// page', async () => {
    const s = helperSocket(`https://${HOST}`);
    await connected(s);
    s.disconnect();
  });

  it('refuses a sign-in posted from the http:// page of the same host, and says so', async () => {
    const res = await server.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { host: HOST, origin: `http://${HOST}` },
      payload: { email: USERS.helperA1.email, password: PASSWORD },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ error: { code: 'forbidden' } });
    expect(res.headers['set-cookie']).toBeUndefined();
  });

  it('tells browsers to use https only (HSTS)', async () => {
    const res = await server.app.inject({ url: '/backoffice', headers: { host: HOST } });
    expect(res.headers['strict-transport-security']).toMatch(/max-age=\d{7,}/);
  });
});
