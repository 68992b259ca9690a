import { describe, expect, it } from 'vitest';
import { useEmbeddedServer } from './support/app.ts';

/** The widget's loose settings (any origin, five-minute cache) belong to the widget's files only. */
describe('caching and cross-origin headers of the served files', () => {
  const t = useEmbeddedServer();

  const headersOf = async (path: string) => {
    const res = await fetch(`${t.server.url}${path}`, { headers: { origin: 'https://evil.example' } });
    await res.arrayBuffer();
    return { status: res.status, cache: res.headers.get('cache-control'), cors: res.headers.get('access-control-allow-origin') };
  };

  it.each([
    ['/backoffice', { status: 200, cache: 'no-cache', cors: null }],
    ['/backoffice/queue', { status: 200, cache: 'no-cache', cors: null }],
    ['/demo', { status: 200, cache: 'no-cache', cors: null }],
    ['/demo/product', { status: 200, cache: 'no-cache', cors: null }],
    ['/demo/static/shop.css', { status: 200, cache: 'public, max-age=300', cors: null }],
    ['/widget.js', { status: 200, cache: 'public, max-age=300', cors: '*' }],
    ['/widget/chat.js', { status: 200, cache: 'public, max-age=300', cors: '*' }],
  ])('%s is served with exactly its own cache and CORS headers', async (path, expected) => {
    expect(await headersOf(path)).toEqual(expected);
  });
});
