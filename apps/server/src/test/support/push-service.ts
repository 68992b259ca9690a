import { createDecipheriv, createECDH, createPublicKey, hkdfSync, randomBytes, verify } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll } from 'vitest';

/** A push as the browser would see it, after the receiver checked its VAPID JWT and decrypted it. */
export interface ReceivedPush {
  device: string;
  payload: { title: string; body: string; url: string; tag: string };
  claims: { aud: string; exp: number; sub: string };
  /** The `k=` of the Authorization header: the server's VAPID public key. */
  vapidKey: string;
  ttl: number;
  urgency: string | undefined;
}

/** A browser's side of one subscription: its P-256 key pair and auth secret (RFC 8291). */
export interface TestDevice {
  id: string;
  endpoint: string;
  keys: { p256dh: string; auth: string };
  /** The status this push service answers for the device (201; 410 once the "browser" unsubscribed). */
  status: number;
}

const b64u = (b: Buffer) => b.toString('base64url');

/**
 * A local Web Push service (RFC 8030) for the enclosing describe block: it refuses a push whose
 * VAPID JWT (RFC 8292, ES256 over the endpoint's origin) does not verify, and decrypts the
 * aes128gcm body (RFC 8188 + RFC 8291) with the device's private key, as a browser would.
 */
export function usePushService() {
  const devices = new Map<string, TestDevice & { ecdh: ReturnType<typeof createECDH>; authSecret: Buffer }>();
  const received: ReceivedPush[] = [];
  const refused: { device: string; reason: string }[] = [];
  let server: Server;
  let origin = '';

  const refuse = (device: string, reason: string) => {
    refused.push({ device, reason });
    return reason;
  };

  const check = (id: string, headers: Record<string, string | string[] | undefined>, body: Buffer): ReceivedPush | string => {
    const d = devices.get(id);
    if (!d) return refuse(id, 'unknown device');
    if (headers['content-encoding'] !== 'aes128gcm') return refuse(id, `content-encoding ${String(headers['content-encoding'])}`);
    const ttl = Number(headers.ttl);
    if (!Number.isInteger(ttl) || ttl < 0) return refuse(id, 'no TTL');
    const auth = /^vapid t=([^,\s]+),\s*k=([A-Za-z0-9_-]+)$/.exec(String(headers.authorization ?? ''));
    if (!auth) return refuse(id, 'no vapid authorization');
    const [, jwt, k] = auth as unknown as [string, string, string];
    const [h64, p64, s64] = jwt.split('.') as [string, string, string];
    const header = JSON.parse(Buffer.from(h64, 'base64url').toString()) as { alg: string; typ: string };
    if (header.alg !== 'ES256') return refuse(id, `alg ${header.alg}`);
    const raw = Buffer.from(k, 'base64url');
    if (raw.length !== 65 || raw[0] !== 4) return refuse(id, 'k is not an uncompressed P-256 point');
    const key = createPublicKey({ key: { kty: 'EC', crv: 'P-256', x: b64u(raw.subarray(1, 33)), y: b64u(raw.subarray(33)) }, format: 'jwk' });
    const signed = verify('sha256', Buffer.from(`${h64}.${p64}`), { key, dsaEncoding: 'ieee-p1363' }, Buffer.from(s64, 'base64url'));
    if (!signed) return refuse(id, 'bad signature');
    const claims = JSON.parse(Buffer.from(p64, 'base64url').toString()) as ReceivedPush['claims'];
    if (claims.aud !== origin) return refuse(id, `aud ${claims.aud}`);
    const now = Math.floor(Date.now() / 1000);
    if (!(claims.exp > now && claims.exp <= now + 24 * 3600)) return refuse(id, 'exp out of range');
    if (!/^(mailto:|https:)/.test(claims.sub)) return refuse(id, `sub ${claims.sub}`);

    // aes128gcm: salt(16) | rs(4) | idlen(1) | keyid = the sender's ephemeral public key | records.
    const salt = body.subarray(0, 16);
    const idlen = body[20]!;
    const senderKey = body.subarray(21, 21 + idlen);
    const records = body.subarray(21 + idlen);
    const shared = d.ecdh.computeSecret(senderKey);
    const uaPublic = d.ecdh.getPublicKey();
    const keyInfo = Buffer.concat([Buffer.from('WebPush: info\0'), uaPublic, senderKey]);
    const ikm = Buffer.from(hkdfSync('sha256', shared, d.authSecret, keyInfo, 32));
    const cek = Buffer.from(hkdfSync('sha256', ikm, salt, Buffer.from('Content-Encoding: aes128gcm\0'), 16));
    const nonce = Buffer.from(hkdfSync('sha256', ikm, salt, Buffer.from('Content-Encoding: nonce\0'), 12));
    const decipher = createDecipheriv('aes-128-gcm', cek, nonce);
    decipher.setAuthTag(records.subarray(records.length - 16));
    let plain: Buffer;
    try {
      plain = Buffer.concat([decipher.update(records.subarray(0, records.length - 16)), decipher.final()]);
    } catch {
      return refuse(id, 'does not decrypt');
    }
    // The last record ends with the delimiter 0x02, then zero padding.
    let end = plain.length - 1;
    while (end >= 0 && plain[end] === 0) end -= 1;
    if (plain[end] !== 2) return refuse(id, 'no last-record delimiter');
    return {
      device: id,
      payload: JSON.parse(plain.subarray(0, end).toString('utf8')) as ReceivedPush['payload'],
      claims,
      vapidKey: k,
      ttl,
      urgency: headers.urgency as string | undefined,
    };
  };

  beforeAll(async () => {
    server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const id = (req.url ?? '').replace(/^\/push\//, '');
        const d = devices.get(id);
        if (req.method !== 'POST' || !d) return res.writeHead(404).end();
        if (d.status !== 201) return res.writeHead(d.status).end();
        const r = check(id, req.headers, Buffer.concat(chunks));
        if (typeof r === 'string') return res.writeHead(403).end(r);
        received.push(r);
        res.writeHead(201).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  return {
    received,
    refused,
    /** A new "browser" subscription on this push service. */
    device(): TestDevice {
      const ecdh = createECDH('prime256v1');
      ecdh.generateKeys();
      const authSecret = randomBytes(16);
      const id = randomBytes(8).toString('hex');
      const d = { id, endpoint: `${origin}/push/${id}`, keys: { p256dh: b64u(ecdh.getPublicKey()), auth: b64u(authSecret) }, status: 201, ecdh, authSecret };
      devices.set(id, d);
      return d;
    },
    /** Pushes received for a device so far. */
    to: (device: TestDevice) => received.filter((r) => r.device === device.id),
  };
}
