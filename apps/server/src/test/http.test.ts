import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './support/app.ts';

describe('HTTP surface', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => server?.close());

  it('answers /healthz and /readyz', async () => {
    expect((await server.app.inject('/healthz')).json()).toEqual({ status: 'ok' });
    expect((await server.app.inject('/readyz')).statusCode).toBe(200);
  });

  it('gives the loader a cacheable widget state, readable from any page', async () => {
    const r = await server.app.inject('/api/widget/shop-a');
    expect(r.statusCode).toBe(200);
    expect(r.headers['access-control-allow-origin']).toBe('*');
    expect(r.headers['cache-control']).toMatch(/max-age/);
    expect(r.json()).toMatchObject({ site: { key: 'shop-a', name: 'Shop A' }, helpersOnline: 0 });
  });

  it('answers an unknown site and an invalid site key as errors with codes', async () => {
    expect((await server.app.inject('/api/widget/nope')).json()).toMatchObject({ error: { code: 'not_found' } });
    expect((await server.app.inject('/api/widget/NOT_VALID!')).statusCode).toBe(400);
  });

  it('answers unknown routes with a JSON 404', async () => {
    const r = await server.app.inject('/api/nothing-here');
    expect(r.statusCode).toBe(404);
    expect(r.json()).toMatchObject({ error: { code: 'not_found' } });
  });

  it('sets nosniff and a referrer policy everywhere, and a CSP without inline scripts that refuses framing on the backoffice', async () => {
    const r = await server.app.inject('/backoffice');
    expect(r.headers['x-content-type-options']).toBe('nosniff');
    expect(r.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
    expect(r.headers['content-security-policy']).toMatch(/frame-ancestors 'none'/);
    expect(r.headers['content-security-policy']).toMatch(/script-src 'self';/);
    const api = await server.app.inject('/api/widget/shop-a');
    expect([api.headers['x-content-type-options'], api.headers['referrer-policy']]).toEqual(['nosniff', 'strict-origin-when-cross-origin']);
  });

  it('sets an httpOnly SameSite session cookie on sign-in', async () => {
    const r = await server.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'a1@test.tribu', password: 'correct horse battery' },
    });
    expect(r.statusCode).toBe(200);
    const cookie = String(r.headers['set-cookie']);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
  });

  it('serves the demo shop embedding the widget, with its stylesheet', async () => {
    const page = await server.app.inject('/demo/product');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<script src="/widget.js" data-site="demo" async></script>');
    expect((await server.app.inject('/demo/static/shop.css')).statusCode).toBe(200);
    expect((await server.app.inject('/demo/..%2Fsrc%2Fmain')).statusCode).toBe(404);
  });
});

describe('client addresses', () => {
  it('ignores a forged X-Forwarded-For unless TRUST_PROXY is set, so rate limits cannot be dodged', async () => {
    const { loadEnv } = await import('../env.ts');
    expect(loadEnv({}).TRUST_PROXY).toBe(false);
    expect(loadEnv({ TRUST_PROXY: 'true' }).TRUST_PROXY).toBe(true);
    const server = await startTestServer();
    // Twelve wrong passwords, each claiming another address: the login throttle (10/min) still bites.
    const tries = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        server.app.inject({
          method: 'POST',
          url: '/api/auth/login',
          headers: { 'x-forwarded-for': `10.0.0.${i}` },
          payload: { email: 'a1@test.tribu', password: 'wrong' },
        }),
      ),
    );
    await server.close();
    expect(tries.map((r) => r.statusCode)).toContain(429);
  });
});
