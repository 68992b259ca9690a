import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { io, type ManagerOptions } from 'socket.io-client';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CSRF_HEADER, LIMITS, PROTOCOL_VERSION } from '@tribu/protocol';
import { connected, login, mintVisitor, type VisitorSocket } from './support/clients.ts';
import { ORIGIN_A, USERS } from './support/fixtures.ts';
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
const CONFIG = resolve(dirname(fileURLToPath(import.meta.url)), '../../../../deploy/nginx.conf');
const NGINX = ['/usr/sbin/nginx', '/usr/bin/nginx'].find((p) => existsSync(p));
/** What deploy/nginx.conf promises: open connections per address, and the largest upload body. */
const LIMIT_CONN = 256;

/** This process's open-file limit (Node raised the soft limit to the hard one at start). */
function openFileLimit(): number {
  const line = readFileSync('/proc/self/limits', 'utf8').split('\n').find((l) => l.startsWith('Max open files'));
  const soft = Number(line?.split(/\s{2,}/)[1]);
  return Number.isFinite(soft) ? soft : 1024;
}
/** 1,500 sockets, or what this process may open with room to spare (each also costs nginx two and a node one). */
const SOCKETS = Math.min(1_500, openFileLimit() - 500);
if (SOCKETS < 1_500) console.warn(`\n⚠️  open-file limit ${openFileLimit()}: the balancer test opens ${SOCKETS} WebSockets, not 1,500\n`);

if (!NGINX) {
  const msg = 'nginx is not installed (apt-get install -y nginx)';
  if (process.env.CI === 'true') throw new Error(`CI requires ${msg}`);
  console.warn(`\n⚠️  SKIPPED: the balancer tests: ${msg}\n`);
}

/** The shipped file with this machine's port, upstreams and paths; throws if the file no longer has what is replaced. */
function render(shipped: string, opts: { port: number; upstreams: string[]; dir: string }): string {
  const servers = shipped.match(/^\s*server tribu\d+:3000;$/gm) ?? [];
  if (servers.length !== 2) throw new Error(`expected two upstream servers in ${CONFIG}, found ${servers.length}`);
  const once = (text: string, find: string, replace: string) => {
    if (text.split(find).length !== 2) throw new Error(`expected exactly one "${find}" in ${CONFIG}`);
    return text.replace(find, replace);
  };
  let conf = shipped;
  servers.forEach((line, i) => (conf = once(conf, line, line.replace(/tribu\d+:3000/, opts.upstreams[i]!))));
  conf = once(conf, 'listen 80', `listen 127.0.0.1:${opts.port}`);
  const paths = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((p) => `  ${p}_temp_path ${opts.dir}/${p};`);
  return once(conf, 'http {\n', `http {\n${paths.join('\n')}\n  access_log ${opts.dir}/access.log;\n`);
}

/** Starts nginx in the foreground on the rendered file; resolves once it answers through to a node. */
async function startNginx(conf: string, dir: string, url: string): Promise<{ child: ChildProcess; output: () => string }> {
  writeFileSync(join(dir, 'nginx.conf'), conf);
  let out = '';
  const args = ['-p', dir, '-c', join(dir, 'nginx.conf'), '-e', 'stderr', '-g', `daemon off; pid ${dir}/nginx.pid;`];
  const check = spawnSync(NGINX!, ['-t', ...args], { encoding: 'utf8' });
  if (check.status !== 0) throw new Error(`nginx -t refused the shipped config:\n${check.stderr}`);
  const child = spawn(NGINX!, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  for (let i = 0; i < 100; i++) {
    if (child.exitCode !== null) throw new Error(`nginx exited (${child.exitCode}):\n${out}`);
    if (await fetch(`${url}/readyz`).then((r) => r.ok, () => false)) return { child, output: () => out };
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGKILL');
  throw new Error(`nginx did not answer within 10 s:\n${out}`);
}

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

describe.skipIf(!hasPostgres || !hasRedis || !NGINX)('deploy/nginx.conf in front of two nodes', () => {
  // The nodes must know the balancer's address (same-origin checks, cookies): its port is chosen first.
  const nodeEnv: Record<string, string> = { TRUST_PROXY: 'true', CONNECT_TIMEOUT_MS: '30000' };
  let port = 0;
  beforeAll(async () => {
    port = await freePort();
    nodeEnv.PUBLIC_URL = `http://127.0.0.1:${port}`;
  });
  const nodes = useTwoNodes(undefined, nodeEnv);
  const lb = { url: '', dir: '', child: undefined as ChildProcess | undefined, output: () => '' };
  beforeAll(async () => {
    lb.url = `http://127.0.0.1:${port}`;
    lb.dir = mkdtempSync(join(tmpdir(), 'tribu-nginx-'));
    // Run as root, nginx's workers are `nobody`: they must reach the temp directories nginx creates here.
    chmodSync(lb.dir, 0o755);
    const conf = render(readFileSync(CONFIG, 'utf8'), { port, upstreams: [new URL(nodes.a.url).host, new URL(nodes.b.url).host], dir: lb.dir });
    Object.assign(lb, await startNginx(conf, lb.dir, lb.url));
  }, 30_000);
  afterAll(async () => {
    if (lb.child && lb.child.exitCode === null) {
      const exited = new Promise((r) => lb.child!.once('exit', r));
      lb.child.kill('SIGTERM');
      await exited;
    }
    if (process.env.DEBUG_NODES) console.log('nginx:', lb.output());
    rmSync(lb.dir, { recursive: true, force: true });
  });
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
    const png = await sharp({ create: { width: 300, height: 200, channels: 3, background: '#c0ffee' } }).png().toBuffer();
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
