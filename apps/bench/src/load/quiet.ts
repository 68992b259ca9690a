/**
 * How quiet the machine was while the bench measured: the load average, and the CPU that processes
 * other than the system under test used. "Ours" is the bench process and every process it started
 * (the servers and their descendants), plus Postgres and Redis (Tribu's backends, part of what is
 * measured; once the bench names its databases, a Postgres backend serving another database is
 * someone else's, e.g. another bench's); "other" is the busy CPU of the whole machine (/proc/stat: user + nice + system) minus
 * ours. Steal (CPU the hypervisor gave to someone else) is reported beside it. Interrupt time is left
 * out of both: on loopback it is mostly the bench's own traffic, which no process is charged for.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';

/** Average CPU (in cores) of other processes plus steal above which a test's figures are doubtful. */
export const OTHER_CORES_MAX = 0.15;
/** 1-minute load average not explained by the bench's own processes, per core, above which a test is doubtful. */
export const UNEXPLAINED_LOAD_PER_CORE_MAX = 0.5;
/** Processes counted as part of the system under test wherever they run (with their descendants). */
export const BACKENDS = ['postgres', 'redis-server'];

export interface CpuTicks {
  /** user + nice + system (user already includes guest time). */
  busy: number;
  steal: number;
  /** Every field of the line: busy, idle, iowait, irq, softirq, steal. */
  total: number;
}

/** The aggregate `cpu` line of /proc/stat. */
export function parseCpuTicks(procStat: string): CpuTicks {
  const line = procStat.split('\n').find((l) => l.startsWith('cpu '));
  if (!line) throw new Error('no cpu line in /proc/stat');
  const [user = 0, nice = 0, system = 0, idle = 0, iowait = 0, irq = 0, softirq = 0, steal = 0] = line.trim().split(/\s+/).slice(1).map(Number);
  return { busy: user + nice + system, steal, total: user + nice + system + idle + iowait + irq + softirq + steal };
}

export interface Proc {
  pid: number;
  comm: string;
  ppid: number;
  /** Clock ticks since boot when it started: with the pid, names a process even if pids are reused. */
  start: number;
  /** utime + stime + cutime + cstime: its own CPU and that of the children it reaped. */
  ticks: number;
  /** Postgres only: the process title (/proc/<pid>/cmdline), which names a backend's database. */
  title?: string;
}

/** One /proc/<pid>/stat line (the command name may hold spaces and parentheses). */
export function parsePidStat(text: string): Proc {
  const open = text.indexOf('(');
  const close = text.lastIndexOf(')');
  if (open < 0 || close < open) throw new Error(`not a /proc/<pid>/stat line: ${text.slice(0, 60)}`);
  // After ") ": state(0) ppid(1) … utime(11) stime(12) cutime(13) cstime(14) … starttime(19)
  const f = text
    .slice(close + 2)
    .trim()
    .split(' ')
    .map((x, i) => (i === 0 ? 0 : Number(x)));
  return { pid: Number(text.slice(0, open).trim()), comm: text.slice(open + 1, close), ppid: f[1]!, start: f[19]!, ticks: f[11]! + f[12]! + f[13]! + f[14]! };
}

/** The pids of the processes `root` picks and all their descendants. */
export function treeOf(procs: Proc[], root: (p: Proc) => boolean): Set<number> {
  const children = new Map<number, number[]>();
  for (const p of procs) children.set(p.ppid, [...(children.get(p.ppid) ?? []), p.pid]);
  const out = new Set<number>();
  const stack = procs.filter(root).map((p) => p.pid);
  while (stack.length) {
    const pid = stack.pop()!;
    if (out.has(pid)) continue;
    out.add(pid);
    stack.push(...(children.get(pid) ?? []));
  }
  return out;
}

/**
 * The database a Postgres backend serves, from its title ("postgres: 15/main: user db 127.0.0.1(5432) idle",
 * the cluster name optional); undefined for the postmaster and auxiliary processes.
 */
export function backendDatabase(title: string): string | undefined {
  return /^postgres: (?:[^ :]+: )?\S+ (\S+) (?:[\d.:a-f]+\(\d+\)|\[local\])/.exec(title)?.[1];
}

/**
 * The system under test: the bench process tree, Postgres and Redis. With `databases`, a Postgres
 * backend serving a database not in it is not ours.
 */
