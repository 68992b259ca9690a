import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import { freePort } from './server.ts';

/**
 * Whether the fault scenarios can start their own Redis (they kill and restart it, so never the
 * shared one on 6379). Missing in CI (`CI=true`) fails; elsewhere the scenario says so and is skipped.
 */
export function redisServerAvailable(): boolean {
  try {
    execFileSync('redis-server', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    const msg = 'the multi-node fault scenario needs redis-server on the PATH — apt-get install redis-server';
    if (process.env.CI === 'true') throw new Error(`CI requires ${msg}`);
    console.warn(`\n⚠️  SKIPPED: ${msg}\n`);
    return false;
  }
}

export interface OwnRedis {
  url: string;
  /** SIGKILL, as a crash: resolves once the process is gone and the port is free. */
  kill(): Promise<void>;
  /** Starts it again, empty, on the same port; resolves once it answers PING. */
  start(): Promise<void>;
}

/** Resolves once something on `port` answers a Redis PING (polling, with a generous deadline). */
async function answersPing(port: number, deadlineMs = 15_000): Promise<void> {
  const deadline = Date.now() + deadlineMs;
  for (;;) {
    const ok = await new Promise<boolean>((res) => {
      const s = net.connect({ host: '127.0.0.1', port }, () => s.write('PING\r\n'));
      s.setTimeout(1_000, () => (s.destroy(), res(false)));
      s.once('data', (d) => (s.destroy(), res(d.toString().startsWith('+PONG'))));
      s.once('error', () => res(false));
    });
    if (ok) return;
    if (Date.now() > deadline) throw new Error(`redis-server on port ${port} did not answer PING`);
    await new Promise((r) => setTimeout(r, 100)); // polling interval
  }
}

/**
 * The scenario's own `redis-server` on a free port, without persistence; it is killed when this
 * process exits, even on a crash of the test run.
 */
export async function ownRedis(): Promise<OwnRedis> {
  const port = await freePort();
  let child: ChildProcess | undefined;
  const killNow = () => child?.kill('SIGKILL');
  process.once('exit', killNow);
  const start = async () => {
    child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
      stdio: 'ignore',
    });
    await answersPing(port);
  };
  await start();
  return {
    url: `redis://127.0.0.1:${port}`,
    start,
    kill: async () => {
      const c = child;
      if (!c || c.exitCode !== null || c.signalCode !== null) return;
      const gone = new Promise((r) => c.once('close', r));
      c.kill('SIGKILL');
      await gone;
    },
  };
}

export interface Balancer {
  url: string;
  close(): void;
}

/**
 * The load balancer in front of the nodes, a plain TCP relay on one port: each new connection goes
 * to the first upstream of `upstreams()` that accepts it (read per connection, so a test can steer
 * people to a node); connections already open stay where they are, as behind a real balancer.
 */
export function balancer(upstreams: () => string[]): Promise<Balancer> {
  const open = new Set<net.Socket>();
  const server = net.createServer((client) => {
    open.add(client);
    client.pause();
    client.on('error', () => client.destroy());
    client.on('close', () => open.delete(client));
    const tryFrom = (i: number) => {
      const target = upstreams()[i];
      if (!target) return void client.destroy();
      const up = net.connect({ host: '127.0.0.1', port: Number(new URL(target).port) });
      up.once('error', () => (up.readyState === 'opening' || up.readyState === 'closed' ? tryFrom(i + 1) : client.destroy()));
      up.once('connect', () => {
        open.add(up);
        up.on('error', () => up.destroy());
        up.on('close', () => (open.delete(up), client.destroy()));
        client.on('close', () => up.destroy());
        client.pipe(up).pipe(client);
        client.resume();
      });
    };
    tryFrom(0);
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      resolve({ url: `http://127.0.0.1:${port}`, close: () => (open.forEach((s) => s.destroy()), server.close()) });
    }),
  );
}
