import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { CSRF_HEADER, type MyProfile } from '@tribu/protocol';
import { usePostgresServer } from './support/app.ts';
import { login } from './support/clients.ts';
import { USERS } from './support/fixtures.ts';
import { hasPostgres } from './support/services.ts';

/** The parsed Content-Security-Policy: directive → its sources. */
function csp(header: string | null): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const part of (header ?? '').split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) out.set(name.toLowerCase(), sources);
  }
  return out;
}

/** Scripts a policy allows: script-src, else default-src. */
const scriptSources = (p: Map<string, string[]>) => p.get('script-src') ?? p.get('default-src') ?? ['*'];

describe.skipIf(!hasPostgres)('security headers on every kind of response', () => {
  const t = usePostgresServer();
  let cookie: string;
  const urls: Record<string, string> = {};

  beforeAll(async () => {
    const signed = await login(t.server.url, USERS.helperA1.email);
    cookie = signed.cookie;
    const headers = { cookie, origin: t.server.url, [CSRF_HEADER]: signed.me.csrfToken, 'content-type': 'image/png' };
    const png = new Uint8Array(
      await sharp({ create: { width: 64, height: 64, channels: 3, background: '#123456' } })
        .png()
        .toBuffer(),
    );
    const photo = await fetch(`${t.server.url}/api/profile/photo`, { method: 'PUT', headers, body: png });
    urls.avatar = ((await photo.json()) as MyProfile).avatarUrl!;
    const image = await fetch(`${t.server.url}/api/sites/${t.server.sites.siteA}/images`, { method: 'POST', headers, body: png });
    urls.image = ((await image.json()) as { url: string }).url;
  });

  /** kind, path, whether it is a page a browser renders (and so needs the page rules), expected content type. */
  const TABLE: [string, () => string, 'backoffice' | 'demo' | 'resource', RegExp][] = [
    ['backoffice HTML', () => '/backoffice', 'backoffice', /text\/html/],
    ['backoffice deep link', () => '/backoffice/queue', 'backoffice', /text\/html/],
    ['demo shop page', () => '/demo', 'demo', /text\/html/],
    ['demo product page', () => '/demo/product', 'demo', /text\/html/],
    ['demo stylesheet', () => '/demo/static/shop.css', 'demo', /text\/css/],
    ['widget loader', () => '/widget.js', 'resource', /javascript/],
    ['API JSON', () => '/api/widget/shop-a', 'resource', /application\/json/],
    ['API error', () => '/api/nothing-here', 'resource', /application\/json/],
    ['health check', () => '/healthz', 'resource', /application\/json/],
    ['public helper photo', () => urls.avatar!, 'resource', /^image\/webp$/],
    ['feed image', () => urls.image!, 'resource', /^image\/webp$/],
    ['CSV export', () => `/api/sites/${t.server.sites.siteA}/ledger.csv`, 'resource', /./],
  ];

  it.each(TABLE)(
    '%s: nosniff, a referrer policy, a safe type, and a CSP that runs no inline script and refuses foreign framing',
    async (_kind, path, rules, type) => {
      const res = await fetch(`${t.server.url}${path()}`, { headers: { cookie } });
      await res.arrayBuffer();
      expect(res.status).toBeLessThan(500);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
      expect(res.headers.get('content-type') ?? '').toMatch(type);
      const policy = csp(res.headers.get('content-security-policy'));
      const scripts = scriptSources(policy);
      expect(scripts).not.toContain("'unsafe-inline'");
      expect(scripts).not.toContain("'unsafe-eval'");
      expect(scripts).not.toContain('*');
      expect(policy.get('object-src') ?? policy.get('default-src')).toEqual(expect.arrayContaining([expect.stringMatching(/^'(none|self)'$/)]));
      if (rules === 'backoffice') {
        expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
        expect(res.headers.get('x-frame-options')).toBe('DENY');
      } else if (rules === 'demo') {
        expect(policy.get('frame-ancestors')).toEqual(["'self'"]);
        expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
      } else {
        expect(policy.get('default-src')).toEqual(["'none'"]);
        expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
      }
    },
  );
});
