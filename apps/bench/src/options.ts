import { parseArgs } from 'node:util';

export interface BenchOptions {
  /** Visitor/helper pairs in active conversations (throughput and latency tests). */
  pairs: number;
  /** Seconds each timed test runs. */
  durationSec: number;
  /** Throughput rounds, alternating bare and Tribu (the median round is reported). */
  rounds: number;
  /** Idle visitor sockets connected during the latency test (also the memory and connection tests). */
  idle: number;
  /** Messages per second of the latency test. */
  rate: number;
  /** Requests and helpers of the claims burst. */
  claimRequests: number;
  claimHelpers: number;
  /** Also run the throughput test on three nodes (Redis adapter cost). */
  threeNodes: boolean;
  /** The Redis adapters the multi-node tests use, each measured in turn. */
  adapters: ('classic' | 'sharded')[];
  /** Skip the multi-node tests (no Redis needed). */
  skipMultiNode: boolean;
  /** Write a CPU profile of Tribu's node during its throughput test. */
  profile: boolean;
  /** Where the JSON results go. */
  json: string | undefined;
  databaseUrl: string;
  redisUrl: string;
  quick: boolean;
  /** Minutes of the soak run (instead of the normal run); null: the normal run. */
  soakMinutes: number | null;
  /** Seconds between two memory samples of the soak (the first interval is its warm-up). */
  soakSampleSec: number;
  /** Seconds the soak waits, every socket closed, before its last memory sample. */
  soakSettleSec: number;
}

const HELP = `pnpm bench [options]
  --quick              small and fast (10 pairs, 2 s, 200 idle sockets)
  --pairs <n>          visitor/helper pairs (default 200)
  --duration <s>       seconds per timed test (default 10)
  --rounds <n>         throughput rounds alternating bare and Tribu, median kept (default 3)
  --idle <n>           idle visitor sockets during the latency test (default 5000)
  --rate <n>           messages/s of the latency test (default 1000)
  --claims <n>         requests in the claims burst (default 200), taken by --claim-helpers (default 20)
  --three-nodes        also measure three nodes through Redis
  --adapter <name>     Redis adapter of the multi-node tests: classic, sharded or both (default both)
  --no-multi-node      skip the two-node test (no Redis needed)
  --profile            CPU profile of Tribu during the throughput test (results/*.cpuprofile)
  --json <file>        results file (default apps/bench/results/bench-<time>.json, soak-<time>.json)
  --soak <minutes>     soak instead: Tribu on one node for that long with --idle idle visitors
                       (default 2000, a few leaving and new ones arriving every second), --rate msg/s
                       (default 300) across --pairs conversations (default 100, one ended and a new
                       one opened every 10 s); server heap and RSS after GC every --soak-sample
                       seconds (default 60; the first interval is the warm-up), their growth in MB/min,
                       and whether they come back within 10 % once every socket is closed and
                       --soak-settle seconds (default 30) have passed
  Every test states how quiet the machine was: the 1-minute load average before and during, and the
  CPU (in cores) that processes other than the bench, its servers, Postgres and Redis used in the 2 s
  before and during it. WARNING when other processes (+ steal) used more than 0.15 cores, or when the
  load average before the first test exceeds what the bench's own processes explain by more than 0.5
  per core (later, the bench's own queueing for the cores shows in the load average: CPU is judged).
  env DATABASE_URL (default postgres://postgres@127.0.0.1:5432/test) and REDIS_URL (redis://127.0.0.1:6379)`;

export function parseOptions(argv: string[], env: NodeJS.ProcessEnv = process.env): BenchOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      quick: { type: 'boolean', default: false },
      pairs: { type: 'string' },
      duration: { type: 'string' },
      rounds: { type: 'string' },
      idle: { type: 'string' },
      rate: { type: 'string' },
      claims: { type: 'string' },
      'claim-helpers': { type: 'string' },
      'three-nodes': { type: 'boolean', default: false },
      adapter: { type: 'string', default: 'both' },
      'no-multi-node': { type: 'boolean', default: false },
      profile: { type: 'boolean', default: false },
      json: { type: 'string' },
      soak: { type: 'string' },
      'soak-sample': { type: 'string' },
      'soak-settle': { type: 'string' },
      help: { type: 'boolean', default: false },
    },
    allowPositionals: false,
  });
  if (values.help) {
    console.log(HELP);
    process.exit(0);
  }
  const q = values.quick;
  const int = (v: string | undefined, dflt: number, name: string, max: number) => {
    if (v === undefined) return dflt;
    const n = Number(v);
    if (!Number.isFinite(n) || n <= 0 || n > max) throw new Error(`--${name} must be a number in 1..${max}`);
    return n;
  };
  const soakMinutes = values.soak === undefined ? null : int(values.soak, 0, 'soak', 24 * 60);
  const soakSampleSec = int(values['soak-sample'], 60, 'soak-sample', 3600);
  if (soakMinutes !== null && soakMinutes * 60 < 2 * soakSampleSec) throw new Error('--soak must last at least two --soak-sample intervals');
  const soak = soakMinutes !== null;
  return {
    quick: q,
    soakMinutes,
    soakSampleSec,
    soakSettleSec: int(values['soak-settle'], 30, 'soak-settle', 3600),
    pairs: Math.round(int(values.pairs, soak ? 100 : q ? 10 : 200, 'pairs', 5000)),
    durationSec: int(values.duration, q ? 2 : 10, 'duration', 600),
    rounds: Math.round(int(values.rounds, q ? 1 : 3, 'rounds', 20)),
    idle: Math.round(int(values.idle, soak ? 2000 : q ? 200 : 5000, 'idle', 50_000)),
    rate: Math.round(int(values.rate, soak ? 300 : q ? 200 : 1000, 'rate', 100_000)),
    claimRequests: Math.round(int(values.claims, q ? 20 : 200, 'claims', 10_000)),
    claimHelpers: Math.round(int(values['claim-helpers'], q ? 4 : 20, 'claim-helpers', 1000)),
    threeNodes: values['three-nodes'],
    adapters: adapters(values.adapter),
    skipMultiNode: values['no-multi-node'],
    profile: values.profile,
    json: values.json,
    databaseUrl: onlyLoopback(env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test'),
    redisUrl: onlyLoopback(env.REDIS_URL ?? 'redis://127.0.0.1:6379'),
  };
}

/** The bench creates and drops databases and floods servers: only on this machine. */
function onlyLoopback(url: string): string {
  const host = new URL(url).hostname;
  if (!['127.0.0.1', 'localhost', '::1', '[::1]'].includes(host)) throw new Error(`only loopback services are allowed, not ${host}`);
  return url;
}

function adapters(v: string | undefined): ('classic' | 'sharded')[] {
  if (v === 'both' || v === undefined) return ['classic', 'sharded'];
  if (v === 'classic' || v === 'sharded') return [v];
  throw new Error('--adapter must be classic, sharded or both');
}
