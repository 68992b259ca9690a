import { execFile, execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freePort } from './server.ts';

const run = promisify(execFile);

/** Debian's Postgres server binaries (initdb, pg_ctl), newest version first. */
const binDir = (() => {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root).sort((a, b) => Number(b) - Number(a));
  return versions.map((v) => join(root, v, 'bin')).find((d) => existsSync(join(d, 'pg_ctl')));
})();

/**
 * Whether a scenario can run a Postgres of its own (it stops and starts it, so never the shared one).
 * Missing in CI (`CI=true`) fails; elsewhere the scenario says so and is skipped.
 */
export function ownPostgresAvailable(): boolean {
  if (binDir) return true;
  const msg = 'this scenario needs the Postgres server binaries (/usr/lib/postgresql/*/bin) — apt-get install postgresql';
  if (process.env.CI === 'true') throw new Error(`CI requires ${msg}`);
  console.warn(`\n⚠️  SKIPPED: ${msg}\n`);
  return false;
}

export interface OwnPostgres {
  /** Connection string of its empty database `tribu`. */
  url: string;
  /** `pg_ctl stop -m fast`: every connection is cut, new ones are refused. */
  stop(): Promise<void>;
  /** `pg_ctl start` again on the same port and data directory. */
  start(): Promise<void>;
  /** Stops it for good and removes its data directory. */
  close(): Promise<void>;
}

const isRoot = process.getuid?.() === 0;
/** Postgres refuses to run as root: as root, its tools run as the `postgres` user. */
const tool = (name: string, args: string[]) =>
  isRoot ? run('runuser', ['-u', 'postgres', '--', join(binDir!, name), ...args]) : run(join(binDir!, name), args);

/** A Postgres cluster of the scenario's own on a free port (trust auth, fsync off), stopped when this process exits. */
export async function ownPostgres(): Promise<OwnPostgres> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'tribu-e2e-pg-'));
  if (isRoot) {
    chmodSync(dir, 0o700);
    await run('chown', ['postgres:postgres', dir]);
  }
  const data = join(dir, 'data');
  const ctl = (...args: string[]) => tool('pg_ctl', ['-D', data, ...args]);
  const onExit = () => {
    const args = ['-D', data, 'stop', '-m', 'immediate'];
    try {
      if (isRoot) execFileSync('runuser', ['-u', 'postgres', '--', join(binDir!, 'pg_ctl'), ...args], { stdio: 'ignore' });
      else execFileSync(join(binDir!, 'pg_ctl'), args, { stdio: 'ignore' });
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
  const start = async () => {
    await ctl('-o', `-p ${port} -k /tmp -c listen_addresses=127.0.0.1 -c fsync=off`, '-l', join(dir, 'log'), '-w', 'start');
  };
  try {
    await tool('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '--no-sync', '-E', 'UTF8']);
    await start();
    await tool('createdb', ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', 'tribu']);
  } catch (e) {
    await close();
    throw e;
  }
  return {
    url: `postgres://postgres@127.0.0.1:${port}/tribu`,
    stop: async () => void (await ctl('stop', '-m', 'fast', '-w')),
    start,
    close,
  };
}
