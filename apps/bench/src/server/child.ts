import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import net from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { EventLoopDelay, ProbeReply, ProbeRequest } from './probe.ts';

const probePath = join(dirname(fileURLToPath(import.meta.url)), 'probe.ts');

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

export interface ServerChild {
  name: string;
  url: string;
  pid: number;
  /** Resident memory now, from /proc (includes everything the process holds). */
  rss(): number;
  /** RSS after two full GCs, asked of the process itself. */
  settledRss(): Promise<number>;
  /** process.memoryUsage() after two full GCs (heap used, RSS, external…), asked of the process. */
  settledMemory(): Promise<NodeJS.MemoryUsage>;
  /** CPU seconds (user + system) the process has used so far. */
  cpuSeconds(): number;
  resetEventLoopDelay(): Promise<void>;
  /** Starts the V8 CPU profiler in the process; `stopProfile` writes a .cpuprofile file. */
  startProfile(): Promise<void>;
  stopProfile(path: string): Promise<void>;
  eventLoopDelay(): Promise<EventLoopDelay>;
  output(): string;
  stop(): Promise<void>;
}

export interface SpawnOptions {
  name: string;
  script: string;
  cwd: string;
  env: Record<string, string>;
  port: number;
  /** Path answering 200 once the server is ready. */
  readyPath: string;
}

/** Starts a Node server process with the probe preloaded and waits until it answers. */
export async function spawnServer(o: SpawnOptions): Promise<ServerChild> {
  const args = ['--expose-gc', '--import', 'tsx', '--import', probePath];
  const child = spawn(process.execPath, [...args, o.script], {
    cwd: o.cwd,
    env: { PATH: process.env.PATH ?? '', ...o.env },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  let out = '';
  const keep = (d: Buffer) => {
    out = (out + d.toString()).slice(-20_000);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  const url = `http://127.0.0.1:${o.port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${o.name} exited early (${child.exitCode}):\n${out}`);
    if (
      await fetch(url + o.readyPath).then(
        (r) => r.ok,
        () => false,
      )
    )
      break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`${o.name} not ready within 60 s:\n${out}`);
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  const ask = ipc(child);
  const pid = child.pid!;
  return {
    name: o.name,
    url,
    pid,
    rss: () => procRss(pid),
    settledRss: async () => (await ask({ type: 'gc:rss' })).rss ?? procRss(pid),
    settledMemory: async () => {
      const r = await ask({ type: 'heap' });
      if (!r.memory) throw new Error(`${o.name}: the probe gave no memory figures`);
      return r.memory;
    },
    cpuSeconds: () => procCpu(pid),
    resetEventLoopDelay: async () => {
      await ask({ type: 'eld:reset' });
    },
    eventLoopDelay: async () => (await ask({ type: 'eld:read' })).eld!,
    startProfile: async () => {
      const r = await ask({ type: 'prof:start' });
      if (r.error) throw new Error(r.error);
    },
    stopProfile: async (path) => {
      const r = await ask({ type: 'prof:stop', path });
      if (r.error) throw new Error(r.error);
    },
    output: () => out,
    stop: async () => {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

function ipc(child: ChildProcess) {
  let next = 1;
  const waiting = new Map<number, (r: ProbeReply) => void>();
  child.on('message', (m) => {
    const r = m as ProbeReply;
    waiting.get(r.id)?.(r);
    waiting.delete(r.id);
  });
  type Request = ProbeRequest extends infer R ? (R extends ProbeRequest ? Omit<R, 'id'> : never) : never;
  return (req: Request) =>
    new Promise<ProbeReply>((resolve, reject) => {
      const id = next++;
      const type = req.type;
      const timer = setTimeout(() => {
        waiting.delete(id);
        reject(new Error(`probe ${type}: no answer within 10 s`));
      }, 10_000);
      waiting.set(id, (r) => {
        clearTimeout(timer);
        resolve(r);
      });
      child.send({ ...req, id } as ProbeRequest);
    });
}

function procRss(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) * 1024 : 0;
}

const TICKS = 100; // USER_HZ on Linux
function procCpu(pid: number): number {
  // Fields after the command name (which may contain spaces): utime is the 12th, stime the 13th.
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(rest[11]) + Number(rest[12])) / TICKS;
}
