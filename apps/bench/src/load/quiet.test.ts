import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseOptions } from '../options.ts';
import { renderMachine } from '../report.ts';
import { sampleTimes, slope } from '../scenarios/soak.ts';
import {
  backendDatabase,
  cpuWindow,
  decayed,
  oursOf,
  parseCpuTicks,
  parsePidStat,
  snapshot,
  treeOf,
  verdict,
  type Proc,
  type Quietness,
  type Snapshot,
} from './quiet.ts';

const proc = (pid: number, ppid: number, comm: string, ticks: number, start = 1): Proc => ({ pid, ppid, comm, ticks, start });

describe('machine quietness', () => {
  it('reads the aggregate cpu line of /proc/stat: busy is user + nice + system, steal apart', () => {
    const stat = 'cpu  18921 3 7173 20405 457 11 1036 998 0 0\ncpu0 9000 0 3000 10000 200 0 500 500 0 0\nintr 1 2 3\n';
    expect(parseCpuTicks(stat)).toEqual({ busy: 18921 + 3 + 7173, steal: 998, total: 18921 + 3 + 7173 + 20405 + 457 + 11 + 1036 + 998 });
    expect(() => parseCpuTicks('intr 1 2\n')).toThrow(/no cpu line/);
  });

  it('reads /proc/<pid>/stat, even with spaces and parentheses in the command name', () => {
    const line = '4242 (node (tsx) w 1) S 4200 4200 7338 0 -1 4194304 103 0 0 0 250 40 7 3 20 0 11 0 39654 2998272 422 18446744073709551615 0 0 0\n';
    expect(parsePidStat(line)).toEqual({ pid: 4242, comm: 'node (tsx) w 1', ppid: 4200, start: 39654, ticks: 250 + 40 + 7 + 3 });
    expect(() => parsePidStat('garbage')).toThrow(/not a \/proc/);
  });

  const procs = [
    proc(1, 0, 'init', 0),
    proc(50, 1, 'pnpm', 0),
    proc(100, 50, 'node', 0), // the bench
    proc(101, 100, 'node', 0), // a server it started
    proc(102, 101, 'esbuild', 0), // and that server's child
    proc(200, 1, 'postgres', 0),
    proc(201, 200, 'postgres', 0),
    proc(300, 1, 'redis-server', 0),
    proc(400, 1, 'chrome', 0),
    proc(401, 400, 'chrome', 0),
  ];

  it('builds process trees from ppid: the bench and its descendants, plus Postgres and Redis', () => {
    expect([...treeOf(procs, (p) => p.pid === 400)].sort((a, b) => a - b)).toEqual([400, 401]);
    expect([...oursOf(procs, 100)].sort((a, b) => a - b)).toEqual([100, 101, 102, 200, 201, 300]);
    expect([...oursOf(procs, 101)].sort((a, b) => a - b)).toEqual([101, 102, 200, 201, 300]);
  });

  it('reads the database of a Postgres backend from its title, and counts another database’s backends as other', () => {
    expect(backendDatabase('postgres: 15/main: postgres tribu_bench_ad55c89552 127.0.0.1(40620) idle')).toBe('tribu_bench_ad55c89552');
    expect(backendDatabase('postgres: app test [local] SELECT')).toBe('test');
    expect(backendDatabase('postgres: 15/main: bench x ::1(5432) idle in transaction')).toBe('x');
    expect(backendDatabase('postgres: 15/main: checkpointer')).toBeUndefined();
    expect(backendDatabase('postgres: 15/main: logical replication launcher')).toBeUndefined();
    expect(backendDatabase('/usr/lib/postgresql/15/bin/postgres -D /var/lib/postgresql/15/main')).toBeUndefined();
    const withTitles = [
      ...procs,
      { ...proc(202, 200, 'postgres', 0), title: 'postgres: 15/main: postgres mine 127.0.0.1(1) idle' },
      { ...proc(203, 200, 'postgres', 0), title: 'postgres: 15/main: postgres theirs 127.0.0.1(2) SELECT' },
      { ...proc(204, 200, 'postgres', 0), title: 'postgres: 15/main: walwriter' },
    ];
    const sorted = (s: Set<number>) => [...s].sort((a, b) => a - b);
    expect(sorted(oursOf(withTitles, 100, new Set(['mine'])))).toEqual([100, 101, 102, 200, 201, 202, 204, 300]);
    expect(sorted(oursOf(withTitles, 100))).toEqual([100, 101, 102, 200, 201, 202, 203, 204, 300]);
  });

  it('splits busy CPU into ours and other, counting new processes from zero and a reused pid as new', () => {
    const a: Snapshot = {
      at: 10_000,
      cpu: { busy: 5000, steal: 100, total: 20_000 },
      procs: [
        proc(100, 50, 'node', 100),
        proc(101, 100, 'node', 10),
        proc(102, 101, 'esbuild', 40, 7),
        proc(200, 1, 'postgres', 5),
        proc(400, 1, 'chrome', 100),
      ],
    };
    const b: Snapshot = {
      at: 12_000,
      // 400 ticks over 2 cores: 200 ticks of wall time (2 s at 100 Hz).
      cpu: { busy: 5300, steal: 120, total: 20_400 },
      procs: [
        proc(100, 50, 'node', 150), // +50
        proc(101, 100, 'node', 110), // +100
        proc(102, 101, 'esbuild', 10, 9), // same pid, another process: +10
        proc(500, 101, 'node', 20), // new: +20
        proc(200, 1, 'postgres', 15), // +10
        proc(400, 1, 'chrome', 200), // not ours
      ],
    };
    expect(cpuWindow(a, b, 100, 2)).toEqual({ seconds: 2, busyCores: 1.5, oursCores: 0.95, otherCores: 0.55, stealCores: 0.1 });
    // Ours can never exceed what the machine did (a child reaped in the window adds its whole life to cutime).
    const reaped = { ...b, procs: [proc(100, 50, 'node', 900)] };
    expect(cpuWindow(a, reaped, 100, 2)).toEqual({ seconds: 2, busyCores: 1.5, oursCores: 1.5, otherCores: 0, stealCores: 0.1 });
    expect(cpuWindow(a, a, 100, 2)).toEqual({ seconds: 0, busyCores: 0, oursCores: 0, otherCores: 0, stealCores: 0 });
  });

  const window = (other: number, steal = 0) => ({ seconds: 2, busyCores: 1, oursCores: 1 - other, otherCores: other, stealCores: steal });
  const quiet: Quietness = { loadBefore: 1.4, benchLoadBefore: 0.5, loadDuring: 1.9, before: window(0.02), during: window(0.15) };

  it('judges a test: other CPU above 0.15 cores before or during it, or (before the first test) load not the bench’s above 0.5 per core', () => {
    expect(verdict('tribu fixed rate', quiet, 2)).toEqual([]);
    expect(verdict('tribu fixed rate', { ...quiet, during: window(0.1, 0.06) }, 2)).toEqual([
      'tribu fixed rate: other processes used 0.10 cores (+ 0.06 stolen) during the test (limit 0.15)',
    ]);
    expect(verdict('bare claims', { ...quiet, before: window(0.4), loadBefore: 1.6 }, 2)).toEqual([
      'bare claims: other processes used 0.40 cores just before (limit 0.15)',
      "bare claims: load average 1.60 before, 1.10 of it not the bench's (limit 0.5 per core = 1.00)",
    ]);
    expect(verdict('one core', { ...quiet, loadBefore: 0.9, benchLoadBefore: 0.3 }, 1)).toEqual([
      "one core: load average 0.90 before, 0.60 of it not the bench's (limit 0.5 per core = 0.50)",
    ]);
    // Later tests: the bench's own queueing shows in the load average, not in its CPU; only CPU is judged.
    expect(verdict('bare claims', { ...quiet, before: window(0.4), loadBefore: 1.6 }, 2, false)).toEqual([
      'bare claims: other processes used 0.40 cores just before (limit 0.15)',
    ]);
    expect(verdict('one core', { ...quiet, loadBefore: 0.9, benchLoadBefore: 0.3 }, 1, false)).toEqual([]);
  });

  it('averages the bench’s own CPU like the kernel’s 1-minute load average (5 s ticks)', () => {
    expect(decayed(0, 1)).toBeCloseTo(1 - Math.exp(-1 / 12), 12);
    let mean = 0;
    for (let i = 0; i < 12; i++) mean = decayed(mean, 1);
    expect(mean).toBeCloseTo(1 - Math.exp(-1), 12);
    expect(decayed(2, 2)).toBeCloseTo(2, 12);
  });

  it('prints a machine section with a WARNING line per doubtful test', () => {
    const noisy = { ...quiet, during: window(0.3) };
    const text = renderMachine(
      [
        { ...quiet, test: 'bare throughput round 1', warnings: verdict('bare throughput round 1', quiet, 2) },
        { ...noisy, test: 'tribu throughput round 1', warnings: verdict('tribu throughput round 1', noisy, 2) },
      ],
      2,
    );
    const lines = text.split('\n');
    expect(lines[2]).toMatch(/^bare throughput round 1 +1\.40 \(bench 0\.50\) +1\.90 +0\.02 +0\.15 +✓$/);
    expect(lines[3]).toMatch(/^tribu throughput round 1 +1\.40 \(bench 0\.50\) +1\.90 +0\.02 +0\.30 +✗$/);
    expect(lines.filter((l) => l.startsWith('WARNING'))).toEqual([
      'WARNING: figures not to be trusted — tribu throughput round 1: other processes used 0.30 cores during the test (limit 0.15)',
    ]);
  });

  it.runIf(process.platform === 'linux')('finds this process among ours in a real snapshot', () => {
    // /proc/stat only counts up: the snapshot's totals lie between two readings taken around it.
    const read = () => parseCpuTicks(readFileSync('/proc/stat', 'utf8'));
    const before = read();
    const s = snapshot();
    const after = read();
    for (const k of ['busy', 'steal', 'total'] as const) {
      expect(s.cpu[k]).toBeGreaterThanOrEqual(before[k]);
      expect(s.cpu[k]).toBeLessThanOrEqual(after[k]);
    }
    expect(s.cpu.total).toBeGreaterThan(s.cpu.busy);
    expect(oursOf(s.procs, process.pid).has(process.pid)).toBe(true);
  });
});

