import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseOptions } from './options.ts';
import { renderTable, rows } from './report.ts';
import { runBench, type BenchResults } from './run.ts';

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
    expect(r.multiNode.map((m) => m.nodes)).toEqual([2]);
    expect(Object.keys(r.multiNode[0]!.throughput.cpuPerNode)).toEqual(['tribu-a', 'tribu-b']);
  }, 180_000);

  it('delivers every message once, in order, to the other side, with no error — on both servers and across nodes', () => {
    const runs = [r.bare.throughput, r.bare.fixedRate, r.tribu.throughput, r.tribu.fixedRate, r.multiNode[0]!.throughput];
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
    for (const line of ['throughput', 'p99', 'RSS per idle visitor socket', 'visitor connections/s', 'claims', '2 nodes + Redis', 'delivered once']) {
      expect(table).toContain(line);
    }
  });

  it('drops every database it created', async () => {
    expect(r.databases).toHaveLength(2);
    const pg = (await import('pg')).default;
    const c = new pg.Client({ connectionString: o.databaseUrl });
    await c.connect();
    const { rows: left } = await c.query(`select datname from pg_database where datname = any($1)`, [r.databases]);
    await c.end();
    expect(left).toEqual([]);
  });
});

it('parses options and refuses anything but loopback services', () => {
  expect(parseOptions(['--pairs', '30', '--duration', '3'])).toMatchObject({ pairs: 30, durationSec: 3, idle: 5000 });
  expect(() => parseOptions(['--pairs', '0'])).toThrow(/--pairs/);
  expect(() => parseOptions([], { DATABASE_URL: 'postgres://db.example.com/x' })).toThrow(/loopback/);
  expect(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).toContain('"bench"');
});
