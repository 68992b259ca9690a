import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { CSRF_HEADER } from '@tribu/protocol';
import { IMAGE_LIMITS, imageDecodes } from '../lib/image-decode.ts';
import { usePostgresServer } from './support/app.ts';
import { login } from './support/clients.ts';
import { USERS } from './support/fixtures.ts';
import { hasPostgres } from './support/services.ts';

/** A PNG of one colour compresses to almost nothing on disk, whatever its pixel count. */
const flatPng = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: '#2f6f4f' } })
    .png({ compressionLevel: 9 })
    .toBuffer();

describe.skipIf(!hasPostgres)('decoding uploaded images within bounds', () => {
  const t = usePostgresServer();
  let headers: Record<string, string>;

  beforeAll(async () => {
    const signed = await login(t.server.url, USERS.helperA1.email);
    headers = { cookie: signed.cookie, origin: t.server.url, [CSRF_HEADER]: signed.me.csrfToken, 'content-type': 'image/png' };
  });

  const upload = (kind: 'photo' | 'feed', body: Buffer) =>
    fetch(kind === 'photo' ? `${t.server.url}/api/profile/photo` : `${t.server.url}/api/sites/${t.server.sites.siteA}/images`, {
      method: kind === 'photo' ? 'PUT' : 'POST',
      headers,
      body: new Uint8Array(body),
    });

  it.each(['photo', 'feed'] as const)('refuses a 40-megapixel PNG as a %s with a clear 400, without decoding it', async (kind) => {
    const png = await flatPng(8000, 5000);
    expect(png.length).toBeLessThan(1_000_000);
    const res = await upload(kind, png);
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({
      error: { code: 'bad_request', message: 'This image is too large: 40 megapixels, at most 24. Resize it and try again.' },
    });
  });

  it('accepts an image of exactly 24 megapixels', async () => {
    const res = await upload('feed', await flatPng(6000, 4000));
    expect(res.status).toBe(201);
    expect(((await res.json()) as { width: number; height: number }).width).toBe(1600);
  });

  it('never decodes more than two images at once on a node, however many arrive together', async () => {
    const png = await flatPng(4000, 3000);
    imageDecodes.peak = 0;
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => upload(i % 2 ? 'photo' : 'feed', png)));
    expect(results.map((r) => r.status)).toEqual(Array.from({ length: 10 }, (_, i) => (i % 2 ? 200 : 201)));
    expect(imageDecodes.peak).toBe(IMAGE_LIMITS.inFlight);
    expect(imageDecodes.inFlight).toBe(0);
  });
});
