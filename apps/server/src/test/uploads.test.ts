import { crc32, deflateSync } from 'node:zlib';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { CSRF_HEADER, LIMITS, type MyProfile } from '@tribu/protocol';
import { usePostgresServer } from './support/app.ts';
import { login } from './support/clients.ts';
import { USERS } from './support/fixtures.ts';
import { hasPostgres } from './support/services.ts';

/** A PNG chunk: length, type, data, CRC. */
function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** A decompression bomb: a few hundred bytes claiming 60,000 × 60,000 pixels (3.6 gigapixels). */
function bombPng(): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(60_000, 0);
  ihdr.writeUInt32BE(60_000, 4);
  ihdr.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  // The first rows only: a decoder must refuse from the header, before inflating anything large.
  const rows = deflateSync(Buffer.alloc((60_000 * 3 + 1) * 4));
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', rows), chunk('IEND', Buffer.alloc(0))]);
}

const MARKER = 'exif-secret-marker-7a1f';
const png = () =>
  sharp({ create: { width: 300, height: 200, channels: 3, background: '#c0ffee' } })
    .png()
    .toBuffer();
/** A JPEG carrying GPS coordinates and a marker in its EXIF, as a phone camera writes it. */
const gpsJpeg = () =>
  sharp({ create: { width: 400, height: 300, channels: 3, background: '#2f6f4f' } })
    .jpeg()
    .withExif({
      IFD0: { Copyright: MARKER, ImageDescription: MARKER },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '48/1 51/1 2964/100', GPSLongitudeRef: 'E', GPSLongitude: '2/1 17/1 4035/100' },
    })
    .toBuffer();

const HOSTILE: [string, () => Promise<Buffer> | Buffer][] = [
  ['an HTML page', () => Buffer.from('<!doctype html><html><script>alert(document.cookie)</script></html>')],
  [
    'an SVG with a script',
    () => Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(2)</script><rect width="10" height="10"/></svg>'),
  ],
  ['a PDF', () => Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF')],
  ['a PNG signature followed by HTML', () => Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), Buffer.from('<html><script>alert(1)</script>')])],
  ['a truncated PNG', async () => (await png()).subarray(0, 60)],
];

describe.skipIf(!hasPostgres)('uploads', () => {
  // Uploads are limited per address; behind the (trusted) proxy each attempt comes from its own address.
  const t = usePostgresServer({ env: () => ({ TRUST_PROXY: 'true' }) });
  let address = 0;
  let upload: (kind: 'photo' | 'feed', body: Buffer, type?: string) => Promise<Response>;
  let userId: string;

  beforeAll(async () => {
    const { cookie, me } = await login(t.server.url, USERS.helperA1.email);
    userId = me.user.id;
    upload = (kind, body, type = 'image/png') =>
      fetch(`${t.server.url}${kind === 'photo' ? '/api/profile/photo' : `/api/sites/${t.server.sites.siteA}/images`}`, {
        method: kind === 'photo' ? 'PUT' : 'POST',
        headers: { cookie, origin: t.server.url, [CSRF_HEADER]: me.csrfToken, 'content-type': type, 'x-forwarded-for': `198.51.100.${++address}` },
        body: new Uint8Array(body),
      });
  });
  /** Reads back what an upload stored, as members (feed) or visitors (photo) get it. */
  const stored = async (kind: 'photo' | 'feed', res: Response) => {
    const { cookie } = await login(t.server.url, USERS.helperA2.email);
    const url = kind === 'photo' ? (((await res.json()) as MyProfile).avatarUrl ?? '') : ((await res.json()) as { url: string }).url;
    return fetch(`${t.server.url}${url}`, { headers: kind === 'feed' ? { cookie } : {} });
  };

  describe.each(['photo', 'feed'] as const)('%s uploads', (kind) => {
    it.each(HOSTILE)('refuses %s named as a PNG with a clear 400', async (_name, make) => {
      const res = await upload(kind, await make());
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ error: { code: 'bad_request', message: expect.stringMatching(/not an image/) } });
    });

    it('refuses a decompression bomb from its header, saying how large it claims to be', async () => {
      const res = await upload(kind, bombPng());
      expect(res.status).toBe(400);
      expect(await res.json()).toEqual({
        error: { code: 'bad_request', message: 'This image is too large: 3600 megapixels, at most 24. Resize it and try again.' },
      });
    });

    it('refuses an SVG or HTML declared as such before reading it', async () => {
      for (const type of ['image/svg+xml', 'text/html', 'application/octet-stream']) {
        const res = await upload(kind, Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'), type);
        expect([res.status, type]).toEqual([415, type]);
      }
    });

    it('refuses a file above the size limit', async () => {
      const res = await upload(kind, Buffer.alloc(LIMITS.imageBytes + 1024, 1));
      expect(res.status).toBe(413);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('bad_request');
    });

    it('re-encodes a camera JPEG as WebP without its EXIF, GPS position or marker, served with nosniff and an image type', async () => {
      const input = await gpsJpeg();
      expect((await sharp(input).metadata()).exif).toBeDefined();
      expect(input.includes(MARKER)).toBe(true);
      const res = await upload(kind, input, 'image/jpeg');
      expect(res.status).toBe(kind === 'photo' ? 200 : 201);
      const served = await stored(kind, res);
      expect(served.status).toBe(200);
      expect(served.headers.get('content-type')).toBe('image/webp');
      expect(served.headers.get('x-content-type-options')).toBe('nosniff');
      const bytes = Buffer.from(await served.arrayBuffer());
      const meta = await sharp(bytes).metadata();
      expect([meta.format, meta.exif, meta.icc, meta.xmp]).toEqual(['webp', undefined, undefined, undefined]);
      expect(bytes.includes(MARKER)).toBe(false);
      expect(bytes.includes('GPS')).toBe(false);
    });

    it('keeps only the pixels of a PNG with HTML appended after its end (a polyglot)', async () => {
      const polyglot = Buffer.concat([await png(), Buffer.from('<html><script>alert(1)</script></html>')]);
      const res = await upload(kind, polyglot);
      expect(res.status).toBe(kind === 'photo' ? 200 : 201);
      const bytes = Buffer.from(await (await stored(kind, res)).arrayBuffer());
      expect(bytes.includes('<script')).toBe(false);
      expect((await sharp(bytes).metadata()).format).toBe('webp');
    });
  });

  it('keeps the server answering after the bomb and the junk', async () => {
    expect((await fetch(`${t.server.url}/healthz`)).status).toBe(200);
    // And still takes a small, honest photo, served back as Ada's avatar.
    const small = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#2f6f4f' } })
      .png()
      .toBuffer();
    expect((await upload('photo', small)).status).toBe(200);
    const avatar = await fetch(`${t.server.url}/api/avatars/${userId}`);
    expect([avatar.status, avatar.headers.get('content-type')]).toEqual([200, 'image/webp']);
  });
});