export function oursOf(procs: Proc[], benchPid: number, databases?: ReadonlySet<string>): Set<number> {
  const foreign = (p: Proc) => {
    const db = databases && p.comm === 'postgres' && p.title !== undefined ? backendDatabase(p.title) : undefined;
    return db !== undefined && !databases!.has(db);
  };
  return treeOf(
    procs.filter((p) => !foreign(p)),
    (p) => p.pid === benchPid || BACKENDS.includes(p.comm),
  );
}

export interface Snapshot {
  /** ms, performance-independent wall clock (Date.now()). */
  at: number;
  cpu: CpuTicks;
  procs: Proc[];
}

/** CPU use between two snapshots, in cores (CPU seconds per wall second). */
export interface CpuWindow {
  seconds: number;
  busyCores: number;
  oursCores: number;
  otherCores: number;
  stealCores: number;
}

const key = (p: Proc) => `${p.pid}:${p.start}`;
const round2 = (x: number) => Math.round(x * 100) / 100;

/**
 * What the machine did from `a` to `b`. Our processes are those of `b` (new ones counted from zero;
 * one that ended is counted through its parent's cutime once reaped). Ticks become cores through
 * the /proc/stat total, which advances by `cores` ticks per tick of wall time.
 */
export function cpuWindow(a: Snapshot, b: Snapshot, benchPid: number, cores: number, databases?: ReadonlySet<string>): CpuWindow {
  const before = new Map(a.procs.map((p) => [key(p), p.ticks]));
  const ours = oursOf(b.procs, benchPid, databases);
  let oursTicks = 0;
  for (const p of b.procs) if (ours.has(p.pid)) oursTicks += Math.max(0, p.ticks - (before.get(key(p)) ?? 0));
  const total = b.cpu.total - a.cpu.total;
  const busy = b.cpu.busy - a.cpu.busy;
  if (total <= 0) return { seconds: round2((b.at - a.at) / 1000), busyCores: 0, oursCores: 0, otherCores: 0, stealCores: 0 };
  const perCore = total / cores; // ticks of wall time
  const attributed = Math.min(oursTicks, busy);
  return {
    seconds: round2((b.at - a.at) / 1000),
    busyCores: round2(busy / perCore),
    oursCores: round2(attributed / perCore),
    otherCores: round2((busy - attributed) / perCore),
    stealCores: round2((b.cpu.steal - a.cpu.steal) / perCore),
  };
}

export interface Quietness {
  /** 1-minute load average when the window began and when it ended. */
  loadBefore: number;
  loadDuring: number;
  /** The part of `loadBefore` the bench's own processes explain (their CPU, averaged like the kernel's load). */
  benchLoadBefore: number;
  /** The ~2 s just before the test, and the test itself. */
  before: CpuWindow | null;
  during: CpuWindow;
}

export interface TestQuiet extends Quietness {
  test: string;
  warnings: string[];
}

/**
 * Why a test's figures may not be trusted; empty when the machine was quiet. The load average is
 * judged only before the first test (`first`): once the bench runs, its own processes queue for the
 * two cores and Postgres waits on fsync, which the load average counts but their CPU does not show,
 * so later tests are judged by what is measured directly: other processes' CPU and stolen time.
 */
export function verdict(test: string, q: Quietness, cores: number, first = true): string[] {
  const out: string[] = [];
  const noisy = (w: CpuWindow | null, when: string) => {
    if (w && w.otherCores + w.stealCores > OTHER_CORES_MAX) {
      out.push(
        `${test}: other processes used ${w.otherCores.toFixed(2)} cores${w.stealCores ? ` (+ ${w.stealCores.toFixed(2)} stolen)` : ''} ${when} (limit ${OTHER_CORES_MAX})`,
      );
    }
  };
  noisy(q.before, 'just before');
  noisy(q.during, 'during the test');
  const unexplained = q.loadBefore - q.benchLoadBefore;
  if (first && unexplained > UNEXPLAINED_LOAD_PER_CORE_MAX * cores) {
    out.push(
      `${test}: load average ${q.loadBefore.toFixed(2)} before, ${unexplained.toFixed(2)} of it not the bench's (limit ${UNEXPLAINED_LOAD_PER_CORE_MAX} per core = ${(UNEXPLAINED_LOAD_PER_CORE_MAX * cores).toFixed(2)})`,
    );
  }
  return out;
}

