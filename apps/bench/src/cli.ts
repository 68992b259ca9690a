import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseOptions } from './options.ts';
import { renderMachine, renderSoak, renderTable, rows } from './report.ts';
import { runBench } from './run.ts';
import { runSoak } from './scenarios/soak.ts';

const resultsDir = resolve(dirname(fileURLToPath(import.meta.url)), '../results');

async function main(): Promise<void> {
  const o = parseOptions(process.argv.slice(2).filter((a) => a !== '--'));
  // Every loop is bounded; this is the last guard against a run that never ends.
  const limit = (o.soakMinutes !== null ? o.soakMinutes * 60 + o.soakSettleSec : o.durationSec * 8) * 1000 + (600 + o.idle / 20) * 1000;
  setTimeout(() => {
    console.error(`bench: still running after ${Math.round(limit / 1000)} s; giving up`);
    process.exit(2);
  }, limit).unref();
  // pnpm runs the script in apps/bench; a relative --json names a path from where `pnpm bench` was typed.
  const output = (kind: string, startedAt: string) =>
    o.json ? resolve(process.env.INIT_CWD ?? process.cwd(), o.json) : join(resultsDir, `${kind}-${startedAt.replace(/[:.]/g, '-')}.json`);
  if (o.soakMinutes !== null) {
    const soak = await runSoak(o);
    const file = output('soak', soak.startedAt);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify(soak, null, 2));
    console.log(`\n${renderSoak(soak)}\n\nResults: ${file}`);
    process.exit(0);
  }
  const results = await runBench(o, resultsDir);
  const table = rows(results);
  const file = output('bench', results.startedAt);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify({ ...results, table }, null, 2));
  console.log(`\n${renderTable(table)}\n\n${renderMachine(results.quiet, cpus().length)}\n`);
  if (results.profile) {
    console.log(`CPU profile of Tribu during the throughput test (${results.profile.file}), self time:`);
    for (const f of results.profile.top) console.log(`  ${f.selfPct.toFixed(1).padStart(5)} %  ${f.name}  ${f.where}`);
  }
  console.log(`\nResults: ${file}`);
  process.exit(0);
}

main().catch((e: unknown) => {
  console.error('bench failed:', e);
  process.exit(1);
});
