import { cpus, totalmem } from 'node:os';
import { performance } from 'node:perf_hooks';
import type { Socket } from 'socket.io-client';
import { command, connectVisitor, mintVisitors, pool } from '../load/clients.ts';
import { clientId, newRun, numberOf, openPairs, sendFrom, type Pair, type PairSet, type Side } from '../load/pairs.ts';
import { QuietMeter, type TestQuiet } from '../load/quiet.ts';
import { Latency, type Percentiles } from '../load/stats.ts';
import type { BenchOptions } from '../options.ts';
import { log } from '../run.ts';
import { startTribu, type TribuTarget } from '../server/targets.ts';
import { sleep } from './throughput.ts';

/** RSS and heap may end this much above their value after the warm-up and still count as returned. */
export const RETURN_TOLERANCE = 0.1;
/** A claimed conversation is ended (and a new one opened) this often. */
const ROTATE_EVERY_MS = 10_000;
/** Every this many seconds one arriving visitor asks a question, and gives up on it 3 s later. */
const ASK_EVERY_TICKS = 10;

export interface MemorySample {
  /** Seconds since the load began. */
  t: number;
  rssMb: number;
  heapUsedMb: number;
  heapTotalMb: number;
  externalMb: number;
  /** Sockets open at the sample (idle visitors, visitors in conversations, helpers). */
  sockets: number;
  /** Messages sent and delivered since the load began. */
  sent: number;
  delivered: number;
  /** Latency of the messages delivered during this interval. */
  latency: Percentiles;
  /** The machine during this interval. */
  quiet: TestQuiet;
}

export interface SoakDelivery {
  sent: number;
  acked: number;
  delivered: number;
  duplicates: number;
  outOfOrder: number;
  /** Refused or timed out. */
  errors: number;
  /** Sent, neither refused nor delivered once the load stopped and a drain period passed. */
  lost: number;
  firstError?: string;
}

export interface SoakResult {
  startedAt: string;
  machine: { cpus: number; model: string; memoryGb: number; node: string };
  options: { minutes: number; sampleSec: number; settleSec: number; idle: number; rate: number; pairs: number };
  /** Once everything was connected, just before the load. */
  atStart: Omit<MemorySample, 'quiet'>;
  /** One per interval; the first closes the warm-up. */
  samples: MemorySample[];
  /** Least-squares growth over the samples (warm-up excluded), MB per minute. */
  slope: { rssMbPerMin: number; heapUsedMbPerMin: number };
  /** Every socket closed, `settleSec` waited, GC'd. */
  afterLoad: { rssMb: number; heapUsedMb: number; heapTotalMb: number; externalMb: number };
  /** Whether RSS and heap came back within RETURN_TOLERANCE of the first sample (after the warm-up). */
  returned: { rss: boolean; heapUsed: boolean; rssChangePct: number; heapUsedChangePct: number; tolerancePct: number };
  delivery: SoakDelivery;
  churn: {
    visitorsJoined: number;
    visitorsLeft: number;
    conversationsStarted: number;
    conversationsEnded: number;
    errors: number;
    firstError?: string;
  };
  warnings: string[];
  databases: string[];
}

/** Least-squares slope of y over x; NaN with fewer than two distinct x. */
export function slope(points: { x: number; y: number }[]): number {
  const n = points.length;
  if (n < 2) return NaN;
  const mx = points.reduce((s, p) => s + p.x, 0) / n;
  const my = points.reduce((s, p) => s + p.y, 0) / n;
  const sxx = points.reduce((s, p) => s + (p.x - mx) ** 2, 0);
  if (sxx === 0) return NaN;
  return points.reduce((s, p) => s + (p.x - mx) * (p.y - my), 0) / sxx;
}

/** The sample times, in seconds: one per whole interval of the load. */
export function sampleTimes(minutes: number, sampleSec: number): number[] {
  const n = Math.floor((minutes * 60) / sampleSec + 1e-9);
  return Array.from({ length: n }, (_, i) => (i + 1) * sampleSec);
}

const mb = (b: number) => Math.round(b / 1e4) / 100;
const r2 = (x: number) => Math.round(x * 100) / 100;
const pct = (now: number, then: number) => (then > 0 ? Math.round(((now - then) / then) * 1000) / 10 : 0);

/**
 * Tribu on one node under a steady, churning load for `soakMinutes`: idle visitors leave and new
 * ones arrive every second, messages flow at a fixed rate across conversations that are themselves
 * ended and replaced. The server's memory after GC is sampled every interval: a leak shows as a
 * slope, and as memory that does not come back once every socket has gone.
 */
