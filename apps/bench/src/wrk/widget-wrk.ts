/**
 * `pnpm --filter @tribu/bench wrk`: requests/s of the loader's availability endpoint
 * (`GET /api/widget/:siteKey`) on one Tribu node, measured with wrk (Debian package `wrk`).
 */
import { execFile } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { connectHelper } from '../load/clients.ts';
import { parseOptions } from '../options.ts';
import { BENCH_SITE_KEY, startTribu } from '../server/targets.ts';

const run = promisify(execFile);
const script = join(dirname(fileURLToPath(import.meta.url)), 'widget-state.lua');
const args = process.argv.slice(2).filter((a) => a !== '--');
const seconds = Number(args[args.indexOf('--duration') + 1] ?? 10) || 10;
const o = parseOptions([]);
const target = await startTribu({ services: { adminDatabaseUrl: o.databaseUrl, redisUrl: o.redisUrl }, nodes: 1, helpers: 3, chatCap: 4 });
try {
  const node = target.nodes[0]!;
  // Helpers online, so the answer carries avatars and the live mode (the common case to serve).
  const helpers = await Promise.all([0, 1, 2].map((i) => connectHelper(target, node, i)));
  const url = `${node.url}/api/widget/${BENCH_SITE_KEY}`;
  const sample = await (await fetch(url)).json();
  const cpu0 = node.cpuSeconds();
  const { stdout } = await run('wrk', ['-t2', '-c64', `-d${seconds}s`, '--latency', '-s', script, url], { timeout: (seconds + 30) * 1000 });
  const cpu = (node.cpuSeconds() - cpu0) / seconds;
  console.log(stdout);
  // Refusals (429) are cheap and would flatter the figure: every answer must be a 200.
  if (/Non-2xx/.test(stdout)) throw new Error("some answers were not 2xx; the figure above is not the endpoint's");
  console.log(
    `server CPU: ${cpu.toFixed(2)} cores; answer: ${JSON.stringify(sample).length} bytes, mode ${(sample as { availability: { mode: string } }).availability.mode}`,
  );
  helpers.forEach((h) => h.disconnect());
} finally {
  await target.stop();
}
process.exit(0);
