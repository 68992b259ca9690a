import { performance } from 'node:perf_hooks';
import { Latency, type Percentiles } from '../load/stats.ts';
import { numberOf, sendFrom, type Pair, type Side } from '../load/pairs.ts';
import type { EventLoopDelay } from '../server/probe.ts';
import type { ServerChild } from '../server/child.ts';

export interface Correctness {
  /** Messages acknowledged to their sender. */
  acked: number;
  /** Deliveries to the other side of the pair (each counted once). */
  delivered: number;
  duplicates: number;
  outOfOrder: number;
  /** Acknowledged but never delivered to the other side (after a drain period). */
  missing: number;
  /** Sends refused or timed out. */
  errors: number;
  firstError?: string;
}

export interface ThroughputResult {
  pairs: number;
  durationSec: number;
  /** Messages delivered to the other side per second, both directions. */
  messagesPerSec: number;
  latency: Percentiles;
  correctness: Correctness;
  /** Event-loop delay of each server node during the run. */
  eventLoopDelay: Record<string, EventLoopDelay>;
  /** CPU seconds each server node used per wall second during the run. */
  cpuPerNode: Record<string, number>;
  /** CPU the load generator (this process) used per wall second: near 1, it may be the limit. */
  loadGeneratorCpu: number;
  /** With several rounds: each round's messages/s (the figures above are the median round's). */
  rounds?: number[];
}

/** The median round by messages/s, with the correctness counts of every round added up. */
export function medianRound(list: ThroughputResult[]): ThroughputResult {
  const sorted = [...list].sort((a, b) => a.messagesPerSec - b.messagesPerSec);
  const median = sorted[Math.floor((sorted.length - 1) / 2)]!;
  const c = list.map((r) => r.correctness);
  const sum = (k: 'acked' | 'delivered' | 'duplicates' | 'outOfOrder' | 'missing' | 'errors') => c.reduce((n, x) => n + x[k], 0);
  const firstError = c.find((x) => x.firstError)?.firstError;
  return {
    ...median,
    durationSec: list.reduce((n, r) => n + r.durationSec, 0),
    rounds: list.map((r) => r.messagesPerSec),
    correctness: {
      acked: sum('acked'),
      delivered: sum('delivered'),
      duplicates: sum('duplicates'),
      outOfOrder: sum('outOfOrder'),
      missing: sum('missing'),
      errors: sum('errors'),
      ...(firstError ? { firstError } : {}),
    },
  };
}

/**
 * Closed loop: each pair has exactly one message in flight; the visitor writes, the helper answers
 * the moment it arrives, and so on, until the duration is up. Every message is checked: delivered
 * once, in order, to the other side.
 */
export async function throughput(pairs: Pair[], nodes: ServerChild[], durationMs: number, phase: string): Promise<ThroughputResult> {
  const latency = new Latency();
  const c: Correctness = { acked: 0, delivered: 0, duplicates: 0, outOfOrder: 0, missing: 0, errors: 0 };
  let inWindow = 0;
  let inFlight = 0;
  await Promise.all(nodes.map((n) => n.resetEventLoopDelay()));
  const cpu0 = nodes.map((n) => n.cpuSeconds());
  const own0 = process.cpuUsage();
  const start = performance.now();
  const deadline = start + durationMs;

  const sentAt = new Map<Pair, number>();
  const expected = new Map<Pair, number>();
  const send = (pair: Pair, side: Side, k: number) => {
    sentAt.set(pair, performance.now());
    expected.set(pair, k);
    inFlight++;
    sendFrom(pair, side, k, phase).then(
      () => c.acked++,
      (e: unknown) => {
        c.errors++;
        inFlight--;
        c.firstError ??= String(e);
      },
    );
  };
  for (const pair of pairs) {
    pair.onMessage = (to, m) => {
      const now = performance.now();
      const k = numberOf(m, phase);
      if (k === undefined) return; // late from the warm-up
      const want = expected.get(pair);
      if (want === undefined || k < want) return void c.duplicates++;
      if (k > want || (k % 2 === 0) !== (to === 'helper')) return void c.outOfOrder++;
      expected.delete(pair);
      inFlight--;
      c.delivered++;
      latency.record(now - sentAt.get(pair)!);
      if (now <= deadline) {
        inWindow++;
        send(pair, to, k + 1);
      }
    };
  }
  pairs.forEach((p) => send(p, 'visitor', 0));
  await sleep(durationMs);
  const wall = (performance.now() - start) / 1000;
  const cpu = nodes.map((n, i) => n.cpuSeconds() - cpu0[i]!);
  const own = process.cpuUsage(own0);
  const eld = await Promise.all(nodes.map((n) => n.eventLoopDelay()));
  // Drain: what was sent before the deadline must still arrive.
  const drainUntil = performance.now() + 10_000;
  while (inFlight > 0 && performance.now() < drainUntil) await sleep(20);
  await sleep(100); // late duplicates would show up here
  c.missing = Math.max(0, c.acked - c.delivered);
  for (const p of pairs) p.onMessage = null;
  return {
    pairs: pairs.length,
    durationSec: durationMs / 1000,
    messagesPerSec: Math.round(inWindow / (durationMs / 1000)),
    latency: latency.summary(),
    correctness: c,
    eventLoopDelay: Object.fromEntries(nodes.map((n, i) => [n.name, eld[i]!])),
    cpuPerNode: Object.fromEntries(nodes.map((n, i) => [n.name, Math.round((cpu[i]! / wall) * 100) / 100])),
    loadGeneratorCpu: Math.round(((own.user + own.system) / 1e6 / wall) * 100) / 100,
  };
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
