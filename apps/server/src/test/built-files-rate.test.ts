import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { useEmbeddedServer } from './support/app.ts';

const assets = readdirSync(new URL('../../../backoffice/dist/assets', import.meta.url)).filter((f) => f.endsWith('.js'));

describe('the HTTP rate limit and the built files', () => {
  const t = useEmbeddedServer();

  it('never refuses a built file (a lazy chunk refused would leave a page blank), while an API route keeps its limit', async () => {
    expect(assets.length).toBeGreaterThan(10);
    // 360 files from one address in a minute: more than the 300 requests the limit allows.
    const files = Array.from({ length: 360 }, (_, i) => `/backoffice/assets/${assets[i % assets.length]}`);
    files.push('/widget.js');
    const statuses = new Set<number>();
    for (let i = 0; i < files.length; i += 40) {
      for (const res of await Promise.all(files.slice(i, i + 40).map((f) => fetch(`${t.server.url}${f}`)))) {
        statuses.add(res.status);
        await res.arrayBuffer();
      }
    }
    expect([...statuses]).toEqual([200]);
    // The files did not count (the address's first API call is answered) and the API still does: it is refused in the end.
    const api: number[] = [];
    for (let i = 0; i < 301; i += 50) {
      const batch = await Promise.all(Array.from({ length: Math.min(50, 301 - i) }, () => fetch(`${t.server.url}/api/auth/session`)));
      api.push(...batch.map((r) => r.status));
    }
    expect([api[0], api.at(-1)]).toEqual([200, 429]);
  });
});
