import { mkdirSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { newRun, openPairs } from './load/pairs.ts';
import type { BenchOptions } from './options.ts';
import { claimsBurst, type ClaimsResult } from './scenarios/claims.ts';
import { fixedRate, type FixedRateResult } from './scenarios/fixed-rate.ts';
import { connectIdle, type IdleResult } from './scenarios/idle.ts';
import { summariseProfile, type ProfileSummary } from './scenarios/profile.ts';
import { throughput, type ThroughputResult } from './scenarios/throughput.ts';
import { startBare, startTribu, type Target } from './server/targets.ts';

export interface TargetResults {
  throughput: ThroughputResult;
  idle: IdleResult;
  fixedRate: FixedRateResult;
  claims: ClaimsResult;
}

export interface MultiNodeResult {
  nodes: number;
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
}

const log = (msg: string) => console.error(`[bench ${new Date().toISOString().slice(11, 19)}] ${msg}`);

/** Runs every test on the bare baseline, then on Tribu, then Tribu on several nodes. */
export async function runBench(o: BenchOptions, resultsDir: string): Promise<BenchResults> {
  newRun();
  const services = { adminDatabaseUrl: o.databaseUrl, redisUrl: o.redisUrl };
  const pairHelpers = Math.ceil(o.pairs / 4);
  const helpers = pairHelpers + o.claimHelpers;
  // Claims and pairs in one site: a helper may hold every chat a test gives them.
  const chatCap = 100_000;
  const durationMs = o.durationSec * 1000;
  mkdirSync(resultsDir, { recursive: true });
  let profile: ProfileSummary | null = null;
  const databases: string[] = [];
  const dbName = (t: { databaseUrl: string }) => databases.push(new URL(t.databaseUrl).pathname.slice(1));

  const measure = async (target: Target): Promise<TargetResults> => {
    const [node] = target.nodes;
    const name = target.kind;
    log(`${name}: opening ${o.pairs} conversations`);
    const set = await openPairs(target, o.pairs, { visitorNode: node!, helperNode: node! });
    try {
      // A short warm-up so JIT and connection pools are hot before anything is timed.
      await throughput(set.pairs, target.nodes, Math.min(2000, durationMs / 2), 'w');
      if (o.profile && target.kind === 'tribu') await node!.startProfile();
      log(`${name}: throughput, ${o.pairs} pairs, ${o.durationSec} s`);
      const thr = await throughput(set.pairs, target.nodes, durationMs, 't');
      if (o.profile && target.kind === 'tribu') {
        const file = join(resultsDir, `tribu-throughput-${Date.now()}.cpuprofile`);
        await node!.stopProfile(file);
        profile = summariseProfile(file);
      }
      log(`${name}: ${thr.messagesPerSec} msg/s; connecting ${o.idle} idle visitor sockets`);
      const { result: idle, sockets } = await connectIdle(target, node!, o.idle, 64);
      try {
        log(`${name}: ${idle.connectionsPerSec} connections/s; latency at ${o.rate} msg/s`);
        const lat = await fixedRate(set.pairs, set.helpers, target.nodes, {
          rate: o.rate,
          typingRate: Math.max(10, Math.round(o.rate / 10)),
          presenceRate: 20,
          durationMs,
          idleSockets: o.idle,
          phase: 'r',
        });
        sockets.forEach((s) => s.disconnect());
        log(`${name}: claims burst, ${o.claimRequests} requests × ${o.claimHelpers} helpers`);
        const claims = await claimsBurst(target, node!, {
          requests: o.claimRequests,
          helpers: o.claimHelpers,
          firstHelper: pairHelpers,
        });
        return { throughput: thr, idle, fixedRate: lat, claims };
      } finally {
        sockets.forEach((s) => s.disconnect());
      }
    } finally {
      set.close();
    }
  };

  const bareTarget = await startBare();
  let bare: TargetResults;
  try {
    bare = await measure(bareTarget);
  } finally {
    await bareTarget.stop();
  }
  const tribuTarget = await startTribu({ services, nodes: 1, helpers, chatCap });
  dbName(tribuTarget);
  let tribu: TargetResults;
  try {
    tribu = await measure(tribuTarget);
  } finally {
    await tribuTarget.stop();
  }

  const multiNode: MultiNodeResult[] = [];
  for (const nodes of o.skipMultiNode ? [] : o.threeNodes ? [2, 3] : [2]) {
    const target = await startTribu({ services, nodes, helpers: pairHelpers, chatCap });
    dbName(target);
    try {
      const [a, b] = target.nodes;
      log(`tribu × ${nodes} nodes: visitors on ${a!.name}, helpers on ${b!.name}`);
      const set = await openPairs(target, o.pairs, { visitorNode: a!, helperNode: b! });
      try {
        await throughput(set.pairs, target.nodes, Math.min(2000, durationMs / 2), 'w');
        const thr = await throughput(set.pairs, target.nodes, durationMs, 't');
        log(`tribu × ${nodes} nodes: ${thr.messagesPerSec} msg/s`);
        multiNode.push({ nodes, throughput: thr });
      } finally {
        set.close();
      }
    } finally {
      await target.stop();
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
  };
}
