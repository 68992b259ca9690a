import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { parseOptions } from './options.ts';
import { renderMachine, renderTable, rows } from './report.ts';
import { runBench, type BenchResults } from './run.ts';
import { slope, type SoakResult } from './scenarios/soak.ts';
import { verdict } from './load/quiet.ts';

const o = parseOptions([
  '--quick',
  '--pairs',
  '8',
  '--duration',
  '2',
  '--rounds',
  '2',
  '--idle',
  '40',
  '--rate',
  '100',
  '--claims',
  '12',
  '--claim-helpers',
  '3',
]);

function reachable(url: string, port: number): Promise<boolean> {
  const u = new URL(url);
  return new Promise((resolve) => {
    const s = net.connect({ host: u.hostname, port: Number(u.port || port) });
    s.setTimeout(1500);
    s.once('connect', () => (s.destroy(), resolve(true)));
    s.once('error', () => resolve(false));
    s.once('timeout', () => (s.destroy(), resolve(false)));
  });
}
/** Which of these databases still exist. */
async function stillThere(names: string[]): Promise<unknown[]> {
  const pg = (await import('pg')).default;
  const c = new pg.Client({ connectionString: o.databaseUrl });
  await c.connect();
  try {
    return (await c.query(`select datname from pg_database where datname = any($1)`, [names])).rows;
  } finally {
    await c.end();
  }
}

const services = (await reachable(o.databaseUrl, 5432)) && (await reachable(o.redisUrl, 6379));
if (!services && process.env.CI === 'true') throw new Error('CI requires Postgres and Redis on loopback for the bench harness test');

// Correctness of the harness in a tiny configuration; speed is not asserted here (see `pnpm bench`).
describe.skipIf(!services)('pnpm bench, tiny run', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tribu-bench-test-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  let r: BenchResults;

  it('runs bare Socket.IO and Tribu (one node and two through Redis) and measures every section', async () => {
    r = await runBench(o, dir);
    for (const t of [r.bare, r.tribu]) {
      expect(t.throughput.messagesPerSec).toBeGreaterThan(0);
      expect(t.fixedRate.messages.count).toBeGreaterThan(0);
      expect(t.fixedRate.typing.count).toBeGreaterThan(0);
      expect(t.fixedRate.presence.count).toBeGreaterThan(0);
      expect(t.idle.sockets).toBe(40);
      expect(t.idle.connectionsPerSec).toBeGreaterThan(0);
      expect(Object.keys(t.throughput.eventLoopDelay)).toHaveLength(1);
    }
    expect(r.tribu.throughput.rounds).toHaveLength(2);
    expect(r.bare.throughput.rounds).toHaveLength(2);
    expect(r.multiNode.map((m) => [m.nodes, m.adapter])).toEqual([
      [2, 'classic'],
      [2, 'sharded'],
    ]);
    for (const m of r.multiNode) expect(Object.keys(m.throughput.cpuPerNode)).toEqual(['tribu-a', 'tribu-b']);
  }, 180_000);

  it('delivers every message once, in order, to the other side, with no error — on both servers and across nodes', () => {
    const runs = [r.bare.throughput, r.bare.fixedRate, r.tribu.throughput, r.tribu.fixedRate, ...r.multiNode.map((m) => m.throughput)];
    expect(runs).toHaveLength(6);
    for (const c of runs.map((x) => x.correctness)) {
      expect(c).toMatchObject({ errors: 0, duplicates: 0, outOfOrder: 0, missing: 0 });
      expect(c.delivered).toBeGreaterThan(0);
      expect(c.delivered).toBeGreaterThanOrEqual(c.acked);
    }
  });

  it('lets each request of the claims burst be won exactly once, as Postgres confirms', () => {
    expect(r.tribu.claims).toMatchObject({ requests: 12, helpers: 3, wonOnce: 12, storedOnce: 12, unexpected: 0 });
    expect(r.bare.claims).toMatchObject({ wonOnce: 12, unexpected: 0 });
  });

  it('prints a row per target with the baseline beside Tribu', () => {
    const table = renderTable(rows(r));
    for (const line of [
      'throughput',
      'p99',
      'RSS per idle visitor socket',
      'visitor connections/s',
      'claims',
      '2 nodes + Redis (classic)',
      '2 nodes + Redis (sharded)',
      'delivered once',
    ]) {
      expect(table).toContain(line);
    }
  });

  it('states how quiet the machine was before and during every test', () => {
    expect(r.quiet.map((q) => q.test)).toEqual([
      'bare throughput round 1',
      'tribu throughput round 1',
      'bare throughput round 2',
      'tribu throughput round 2',
      'bare idle connect',
      'bare fixed rate',
      'bare claims',
      'tribu idle connect',
      'tribu fixed rate',
      'tribu claims',
      'tribu × 2 nodes (classic adapter) throughput',
      'tribu × 2 nodes (sharded adapter) throughput',
    ]);
    const machine = renderMachine(r.quiet, 2);
    for (const [i, q] of r.quiet.entries()) {
      expect(q.before!.seconds).toBeGreaterThanOrEqual(2);
      expect(q.during.oursCores).toBeGreaterThan(0);
      // What is not ours of the busy time is the others' (each figure rounded to 0.01 on its own).
      expect(q.during.otherCores).toBeCloseTo(q.during.busyCores - q.during.oursCores, 1);
      // Each test's warnings are the verdict on its own figures; the load average counts only before the first.
      expect(q.warnings).toEqual(verdict(q.test, q, r.machine.cpus, i === 0));
      expect(machine).toContain(`${q.loadBefore.toFixed(2)} (bench ${q.benchLoadBefore.toFixed(2)})`);
    }
    expect(r.warnings).toEqual(r.quiet.flatMap((q) => q.warnings));
    expect(machine.split('\n')).toHaveLength(2 + 12 + 1 + r.warnings.length);
    expect(machine).toContain('tribu × 2 nodes (sharded adapter) throughput');
  });

  it('drops every database it created', async () => {
    expect(r.databases).toHaveLength(3);
    expect(await stillThere(r.databases)).toEqual([]);
  });
});

