import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeEach } from 'vitest';

// Resolved from this file, so the suite runs from any checkout, not only /work/main.
const serverDir = resolve(dirname(fileURLToPath(import.meta.url)), '../../../server');
const READY_TIMEOUT_MS = 60_000;
const KILL_AFTER_MS = 5_000;

/** A port nobody listens on right now: the OS picks one, we release it for the server. */
function freePort(): Promise<number> {
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
  /** Everything the process printed (stdout and stderr, interleaved). */
  output(): string;
  stop(): Promise<void>;
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
  let out = '';
  let err = '';
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: serverDir,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? tmpdir(),
      PORT: String(port),
      HOST: '127.0.0.1',
      PUBLIC_URL: url,
      DATA_DIR: dataDir,
      SEED_DEMO: 'true',
      LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => {
    out += d.toString();
    err += d.toString();
  });
  let spawnError: Error | null = null;
  child.once('error', (e) => (spawnError = e));
  const exited = new Promise<void>((r) => child.once('exit', () => r()));

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const t = setTimeout(() => child.kill('SIGKILL'), KILL_AFTER_MS);
      await exited;
      clearTimeout(t);
    }
    rmSync(dataDir, { recursive: true, force: true });
  };

  const deadline = Date.now() + READY_TIMEOUT_MS;
  for (;;) {
    if (spawnError) throw new Error(`Tribu could not be started: ${String(spawnError)}`);
    if (child.exitCode !== null) {
      await stop();
      throw new Error(`Tribu exited with code ${child.exitCode} during start-up. Output:\n${out}`);
    }
    const ready = await fetch(`${url}/readyz`, { signal: AbortSignal.timeout(2_000) }).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ready) break;
    if (Date.now() > deadline) {
      await stop();
      throw new Error(
        `Tribu did not answer 200 on ${url}/readyz within ${READY_TIMEOUT_MS / 1000} s.\n` +
          `stderr:\n${err || '(empty)'}\nstdout+stderr:\n${out || '(empty)'}`,
      );
    }
    await new Promise((r) => setTimeout(r, 250)); // polling interval, not a wait for behaviour
  }
  return { url, output: () => out, stop };
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
