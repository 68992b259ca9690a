import { mkdirSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { newRun, openPairs, type PairSet } from './load/pairs.ts';
import { QuietMeter, type TestQuiet } from './load/quiet.ts';
import type { BenchOptions } from './options.ts';
import { claimsBurst, type ClaimsResult } from './scenarios/claims.ts';
import { fixedRate, type FixedRateResult } from './scenarios/fixed-rate.ts';
import { connectIdle, type IdleResult } from './scenarios/idle.ts';
import { summariseProfile, type ProfileSummary } from './scenarios/profile.ts';
import { medianRound, throughput, type ThroughputResult } from './scenarios/throughput.ts';
import { startBare, startTribu, type Target } from './server/targets.ts';

export interface TargetResults {
  throughput: ThroughputResult;
  idle: IdleResult;
  fixedRate: FixedRateResult;
  claims: ClaimsResult;
}

export interface MultiNodeResult {
  nodes: number;
  /** The Redis adapter the nodes used. */
  adapter: 'classic' | 'sharded';
  throughput: ThroughputResult;
}

export interface BenchResults {
  startedAt: string;
  machine: { cpus: number; model: string; memoryGb: number; node: string };
  options: Omit<BenchOptions, 'databaseUrl' | 'redisUrl'>;
  bare: TargetResults;
  tribu: TargetResults;
  multiNode: MultiNodeResult[];
  profile: ProfileSummary | null;
  /** The Postgres databases the run created (each dropped at its end). */
  databases: string[];
  /** How quiet the machine was before and during each test. */
  quiet: TestQuiet[];
  /** Why some figures may not be trusted (other processes busy, high load): empty on a quiet machine. */
  warnings: string[];
}

export const log = (msg: string) => console.error(`[bench ${new Date().toISOString().slice(11, 19)}] ${msg}`);

/** Runs every test on the bare baseline, then on Tribu, then Tribu on several nodes. */
export async function runBench(o: BenchOptions, resultsDir: string): Promise<BenchResults> {
  newRun();
  const meter = new QuietMeter().start();
  try {
    return await measure(o, resultsDir, meter);
  } finally {
    meter.stop();
  }
}

async function measure(o: BenchOptions, resultsDir: string, meter: QuietMeter): Promise<BenchResults> {
  /** A test, with the machine watched for 2 s before it and during it. */
  const watch = async <T>(test: string, fn: () => Promise<T>): Promise<T> => {
    const result = await meter.watch(test, fn);
    for (const w of meter.records.at(-1)?.warnings ?? []) log(`WARNING ${w}`);
    return result;
  };
  const services = { adminDatabaseUrl: o.databaseUrl, redisUrl: o.redisUrl };
  const pairHelpers = Math.ceil(o.pairs / 4);
  const helpers = pairHelpers + o.claimHelpers;
  // Claims and pairs in one site: a helper may hold every chat a test gives them.
  const chatCap = 100_000;
  const durationMs = o.durationSec * 1000;
  mkdirSync(resultsDir, { recursive: true });
  let profile: ProfileSummary | null = null;
  const databases: string[] = [];
  const dbName = (t: { databaseUrl: string }) => {
    const name = new URL(t.databaseUrl).pathname.slice(1);
    databases.push(name);
    meter.databases.add(name);
  };

  /** Everything after the throughput test, for one target: idle sockets, fixed rate, claims. */
  const rest = async (target: Target, set: PairSet, thr: ThroughputResult): Promise<TargetResults> => {
    const [node] = target.nodes;
    const name = target.kind;
    log(`${name}: connecting ${o.idle} idle visitor sockets`);
    const { result: idle, sockets } = await watch(`${name} idle connect`, () => connectIdle(target, node!, o.idle, 64));
    try {
      log(`${name}: ${idle.connectionsPerSec} connections/s; latency at ${o.rate} msg/s`);
      const lat = await watch(`${name} fixed rate`, () =>
        fixedRate(set.pairs, set.helpers, target.nodes, {
          rate: o.rate,
          typingRate: Math.max(10, Math.round(o.rate / 10)),
          presenceRate: 20,
          durationMs,
          idleSockets: o.idle,
          phase: 'r',
        }),
      );
      sockets.forEach((s) => s.disconnect());
      log(`${name}: claims burst, ${o.claimRequests} requests × ${o.claimHelpers} helpers`);
      const claims = await watch(`${name} claims`, () =>
        claimsBurst(target, node!, {
          requests: o.claimRequests,
          helpers: o.claimHelpers,
          firstHelper: pairHelpers,
        }),
      );
      return { throughput: thr, idle, fixedRate: lat, claims };
    } finally {
      sockets.forEach((s) => s.disconnect());
    }
  };

  const bareTarget = await startBare();
  let tribuTarget: Target | undefined;
  const sets: PairSet[] = [];
  let bare: TargetResults;
  let tribu: TargetResults;
  try {
    const t = await startTribu({ services, nodes: 1, helpers, chatCap });
    tribuTarget = t;
    dbName(t);
    const targets = [bareTarget, t];
    for (const target of targets) {
      log(`${target.kind}: opening ${o.pairs} conversations`);
      sets.push(await openPairs(target, o.pairs, { visitorNode: target.nodes[0]!, helperNode: target.nodes[0]! }));
    }
    // A short warm-up so JIT and connection pools are hot before anything is timed.
    for (const [i, target] of targets.entries()) await throughput(sets[i]!.pairs, target.nodes, Math.min(2000, durationMs / 2), 'w');
    // Rounds alternate bare and Tribu, so a neighbour's burst on a shared machine hits both alike.
    const tribuNode = t.nodes[0]!;
    if (o.profile) await tribuNode.startProfile();
    const rounds: ThroughputResult[][] = [[], []];
    for (let r = 0; r < o.rounds; r++) {
      for (const [i, target] of targets.entries()) {
        log(`${target.kind}: throughput round ${r + 1}/${o.rounds}, ${o.pairs} pairs, ${(durationMs / o.rounds / 1000).toFixed(1)} s`);
        const round = await watch(`${target.kind} throughput round ${r + 1}`, () => throughput(sets[i]!.pairs, target.nodes, durationMs / o.rounds, `t${r}`));
        log(`${target.kind}: ${round.messagesPerSec} msg/s`);
        rounds[i]!.push(round);
      }
    }
    if (o.profile) {
      const file = join(resultsDir, `tribu-throughput-${Date.now()}.cpuprofile`);
      await tribuNode.stopProfile(file);
      profile = summariseProfile(file);
    }
    bare = await rest(bareTarget, sets[0]!, medianRound(rounds[0]!));
    tribu = await rest(t, sets[1]!, medianRound(rounds[1]!));
  } finally {
    sets.forEach((s) => s.close());
    await bareTarget.stop();
    await tribuTarget?.stop();
  }

  const multiNode: MultiNodeResult[] = [];
  for (const nodes of o.skipMultiNode ? [] : o.threeNodes ? [2, 3] : [2]) {
    for (const adapter of o.adapters) {
      const target = await startTribu({ services, nodes, helpers: pairHelpers, chatCap, adapter });
      dbName(target);
      const name = `tribu × ${nodes} nodes (${adapter} adapter)`;
      try {
        const [a, b] = target.nodes;
        log(`${name}: visitors on ${a!.name}, helpers on ${b!.name}`);
        const set = await openPairs(target, o.pairs, { visitorNode: a!, helperNode: b! });
        try {
          await throughput(set.pairs, target.nodes, Math.min(2000, durationMs / 2), 'w');
          const thr = await watch(`${name} throughput`, () => throughput(set.pairs, target.nodes, durationMs, 't'));
          log(`${name}: ${thr.messagesPerSec} msg/s`);
          multiNode.push({ nodes, adapter, throughput: thr });
        } finally {
          set.close();
        }
      } finally {
        await target.stop();
      }
    }
  }

  const { databaseUrl: _d, redisUrl: _r, ...options } = o;
  return {
    startedAt: new Date().toISOString(),
    machine: { cpus: cpus().length, model: cpus()[0]?.model ?? '', memoryGb: Math.round(totalmem() / 1e9), node: process.version },
    options,
    bare,
    tribu,
    multiNode,
    profile,
    databases,
    quiet: meter.records,
    warnings: meter.records.flatMap((q) => q.warnings),
  };
}