// The soak, end to end through the CLI, shortened: 30 s of load sampled every 5 s.
describe.skipIf(!services)('pnpm bench --soak, half a minute', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tribu-soak-test-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('samples the server’s memory each interval, fits its growth, loses no message and writes its JSON', async () => {
    const file = join(dir, 'soak.json');
    const args = ['--soak', '0.5', '--soak-sample', '5', '--soak-settle', '5', '--idle', '40', '--rate', '30', '--json', file];
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], {
      cwd: join(dirname(fileURLToPath(import.meta.url)), '..'),
      timeout: 100_000,
    });
    const r = JSON.parse(readFileSync(file, 'utf8')) as SoakResult;
    // 0.5 min × 60 s / 5 s: six samples, the first closing the warm-up.
    expect(r.samples.map((s) => Math.round(s.t / 5) * 5)).toEqual([5, 10, 15, 20, 25, 30]);
    expect(r.samples.every((s) => s.rssMb > 0 && s.heapUsedMb > 0 && s.quiet.during.seconds > 4)).toBe(true);
    // 40 idle visitors, 100 visitors in conversations, 25 helpers (4 conversations each).
    expect(r.atStart.sockets).toBe(165);
    expect(r.delivery).toMatchObject({ lost: 0, errors: 0, duplicates: 0, outOfOrder: 0 });
    expect(r.delivery.delivered).toBe(r.delivery.sent);
    expect(r.delivery.sent).toBeGreaterThanOrEqual(30 * 30);
    // The least-squares growth over every sample, per minute, to 0.01 MB.
    const fit = (y: (x: SoakResult['samples'][number]) => number) => Math.round(slope(r.samples.map((x) => ({ x: x.t / 60, y: y(x) }))) * 100) / 100;
    expect(r.slope).toEqual({ rssMbPerMin: fit((x) => x.rssMb), heapUsedMbPerMin: fit((x) => x.heapUsedMb) });
    expect(r.churn.errors).toBe(0);
    expect(r.churn.visitorsJoined).toBeGreaterThanOrEqual(20);
    expect(r.churn.visitorsLeft).toBe(r.churn.visitorsJoined);
    expect(r.churn.conversationsStarted).toBeGreaterThanOrEqual(4);
    expect(r.churn.conversationsEnded).toBe(r.churn.conversationsStarted);
    // After the load, against the first sample (end of warm-up), in percent to 0.1.
    const change = (now: number, then: number) => Math.round(((now - then) / then) * 1000) / 10;
    const rssChangePct = change(r.afterLoad.rssMb, r.samples[0]!.rssMb);
    const heapUsedChangePct = change(r.afterLoad.heapUsedMb, r.samples[0]!.heapUsedMb);
    expect(r.returned).toEqual({ rss: rssChangePct <= 10, heapUsed: heapUsedChangePct <= 10, rssChangePct, heapUsedChangePct, tolerancePct: 10 });
    for (const line of ['(warm-up end)', 'after load', 'growth after warm-up', ' 0 lost', `Results: ${file}`]) expect(stdout).toContain(line);
    expect(await stillThere(r.databases)).toEqual([]);
  }, 110_000);
});

it('parses options and refuses anything but loopback services', () => {
  expect(parseOptions(['--pairs', '30', '--duration', '3'])).toMatchObject({ pairs: 30, durationSec: 3, idle: 5000 });
  expect(() => parseOptions(['--pairs', '0'])).toThrow(/--pairs/);
  expect(() => parseOptions([], { DATABASE_URL: 'postgres://db.example.com/x' })).toThrow(/loopback/);
  expect(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).toContain('"bench"');
});
