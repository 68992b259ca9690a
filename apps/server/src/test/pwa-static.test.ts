import { describe, expect, it } from 'vitest';
import { useEmbeddedServer } from './support/app.ts';

/** The backoffice as an installable app: what a browser needs to install it and to run its worker. */
describe('the installable backoffice (manifest, icons, service worker, offline page)', () => {
  const t = useEmbeddedServer();
  const get = async (path: string) => {
    const res = await fetch(`${t.server.url}${path}`);
    return { res, body: Buffer.from(await res.arrayBuffer()) };
  };

  it('serves the service worker uncached, as JavaScript, allowed to control /backoffice and below', async () => {
    const { res, body } = await get('/backoffice/sw.js');
    expect([res.status, res.headers.get('cache-control'), res.headers.get('service-worker-allowed'), res.headers.get('content-type')]).toEqual([
      200,
      'no-cache',
      '/backoffice',
      'application/javascript; charset=utf-8',
    ]);
    const text = body.toString();
    for (const handler of ['install', 'activate', 'fetch', 'push', 'notificationclick']) expect(text).toContain(`addEventListener('${handler}'`);
  });

  it('serves a manifest that opens the desk standalone, with 192, 512 and maskable icons that exist at their sizes', async () => {
    const { res, body } = await get('/backoffice/manifest.webmanifest');
    expect([res.status, res.headers.get('content-type')]).toEqual([200, 'application/manifest+json']);
    const m = JSON.parse(body.toString()) as {
      start_url: string;
      scope: string;
      display: string;
      theme_color: string;
      icons: { src: string; sizes: string; purpose: string }[];
    };
    expect({ start_url: m.start_url, scope: m.scope, display: m.display, theme_color: m.theme_color }).toEqual({
      start_url: '/backoffice/',
      scope: '/backoffice',
      display: 'standalone',
      theme_color: '#2f6f4f',
    });
    expect(m.icons.map((i) => `${i.sizes} ${i.purpose}`)).toEqual(['192x192 any', '512x512 any', '512x512 maskable']);
    for (const icon of m.icons) {
      const png = await get(icon.src);
      expect([png.res.status, png.res.headers.get('content-type'), png.res.headers.get('cache-control')]).toEqual([200, 'image/png', 'public, max-age=86400']);
      // PNG IHDR: width and height, big-endian, at bytes 16 and 20.
      expect(`${png.body.readUInt32BE(16)}x${png.body.readUInt32BE(20)}`).toBe(icon.sizes);
    }
  });

  it('links the manifest and theme colour from every backoffice page, and serves the offline page', async () => {
    const { body } = await get('/backoffice/manage/numbers');
    expect(body.toString()).toContain('<link rel="manifest" href="/backoffice/manifest.webmanifest" />');
    expect(body.toString()).toContain('<meta name="theme-color" content="#2f6f4f" />');
    const offline = await get('/backoffice/offline.html');
    expect([offline.res.status, offline.res.headers.get('cache-control')]).toEqual([200, 'no-cache']);
    expect(offline.body.toString()).toContain('<h1>You are offline</h1>');
  });
});
