import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeEach } from 'vitest';

// Resolved from this file, so the suite runs from any checkout, not only /work/main.
const serverDir = resolve(dirname(fileURLToPath(import.meta.url)), '../../../server');
// A busy machine (demo seeding under tsx on two shared cores) has taken 50–60 s; the hook allows 90 s.
const READY_TIMEOUT_MS = 85_000;
const KILL_AFTER_MS = 5_000;

/** A port nobody listens on right now: the OS picks one, we release it for the server. */
export function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const s = net.createServer();
    s.once('error', rej);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => res(port));
    });
  });
}

export interface RunningServer {
  url: string;
  /** Everything the process printed (stdout and stderr, interleaved), across restarts. */
  output(): string;
  /**
   * Stops the process (SIGTERM), runs `onDown` while nothing listens, then starts it again on the
   * same port and DATA_DIR (same database and SECRET, so visitor tokens and sessions stay valid).
   */
  restart(opts?: { onDown?: () => Promise<void> }): Promise<void>;
  /** SIGTERM, SIGKILL after 5 s, then removes the DATA_DIR. */
  stop(): Promise<void>;
}

interface Proc {
  /** Resolves once the process is gone; sends SIGTERM, then SIGKILL after 5 s. */
  kill(): Promise<void>;
  exitCode(): number | null;
  spawnError(): Error | null;
  stderr(): string;
}

function spawnTribu(env: Record<string, string>, log: (s: string) => void): Proc {
  let err = '';
  let spawnError: Error | null = null;
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: serverDir,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.on('data', (d: Buffer) => log(d.toString()));
  child.stderr.on('data', (d: Buffer) => {
    log(d.toString());
    err += d.toString();
  });
  child.once('error', (e) => (spawnError = e));
  const exited = new Promise<void>((r) => child.once('close', () => r()));
  return {
    kill: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const t = setTimeout(() => child.kill('SIGKILL'), KILL_AFTER_MS);
        await exited;
        clearTimeout(t);
      }
    },
    exitCode: () => child.exitCode,
    spawnError: () => spawnError,
    stderr: () => err,
  };
}

async function waitReady(url: string, proc: Proc, output: () => string): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  for (;;) {
    const spawnError = proc.spawnError();
    if (spawnError) throw new Error(`Tribu could not be started: ${String(spawnError)}`);
    if (proc.exitCode() !== null) {
      throw new Error(`Tribu exited with code ${proc.exitCode()} during start-up. Output:\n${output()}`);
    }
    const ready = await fetch(`${url}/readyz`, { signal: AbortSignal.timeout(2_000) }).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ready) return;
    if (Date.now() > deadline) {
      await proc.kill();
      throw new Error(
        `Tribu did not answer 200 on ${url}/readyz within ${READY_TIMEOUT_MS / 1000} s.\n` +
          `stderr:\n${proc.stderr() || '(empty)'}\nstdout+stderr:\n${output() || '(empty)'}`,
      );
    }
    await new Promise((r) => setTimeout(r, 250)); // polling interval, not a wait for behaviour
  }
}

/**
 * Starts Tribu as `pnpm start` does — a real process on the embedded database with demo data —
 * on a free port and a fresh DATA_DIR, and waits until `/readyz` answers 200.
 * `env` adds or overrides variables (e.g. DATABASE_URL); nothing else leaks in from this process.
 */
export async function startServer(env: Record<string, string> = {}): Promise<RunningServer> {
  const port = await freePort();
  const url = `http://localhost:${port}`;
  const dataDir = mkdtempSync(join(tmpdir(), 'tribu-e2e-'));
  const fullEnv: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? tmpdir(),
    PORT: String(port),
    HOST: '127.0.0.1',
    PUBLIC_URL: url,
    DATA_DIR: dataDir,
    SEED_DEMO: 'true',
    LOG_LEVEL: 'warn',
    // Every person of a scenario connects from the same loopback address, where real ones come from many: the
    // per-address connection rate (60 a minute by default) would throttle a busy scenario's own pages and reloads.
    // refused-handshakes.test.ts sets its own, low, rate to prove the refusal.
    CONNECTION_RATE: '100000',
    ...env,
  };
  let out = '';
  const output = () => out;
  const launch = async () => {
    const proc = spawnTribu(fullEnv, (s) => (out += s));
    await waitReady(url, proc, output);
    return proc;
  };
  let proc: Proc;
  try {
    proc = await launch();
  } catch (e) {
    rmSync(dataDir, { recursive: true, force: true });
    throw e;
  }
  return {
    url,
    output,
    restart: async ({ onDown } = {}) => {
      await proc.kill();
      out += '\n--- restarted by the test ---\n';
      await onDown?.();
      proc = await launch();
    },
    stop: async () => {
      await proc.kill();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** When a test fails, print what the server said, so a red run explains itself. */
export function printServerOutputOnFailure(server: () => RunningServer | undefined): void {
  beforeEach(({ onTestFailed }) => {
    onTestFailed(() => {
      const text = server()?.output() ?? '';
      console.error(`\n--- Tribu server output (last 6000 chars) ---\n${text.slice(-6000) || '(nothing)'}\n---`);
    });
  });
}