/** Exponential decay of the kernel's 1-minute load average per 5-second tick. */
export const LOAD_DECAY = Math.exp(-5 / 60);
/** One 5-second step of a 1-minute load-average-like mean of `value`. */
export const decayed = (mean: number, value: number) => mean * LOAD_DECAY + value * (1 - LOAD_DECAY);

function readProcs(): Proc[] {
  const out: Proc[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const p = parsePidStat(readFileSync(`/proc/${name}/stat`, 'utf8'));
      if (p.comm === 'postgres') p.title = readFileSync(`/proc/${name}/cmdline`, 'utf8').replace(/\0+/g, ' ').trim();
      out.push(p);
    } catch {
      // ended between the listing and the read
    }
  }
  return out;
}

export function snapshot(): Snapshot {
  return { at: Date.now(), cpu: parseCpuTicks(readFileSync('/proc/stat', 'utf8')), procs: readProcs() };
}

export const linuxProc = (() => {
  try {
    readFileSync('/proc/stat', 'utf8');
    return true;
  } catch {
    return false;
  }
})();

/**
 * Watches the machine for one bench run: a 5-second tick keeps a load-average-like mean of the CPU
 * our processes use (the part of the load average the bench explains); `watch` brackets a test.
 */
export class QuietMeter {
  readonly cores = cpus().length;
  private benchLoad = 0;
  private last: Snapshot | null = null;
  private timer: NodeJS.Timeout | undefined;
  readonly records: TestQuiet[] = [];
  /** The Postgres databases of the system under test; while empty, every Postgres process is ours. */
  readonly databases = new Set<string>();

  constructor(
    private readonly benchPid = process.pid,
    private readonly beforeMs = 2000,
  ) {}

  start(): this {
    if (!linuxProc || this.timer) return this;
    this.last = snapshot();
    this.timer = setInterval(() => {
      const now = snapshot();
      if (this.last) this.benchLoad = decayed(this.benchLoad, cpuWindow(this.last, now, this.benchPid, this.cores, this.dbs()).oursCores);
      this.last = now;
    }, 5000);
    this.timer.unref();
    return this;
  }

  private dbs(): ReadonlySet<string> | undefined {
    return this.databases.size ? this.databases : undefined;
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  /** Samples `beforeMs` of the machine, then opens the test's window; `end` closes and records it. */
  async open(): Promise<{ end: (test: string) => TestQuiet }> {
    const loadBefore = round2(loadavg()[0]!);
    const benchLoadBefore = round2(this.benchLoad);
    if (!linuxProc) {
      const none: CpuWindow = { seconds: 0, busyCores: 0, oursCores: 0, otherCores: 0, stealCores: 0 };
      return { end: (test) => this.keep({ test, loadBefore, loadDuring: round2(loadavg()[0]!), benchLoadBefore, before: null, during: none }) };
    }
    const a = snapshot();
    await new Promise((r) => setTimeout(r, this.beforeMs));
    const b = snapshot();
    const before = cpuWindow(a, b, this.benchPid, this.cores, this.dbs());
    return {
      end: (test) =>
        this.keep({
          test,
          loadBefore,
          loadDuring: round2(loadavg()[0]!),
          benchLoadBefore,
          before,
          during: cpuWindow(b, snapshot(), this.benchPid, this.cores, this.dbs()),
        }),
    };
  }

  /** A window with no sample before it (a soak minute follows the previous one). */
  mark(): { end: (test: string) => TestQuiet } {
    const loadBefore = round2(loadavg()[0]!);
    const benchLoadBefore = round2(this.benchLoad);
    const a = linuxProc ? snapshot() : null;
    return {
      end: (test) => {
        const during = a
          ? cpuWindow(a, snapshot(), this.benchPid, this.cores, this.dbs())
          : { seconds: 0, busyCores: 0, oursCores: 0, otherCores: 0, stealCores: 0 };
        return this.keep({ test, loadBefore, loadDuring: round2(loadavg()[0]!), benchLoadBefore, before: null, during });
      },
    };
  }

  /** Runs `fn` as the test `test`, with the machine watched before and during it. */
  async watch<T>(test: string, fn: () => Promise<T>): Promise<T> {
    const w = await this.open();
    try {
      return await fn();
    } finally {
      w.end(test);
    }
  }

  private keep(q: Quietness & { test: string }): TestQuiet {
    const r = { ...q, warnings: verdict(q.test, q, this.cores, this.records.length === 0) };
    this.records.push(r);
    return r;
  }
}
