import net from 'node:net';
import sharp from 'sharp';
import { io, type ManagerOptions } from 'socket.io-client';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CSRF_HEADER, LIMITS, PROTOCOL_VERSION } from '@tribu/protocol';
import { connected, login, mintVisitor, type VisitorSocket } from './support/clients.ts';
import { ORIGIN_A, USERS } from './support/fixtures.ts';
import { hasNginx, openFileLimit, startNginx, type Nginx } from './support/nginx.ts';
import { freePort } from './support/process.ts';
import { closeRawSockets, rawUpgrade } from './support/raw-engine.ts';
import { hasPostgres, hasRedis } from './support/services.ts';
import { useTwoNodes } from './support/two-nodes.ts';

/**
 * The shipped deploy/nginx.conf, run by a real nginx in front of two Tribu nodes. The test changes
 * only what a machine needs to run it: the listen port, the upstream addresses and writable paths
 * (pid, logs and temp files go to a temporary directory), so the file tested is the file shipped.
 *
 * Sizes: 1,500 WebSockets cost 1,500 descriptors in this process, 3,000 in nginx (two workers on two
 * cores) and 750 in each node. Node raises its soft open-file limit to the hard one at start (it
 * cannot go above `ulimit -Hn`): with the 20,000 of the CI machine that leaves room; under 2,000 the
 * test says so and opens fewer.
 */

/** What deploy/nginx.conf promises: open connections per address. */
const LIMIT_CONN = 256;
/** 1,500 sockets, or what this process may open with room to spare (each also costs nginx two and a node one). */
const SOCKETS = Math.min(1_500, openFileLimit() - 500);
if (SOCKETS < 1_500) console.warn(`\n⚠️  open-file limit ${openFileLimit()}: the balancer test opens ${SOCKETS} WebSockets, not 1,500\n`);

/** A request nginx holds open (headers read, body never sent), counted by limit_conn until it is closed. */
function slowUpload(url: string, localAddress: string): Promise<net.Socket> {
  const u = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host: u.hostname, port: Number(u.port), localAddress }, () => {
      socket.write(`POST /api/visitor/token HTTP/1.1\r\nHost: ${u.host}\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n`);
      resolve(socket);
    });
    socket.on('error', reject);
  });
}

/** Tries `attempt` until it returns true: nginx counts a held request once it has read its headers. */
async function eventually(attempt: () => Promise<boolean>, tries = 40): Promise<boolean> {
  for (let i = 0; i < tries; i++) {
    if (await attempt()) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return false;
}

describe.skipIf(!hasPostgres || !hasRedis || !hasNginx)('deploy/nginx.conf in front of two nodes', () => {
  // The nodes must know the balancer's address (same-origin checks, cookies): its port is chosen first.
  const nodeEnv: Record<string, string> = { TRUST_PROXY: 'true', CONNECT_TIMEOUT_MS: '30000' };
  let port = 0;
  beforeAll(async () => {
    port = await freePort();
    nodeEnv.PUBLIC_URL = `http://127.0.0.1:${port}`;
  });
  const nodes = useTwoNodes(undefined, nodeEnv);
  let lb: Nginx;
  beforeAll(async () => {
    lb = await startNginx(port, [new URL(nodes.a.url).host, new URL(nodes.b.url).host]);
  }, 30_000);
  afterAll(() => lb?.stop());
  afterEach(() => closeRawSockets());

  const visitor = (identity: { visitorId: string; token: string }, localAddress: string): VisitorSocket =>
    io(`${lb.url}/visitor`, {
      transports: ['websocket'],
      extraHeaders: { origin: ORIGIN_A },
      auth: { protocolVersion: PROTOCOL_VERSION, siteKey: 'shop-a', ...identity },
      reconnection: false,
      forceNew: true,
      // 1,500 handshakes (token, site, origin, ban checked in Postgres) take a while on a busy machine.
      timeout: 60_000,
      // engine.io-client hands it to the WebSocket: each visitor comes from its own loopback address.
      ...({ localAddress } as Partial<ManagerOptions>),
    });

  it(`holds ${SOCKETS} WebSockets opened at once from distinct addresses, each through a completed Socket.IO handshake`, async () => {
    const identity = await mintVisitor(lb.url, 'shop-a', ORIGIN_A);
    // 127.a.b.1: ip_hash keys IPv4 by its first three octets, so these spread over both nodes.
    const sockets = Array.from({ length: SOCKETS }, (_, i) => visitor(identity, `127.${1 + (i >> 8)}.${i & 255}.1`));
    try {
      const outcomes = await Promise.all(
        sockets.map((s) =>
          connected(s).then(
            () => 'connected',
            (err: Error) => err.message,
          ),
        ),
      );
      expect(outcomes.filter((o) => o !== 'connected')).toEqual([]);
      expect(sockets.filter((s) => s.connected)).toHaveLength(SOCKETS);
    } finally {
      for (const s of sockets) s.disconnect();
    }
  }, 90_000);

  it(`refuses a connection beyond ${LIMIT_CONN} open from one address with 429 at the balancer, and not another address's`, async () => {
    const held = await Promise.all(Array.from({ length: LIMIT_CONN - 1 }, () => slowUpload(lb.url, '127.0.0.50')));
    try {
      // The last place: a visitor's WebSocket, handshake and all.
      const identity = await mintVisitor(lb.url, 'shop-a', ORIGIN_A);
      const last = visitor(identity, '127.0.0.50');
      await connected(last);
      let refused: Awaited<ReturnType<typeof rawUpgrade>> | undefined;
      const limited = await eventually(async () => {
        const probe = await rawUpgrade(lb.url, { localAddress: '127.0.0.50' });
        probe.socket?.destroy();
        if (probe.status === 429) refused = probe;
        return probe.status === 429;
      });
      expect(limited).toBe(true);
      expect([String(refused!.headers.server).startsWith('nginx'), refused!.body.includes('429 Too Many Requests')]).toEqual([true, true]);
      expect((await rawUpgrade(lb.url, { localAddress: '127.0.0.51' })).status).toBe(101);
      // One place freed: the address connects again.
      held.pop()!.destroy();
      expect(await eventually(async () => (await rawUpgrade(lb.url, { localAddress: '127.0.0.50' })).status === 101)).toBe(true);
      last.disconnect();
    } finally {
      for (const s of held) s.destroy();
    }
  });

  it('passes a 5 MB upload through to a node and refuses a bigger one with 413 at the balancer', async () => {
    const { cookie, me } = await login(lb.url, USERS.helperA1.email);
    const png = await sharp({ create: { width: 300, height: 200, channels: 3, background: '#c0ffee' } })
      .png()
      .toBuffer();
    const upload = (bytes: number) =>
      fetch(`${lb.url}/api/sites/${nodes.sites.siteA}/images`, {
        method: 'POST',
        headers: { cookie, origin: lb.url, [CSRF_HEADER]: me.csrfToken, 'content-type': 'image/png' },
        // A real PNG, padded after its end to the size wanted (the node decodes it and stores a re-encoded copy).
        body: new Uint8Array(Buffer.concat([png, Buffer.alloc(bytes - png.length)])),
      });
    const full = await upload(LIMITS.imageBytes);
    expect([full.status, ((await full.json()) as { url: string }).url.startsWith('/api/images/')]).toEqual([201, true]);
    const over = await upload(LIMITS.imageBytes + 1);
    const body = await over.text();
    expect([over.status, over.headers.get('server')?.startsWith('nginx'), body.includes('413 Request Entity Too Large')]).toEqual([413, true, true]);
  });
});