export async function runSoak(o: BenchOptions): Promise<SoakResult> {
  if (o.soakMinutes === null) throw new Error('runSoak needs --soak');
  newRun();
  const meter = new QuietMeter().start();
  const helperCount = Math.ceil(o.pairs / 4);
  const target: TribuTarget = await startTribu({
    services: { adminDatabaseUrl: o.databaseUrl, redisUrl: o.redisUrl },
    nodes: 1,
    helpers: helperCount,
    chatCap: 100_000,
  });
  const node = target.nodes[0]!;
  const databases = [new URL(target.databaseUrl).pathname.slice(1)];
  meter.databases.add(databases[0]!);
  let set: PairSet | undefined;
  const idle: Socket[] = [];
  const timers: NodeJS.Timeout[] = [];
  const inFlight = new Set<Promise<unknown>>();
  const track = (p: Promise<unknown>) => {
    inFlight.add(p);
    void p.finally(() => inFlight.delete(p));
  };
  try {
    log(`soak: opening ${o.pairs} conversations`);
    set = await openPairs(target, o.pairs, { visitorNode: node, helperNode: node });
    const pairs = set;
    log(`soak: connecting ${o.idle} idle visitor sockets`);
    const ids = await mintVisitors(target, node, o.idle);
    idle.push(...(await pool(o.idle, 32, (i) => connectVisitor(target, node, ids[i]!))));

    // Delivery bookkeeping, per pair: what is in flight and the last number each side received.
    const phase = 's';
    const d: SoakDelivery = { sent: 0, acked: 0, delivered: 0, duplicates: 0, outOfOrder: 0, errors: 0, lost: 0 };
    type State = { k: number; sent: Map<number, number>; last: Record<Side, number> };
    const state = new Map<Pair, State>();
    let interval = new Latency();
    const follow = (pair: Pair) => {
      const s: State = { k: 0, sent: new Map(), last: { visitor: -1, helper: -1 } };
      state.set(pair, s);
      pair.onMessage = (to, m) => {
        const k = numberOf(m, phase);
        if (k === undefined) return;
        const at = s.sent.get(k);
        if (at === undefined) return void d.duplicates++;
        s.sent.delete(k);
        if (k < s.last[to]) d.outOfOrder++;
        s.last[to] = k;
        d.delivered++;
        interval.record(performance.now() - at);
      };
    };
    const active = [...pairs.pairs];
    active.forEach(follow);
    const churn: SoakResult['churn'] = { visitorsJoined: 0, visitorsLeft: 0, conversationsStarted: 0, conversationsEnded: 0, errors: 0 };
    const churnFailed = (e: unknown) => {
      churn.errors++;
      churn.firstError ??= String(e);
    };
    let nextPair = o.pairs;
    let nextAsk = 0;
    const retiring = new Set<Pair>();
    const socketsOpen = () => idle.length + active.length + retiring.size + pairs.helpers.length;
    const memory = async (t: number) => {
      const m = await node.settledMemory();
      return {
        t: Math.round(t * 10) / 10,
        rssMb: mb(m.rss),
        heapUsedMb: mb(m.heapUsed),
        heapTotalMb: mb(m.heapTotal),
        externalMb: mb(m.external),
        sockets: socketsOpen(),
        sent: d.sent,
        delivered: d.delivered,
      };
    };

    const atStart = { ...(await memory(0)), latency: interval.summary() };
    let window = await meter.open();
    const start = performance.now();
    log(
      `soak: ${o.soakMinutes} min at ${o.rate} msg/s over ${o.pairs} conversations, ${o.idle} idle visitors; RSS ${atStart.rssMb} MB, heap ${atStart.heapUsedMb} MB`,
    );

    // Messages: open loop on schedule, round robin over the active pairs, alternating sides.
    let cursor = 0;
    timers.push(
      setInterval(() => {
        const due = Math.floor((o.rate * (performance.now() - start)) / 1000);
        for (; d.sent < due && active.length > 0;) {
          const pair = active[cursor++ % active.length]!;
          const s = state.get(pair)!;
          const k = s.k++;
          s.sent.set(k, performance.now());
          d.sent++;
          sendFrom(pair, k % 2 === 0 ? 'visitor' : 'helper', k, phase).then(
            () => d.acked++,
            (e: unknown) => {
              s.sent.delete(k);
              d.errors++;
              d.firstError ??= String(e);
            },
          );
        }
      }, 10),
    );

    // Visitors come and go: every second a few idle ones leave and as many new people arrive.
    const perTick = Math.max(1, Math.round(o.idle / 400));
    let tick = 0;
    let churning = false;
    timers.push(
      setInterval(() => {
        if (churning) return;
        churning = true;
        const ask = ++tick % ASK_EVERY_TICKS === 0;
        const work = (async () => {
          for (const s of idle.splice(0, perTick)) {
            s.disconnect();
            churn.visitorsLeft++;
          }
          const fresh = await mintVisitors(target, node, perTick);
          const joined = await Promise.all(fresh.map((id) => connectVisitor(target, node, id)));
          idle.push(...joined);
          churn.visitorsJoined += joined.length;
          const v = joined[0];
          if (ask && v) {
            // Someone asks and gives up before a helper comes: a conversation started and ended unclaimed.
            track(
              (async () => {
                const r = await command<{ conversation: { id: string } }>(v, 'conversation:start', {
                  clientId: clientId(0, `ask${nextAsk++}`),
                  text: 'Anyone there?',
                });
                churn.conversationsStarted++;
                await sleep(3000);
                await command(v, 'conversation:end', { conversationId: r.conversation.id });
                churn.conversationsEnded++;
              })().catch(churnFailed),
            );
          }
        })()
          .catch(churnFailed)
          .finally(() => (churning = false));
        track(work);
      }, 1000),
    );

    // Conversations end: the oldest one stops, drains, is ended by its visitor; a new one is opened.
    timers.push(
      setInterval(() => {
        const old = active.shift();
        if (!old) return;
        retiring.add(old);
        const s = state.get(old)!;
        track(
          (async () => {
            const fresh = await pairs.add(nextPair++);
            follow(fresh);
            active.push(fresh);
            churn.conversationsStarted++;
            const until = performance.now() + 10_000;
            while (s.sent.size > 0 && performance.now() < until) await sleep(20);
            await pairs.end(old);
            churn.conversationsEnded++;
          })()
            .catch(churnFailed)
            .finally(() => retiring.delete(old)),
        );
      }, ROTATE_EVERY_MS),
    );

    const samples: MemorySample[] = [];
    for (const at of sampleTimes(o.soakMinutes, o.soakSampleSec)) {
      await sleep(Math.max(0, start + at * 1000 - performance.now()));
      const quiet = window.end(`soak ${at} s`);
      const latency = interval.summary();
      interval = new Latency();
      const m = await memory((performance.now() - start) / 1000);
      samples.push({ ...m, latency, quiet });
      window = meter.mark();
      const other = quiet.during.otherCores + quiet.during.stealCores;
      log(
        `soak ${(at / 60).toFixed(2)} min: RSS ${m.rssMb} MB, heap ${m.heapUsedMb} MB, ${m.sockets} sockets, ${m.sent} sent ${m.delivered} delivered, p99 ${latency.p99} ms, other CPU ${other.toFixed(2)} cores, load ${quiet.loadDuring}`,
      );
      for (const w of quiet.warnings) log(`WARNING ${w}`);
    }
    timers.splice(0).forEach(clearInterval);
    log('soak: load stopped; draining');
    const drainUntil = performance.now() + 15_000;
    const pending = () => [...state.values()].reduce((n, s) => n + s.sent.size, 0);
    while ((pending() > 0 || inFlight.size > 0) && performance.now() < drainUntil) await sleep(50);
    await sleep(200);
    d.lost = pending();

    pairs.close();
    idle.splice(0).forEach((s) => s.disconnect());
    log(`soak: every socket closed; waiting ${o.soakSettleSec} s`);
    await sleep(o.soakSettleSec * 1000);
    const end = await node.settledMemory();
    const afterLoad = { rssMb: mb(end.rss), heapUsedMb: mb(end.heapUsed), heapTotalMb: mb(end.heapTotal), externalMb: mb(end.external) };
    const warm = samples[0]!;
    const from = samples.map((s) => ({ minutes: s.t / 60, s }));
    const rssChangePct = pct(afterLoad.rssMb, warm.rssMb);
    const heapUsedChangePct = pct(afterLoad.heapUsedMb, warm.heapUsedMb);
    return {
      startedAt: new Date().toISOString(),
      machine: { cpus: cpus().length, model: cpus()[0]?.model ?? '', memoryGb: Math.round(totalmem() / 1e9), node: process.version },
      options: { minutes: o.soakMinutes, sampleSec: o.soakSampleSec, settleSec: o.soakSettleSec, idle: o.idle, rate: o.rate, pairs: o.pairs },
      atStart,
      samples,
      slope: {
        rssMbPerMin: r2(slope(from.map(({ minutes, s }) => ({ x: minutes, y: s.rssMb })))),
        heapUsedMbPerMin: r2(slope(from.map(({ minutes, s }) => ({ x: minutes, y: s.heapUsedMb })))),
      },
      afterLoad,
      returned: {
        rss: rssChangePct <= RETURN_TOLERANCE * 100,
        heapUsed: heapUsedChangePct <= RETURN_TOLERANCE * 100,
        rssChangePct,
        heapUsedChangePct,
        tolerancePct: RETURN_TOLERANCE * 100,
      },
      delivery: d,
      churn,
      warnings: meter.records.flatMap((q) => q.warnings),
      databases,
    };
  } finally {
    meter.stop();
    timers.forEach(clearInterval);
    set?.close();
    idle.forEach((s) => s.disconnect());
    await target.stop();
  }
}
