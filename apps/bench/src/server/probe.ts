/**
 * Preloaded (`--import`) into every server process the bench starts, Tribu's and the bare one, so
 * both are measured the same way without any code in the server itself: event-loop delay, and RSS
 * or the whole of process.memoryUsage() after a full GC, asked for over the IPC channel.
 */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { monitorEventLoopDelay } from 'node:perf_hooks';

export type ProbeRequest = { id: number; type: 'eld:reset' | 'eld:read' | 'gc:rss' | 'heap' | 'prof:start' } | { id: number; type: 'prof:stop'; path: string };
export type ProbeReply = { id: number; eld?: EventLoopDelay; rss?: number; memory?: NodeJS.MemoryUsage; error?: string };
export interface EventLoopDelay {
  p50: number;
  p99: number;
  max: number;
  mean: number;
}

const RESOLUTION_MS = 10;
const delay = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
delay.enable();
// The histogram holds the time between two ticks of a 10 ms timer: the delay is what exceeds 10 ms.
const ms = (ns: number) => Math.max(0, Math.round(ns / 1e4) / 100 - RESOLUTION_MS);

// The same V8 sampling profiler as `--cpu-prof`, but only over the window the bench asks for
// (startup and TypeScript loading would otherwise dominate the profile).
let session: Session | undefined;
async function profile(req: ProbeRequest): Promise<void> {
  if (req.type === 'prof:start') {
    session = new Session();
    session.connect();
    await session.post('Profiler.enable');
    await session.post('Profiler.setSamplingInterval', { interval: 200 });
    await session.post('Profiler.start');
  } else if (req.type === 'prof:stop' && session) {
    const { profile: p } = await session.post('Profiler.stop');
    writeFileSync(req.path, JSON.stringify(p));
    session.disconnect();
    session = undefined;
  }
}

process.on('message', (raw) => {
  const req = raw as ProbeRequest;
  if (typeof req?.id !== 'number') return;
  const reply: ProbeReply = { id: req.id };
  if (req.type === 'prof:start' || req.type === 'prof:stop') {
    profile(req).then(
      () => process.send?.(reply),
      (e: unknown) => process.send?.({ ...reply, error: String(e) }),
    );
    return;
  }
  if (req.type === 'eld:reset') delay.reset();
  if (req.type === 'eld:read') {
    reply.eld = { p50: ms(delay.percentile(50)), p99: ms(delay.percentile(99)), max: ms(delay.max), mean: Math.round(ms(delay.mean) * 100) / 100 };
  }
  if (req.type === 'gc:rss' || req.type === 'heap') {
    // Two passes: the first frees, the second collects what finalisers released.
    (globalThis as { gc?: () => void }).gc?.();
    (globalThis as { gc?: () => void }).gc?.();
    const memory = process.memoryUsage();
    reply.rss = memory.rss;
    if (req.type === 'heap') reply.memory = memory;
  }
  process.send?.(reply);
});
// The IPC channel must not keep a server alive after it closed its listeners.
process.channel?.unref();