describe('soak arithmetic', () => {
  it('fits a least-squares slope', () => {
    expect(
      slope([
        { x: 1, y: 10 },
        { x: 2, y: 12 },
        { x: 3, y: 14 },
      ]),
    ).toBe(2);
    expect(
      slope([
        { x: 0, y: 1 },
        { x: 1, y: 3 },
        { x: 2, y: 2 },
      ]),
    ).toBe(0.5);
    expect(slope([{ x: 1, y: 1 }])).toBeNaN();
    expect(
      slope([
        { x: 1, y: 1 },
        { x: 1, y: 2 },
      ]),
    ).toBeNaN();
  });

  it('samples once per whole interval of the load', () => {
    expect(sampleTimes(0.5, 5)).toEqual([5, 10, 15, 20, 25, 30]);
    expect(sampleTimes(2, 20)).toEqual([20, 40, 60, 80, 100, 120]);
    expect(sampleTimes(1, 7)).toEqual([7, 14, 21, 28, 35, 42, 49, 56]);
  });

  it('has soak defaults and refuses a soak shorter than two samples', () => {
    expect(parseOptions(['--soak', '2'])).toMatchObject({ soakMinutes: 2, soakSampleSec: 60, soakSettleSec: 30, idle: 2000, rate: 300, pairs: 100 });
    expect(parseOptions(['--soak', '0.5', '--soak-sample', '5', '--idle', '40', '--rate', '30'])).toMatchObject({
      soakMinutes: 0.5,
      soakSampleSec: 5,
      idle: 40,
      rate: 30,
    });
    expect(parseOptions([])).toMatchObject({ soakMinutes: null, idle: 5000, rate: 1000, pairs: 200 });
    expect(() => parseOptions(['--soak', '1', '--soak-sample', '31'])).toThrow(/two --soak-sample intervals/);
  });
});
