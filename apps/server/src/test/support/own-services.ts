import { execFile, execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freePort } from './process.ts';

const run = promisify(execFile);

/** Polls `check` until it holds; fails with `what` after `ms` (a generous deadline, never an assertion on speed). */
export async function until(what: string, check: () => boolean | Promise<boolean>, ms = 20_000): Promise<void> {
  const deadline = Date.now() + ms;
  for (;;) {
    if (await check()) return;
    if (Date.now() > deadline) throw new Error(`timed out waiting for: ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = net.connect({ host: '127.0.0.1', port });
    s.once('connect', () => (s.destroy(), resolve(true)));
    s.once('error', () => resolve(false));
  });
}

/**
 * Whether the own-instance tests can run here. Missing binaries in CI (`CI=true`) throw: nothing
 * passes by being skipped there; elsewhere they say so loudly and skip.
 */
function need(what: string, ok: boolean): boolean {
  if (ok) return true;
  if (process.env.CI === 'true') throw new Error(`CI requires ${what}`);
  console.warn(`\n⚠️  SKIPPED: tests that need ${what}\n`);
  return false;
}

export interface OwnRedis {
  url: string;
  port: number;
  /** The running redis-server (null while stopped). */
  process(): ChildProcess | null;
  /** Kills the server (it keeps nothing: `--save "" --appendonly no`). */
  kill(signal?: NodeJS.Signals): Promise<void>;
  /** Starts it again on the same port. */
  start(): Promise<void>;
  /** Stops it for good (afterAll, also after a failure). */
  close(): Promise<void>;
}

const redisBin = ['/usr/bin/redis-server', '/usr/local/bin/redis-server'].find((p) => existsSync(p));
export const hasOwnRedis = need('redis-server (to run a Redis the test may kill)', redisBin !== undefined);

/** A redis-server of the test's own on a free port, which the test may kill and restart. */
export async function startOwnRedis(): Promise<OwnRedis> {
  const port = await freePort();
  let child: ChildProcess | null = null;
  const start = async () => {
    const proc = spawn(redisBin!, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
      stdio: 'ignore',
    });
    child = proc;
    proc.once('exit', () => {
      if (child === proc) child = null;
    });
    await until(`redis-server on ${port}`, () => accepts(port));
  };
  const kill = async (signal: NodeJS.Signals = 'SIGKILL') => {
    const proc = child;
    if (!proc || proc.exitCode !== null) return;
    const gone = new Promise<void>((r) => proc.once('exit', () => r()));
    proc.kill(signal);
    await gone;
    child = null;
  };
  // Should the test process end without its afterAll (a crash, a kill), the server goes with it.
  const onExit = () => (child as ChildProcess | null)?.kill('SIGKILL');
  process.once('exit', onExit);
  await start();
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    process: () => child,
    kill,
    start,
    close: async () => {
      process.off('exit', onExit);
      await kill('SIGKILL');
    },
  };
}

export interface OwnPostgres {
  /** Connection string of the test's database (`tribu`). */
  url: string;
  port: number;
  /** `pg_ctl stop` in the given mode: the nodes' connections are cut. */
  stop(mode?: 'fast' | 'immediate'): Promise<void>;
  /** `pg_ctl start` again on the same port and data directory. */
  start(): Promise<void>;
  /** Stops it and removes its data directory. */
  close(): Promise<void>;
}

const pgBinDir = (() => {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root).sort((a, b) => Number(b) - Number(a));
  return versions.map((v) => join(root, v, 'bin')).find((d) => existsSync(join(d, 'pg_ctl')));
})();
export const hasOwnPostgres = need('the Postgres server binaries (/usr/lib/postgresql/*/bin) to run a Postgres the test may stop', pgBinDir !== undefined);

const isRoot = process.getuid?.() === 0;
/** Postgres refuses to run as root: as root, run its tools as the `postgres` user. */
const pgTool = (tool: string, args: string[]) =>
  isRoot ? run('runuser', ['-u', 'postgres', '--', join(pgBinDir!, tool), ...args]) : run(join(pgBinDir!, tool), args);

/**
 * A Postgres of the test's own: initdb into a temp directory, started on a free port (trust auth,
 * fsync off), with an empty database `tribu`. The test may stop and start it again.
 */
export async function startOwnPostgres(): Promise<OwnPostgres> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'tribu-pg-'));
  if (isRoot) {
    // The postgres user must own the data directory (and reach it through the temp dir).
    chmodSync(dir, 0o700);
    await run('chown', ['postgres:postgres', dir]);
  }
  const data = join(dir, 'data');
  const log = join(dir, 'log');
  const ctl = (...args: string[]) => pgTool('pg_ctl', ['-D', data, ...args]);
  // pg_ctl starts Postgres as a daemon: should the test process end without its afterAll, stop it then.
  const onExit = () => {
    const args = ['-D', data, 'stop', '-m', 'immediate'];
    try {
      if (isRoot) execFileSync('runuser', ['-u', 'postgres', '--', join(pgBinDir!, 'pg_ctl'), ...args], { stdio: 'ignore' });
      else execFileSync(join(pgBinDir!, 'pg_ctl'), args, { stdio: 'ignore' });
    } catch {
      /* not running */
    }
    rmSync(dir, { recursive: true, force: true });
  };
  process.once('exit', onExit);
  const close = async () => {
    process.off('exit', onExit);
    await ctl('stop', '-m', 'immediate').catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await pgTool('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '--no-sync', '-E', 'UTF8']);
    const start = async () => {
      await ctl('-o', `-p ${port} -k /tmp -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off`, '-l', log, '-w', 'start');
    };
    await start();
    await pgTool('createdb', ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', 'tribu']);
    return {
      url: `postgres://postgres@127.0.0.1:${port}/tribu`,
      port,
      stop: async (mode = 'fast') => void (await ctl('stop', '-m', mode, '-w')),
      start,
      close,
    };
  } catch (e) {
    await close();
    throw e;
  }
}
