import { OTHER_CORES_MAX, UNEXPLAINED_LOAD_PER_CORE_MAX, type TestQuiet } from './load/quiet.ts';
import type { BenchResults } from './run.ts';
import type { SoakResult } from './scenarios/soak.ts';
import type { Correctness } from './scenarios/throughput.ts';

export interface Row {
  measure: string;
  tribu: string;
  bare: string;
  ratio: string;
  target: string;
  /** null: informative, no target. */
  pass: boolean | null;
}

const n = (x: number) => x.toLocaleString('en-US');
const ms = (x: number) => `${x.toFixed(x < 10 ? 2 : 1)} ms`;
const ratio = (a: number, b: number) => (b > 0 ? `${(a / b).toFixed(2)}×` : '—');
const worst = (r: Record<string, { p99: number }>) => Math.max(...Object.values(r).map((e) => e.p99));
const clean = (c: Correctness) => c.errors === 0 && c.duplicates === 0 && c.outOfOrder === 0 && c.missing === 0 && c.delivered > 0;
const says = (c: Correctness) => (clean(c) ? `${n(c.delivered)} ok` : `${c.errors} err ${c.duplicates} dup ${c.outOfOrder} ooo ${c.missing} lost`);

/** The rows of the printed table; targets from issue 8 are ratios to the bare run of the same invocation. */
export function rows(r: BenchResults): Row[] {
  const t = r.tribu;
  const b = r.bare;
  const out: Row[] = [];
  const add = (row: Row) => out.push(row);
  const tp = t.throughput.messagesPerSec;
  add({
    measure: `throughput, ${t.throughput.pairs} pairs (msg/s)`,
    tribu: n(tp),
    bare: n(b.throughput.messagesPerSec),
    ratio: ratio(tp, b.throughput.messagesPerSec),
    target: '≥ 0.5× bare',
    pass: tp >= 0.5 * b.throughput.messagesPerSec,
  });
  if ((t.throughput.rounds?.length ?? 0) > 1) {
    const list = (x: number[] | undefined) => (x ?? []).map(n).join(' · ');
    add({
      measure: '  rounds, alternating (median kept)',
      tribu: list(t.throughput.rounds),
      bare: list(b.throughput.rounds),
      ratio: '',
      target: '',
      pass: null,
    });
  }
  add({
    measure: '  its latency p50 / p99',
    tribu: `${ms(t.throughput.latency.p50)} / ${ms(t.throughput.latency.p99)}`,
    bare: `${ms(b.throughput.latency.p50)} / ${ms(b.throughput.latency.p99)}`,
    ratio: '',
    target: '',
    pass: null,
  });
  const eld = worst(t.throughput.eventLoopDelay);
  add({ measure: '  event-loop delay p99', tribu: ms(eld), bare: ms(worst(b.throughput.eventLoopDelay)), ratio: '', target: '≤ 20 ms', pass: eld <= 20 });
  const cores = (x: { cpuPerNode: Record<string, number>; loadGeneratorCpu: number }) =>
    `${Object.values(x.cpuPerNode).join(' + ')} (load gen ${x.loadGeneratorCpu})`;
  add({ measure: '  CPU cores: server (load generator)', tribu: cores(t.throughput), bare: cores(b.throughput), ratio: '', target: '', pass: null });
  const f = t.fixedRate;
  const fb = b.fixedRate;
  add({
    measure: `latency at ${n(f.rate)} msg/s + ${n(f.idleSockets)} idle: p50`,
    tribu: ms(f.messages.p50),
    bare: ms(fb.messages.p50),
    ratio: '',
    target: '',
    pass: null,
  });
  add({ measure: '  p99', tribu: ms(f.messages.p99), bare: ms(fb.messages.p99), ratio: '', target: '≤ 15 ms', pass: f.messages.p99 <= 15 });
  add({ measure: '  p99.9', tribu: ms(f.messages.p999), bare: ms(fb.messages.p999), ratio: '', target: '', pass: null });
  add({ measure: '  achieved rate (msg/s)', tribu: n(f.achievedRate), bare: n(fb.achievedRate), ratio: '', target: '', pass: null });
  add({
    measure: '  typing p99',
    tribu: ms(f.typing.p99),
    bare: ms(fb.typing.p99),
    ratio: '',
    target: '≤ 10 ms',
    pass: f.typing.count > 0 && f.typing.p99 <= 10,
  });
  add({
    measure: '  presence p99',
    tribu: ms(f.presence.p99),
    bare: ms(fb.presence.p99),
    ratio: '',
    target: '≤ 10 ms',
    pass: f.presence.count > 0 && f.presence.p99 <= 10,
  });
  const kb = (x: number) => `${(x / 1024).toFixed(1)} KB`;
  add({
    measure: 'RSS per idle visitor socket',
    tribu: kb(t.idle.bytesPerSocket),
    bare: kb(b.idle.bytesPerSocket),
    ratio: ratio(t.idle.bytesPerSocket, b.idle.bytesPerSocket),
    target: '≤ 1.5× bare',
    pass: t.idle.bytesPerSocket <= 1.5 * Math.max(b.idle.bytesPerSocket, 1),
  });
  add({
    measure: 'visitor connections/s',
    tribu: n(t.idle.connectionsPerSec),
    bare: n(b.idle.connectionsPerSec),
    ratio: ratio(t.idle.connectionsPerSec, b.idle.connectionsPerSec),
    target: '≥ 0.7× bare',
    pass: t.idle.connectionsPerSec >= 0.7 * b.idle.connectionsPerSec,
  });
  const c = t.claims;
  add({
    measure: `claims: ${c.requests} requests × ${c.helpers} helpers (/s)`,
    tribu: n(c.claimsPerSec),
    bare: n(b.claims.claimsPerSec),
    ratio: ratio(c.claimsPerSec, b.claims.claimsPerSec),
    target: '',
    pass: null,
  });
  const once = c.wonOnce === c.requests && c.storedOnce === c.requests && c.unexpected === 0;
  add({
    measure: '  each request won exactly once',
    tribu: `${c.wonOnce}/${c.requests} (db ${c.storedOnce}, ${c.unexpected} other errors)`,
    bare: `${b.claims.wonOnce}/${b.claims.requests}`,
    ratio: '',
    target: 'all',
    pass: once,
  });
  for (const m of r.multiNode) {
    const per = m.throughput.messagesPerSec / m.nodes;
    add({
      measure: `${m.nodes} nodes + Redis (${m.adapter ?? 'classic'}): throughput (msg/s)`,
      tribu: `${n(m.throughput.messagesPerSec)} (${n(Math.round(per))}/node)`,
      bare: '',
      ratio: ratio(per, tp),
      target: '≥ 0.5× 1 node, per node',
      pass: per >= 0.5 * tp,
    });
    add({
      measure: '  latency p99 / CPU per node',
      tribu: `${ms(m.throughput.latency.p99)} / ${Object.values(m.throughput.cpuPerNode).join(' + ')}`,
      bare: '',
      ratio: '',
      target: '',
      pass: null,
    });
  }
  const all = [t.throughput.correctness, t.fixedRate.correctness, ...r.multiNode.map((m) => m.throughput.correctness)];
  const allBare = [b.throughput.correctness, b.fixedRate.correctness];
  add({
    measure: 'delivered once, in order, none lost',
    tribu: all.map(says).join(' · '),
    bare: allBare.map(says).join(' · '),
    ratio: '',
    target: 'all',
    pass: all.every(clean) && allBare.every(clean),
  });
  if (r.profile) {
    const top = r.profile.topTribu;
    add({
      measure: 'top Tribu function (CPU self time)',
      tribu: top ? `${top.selfPct}% ${top.name}` : '—',
      bare: '',
      ratio: '',
      target: '≤ 10 %',
      pass: !top || top.selfPct <= 10,
    });
  }
  return out;
}

export function renderTable(list: Row[]): string {
  const head: Row = { measure: 'measure', tribu: 'Tribu', bare: 'bare Socket.IO', ratio: 'ratio', target: 'target', pass: null };
  const cells = (r: Row) => [r.measure, r.tribu, r.bare, r.ratio, r.target, r.pass === null ? '' : r.pass ? '✓' : '✗'];
  const all = [head, ...list].map(cells);
  const widths = all[0]!.map((_, i) => Math.max(...all.map((c) => [...c[i]!].length)));
  const line = (c: string[]) =>
    c
      .map((x, i) => x + ' '.repeat(widths[i]! - [...x].length))
      .join('  ')
      .trimEnd();
  return [line(all[0]!), widths.map((w) => '─'.repeat(w)).join('  '), ...all.slice(1).map(line)].join('\n');
}

/** Columns padded to their widest cell, a rule under the head. */
function columns(head: string[], body: string[][]): string {
  const all = [head, ...body];
  const widths = head.map((_, i) => Math.max(...all.map((c) => [...(c[i] ?? '')].length)));
  const line = (c: string[]) =>
    c
      .map((x, i) => x + ' '.repeat(widths[i]! - [...x].length))
      .join('  ')
      .trimEnd();
  return [line(head), widths.map((w) => '─'.repeat(w)).join('  '), ...body.map(line)].join('\n');
}

const cores2 = (x: number) => x.toFixed(2);

/**
 * How quiet the machine was, test by test: the 1-minute load average before (and the part of it the
 * bench's own processes explain) and at the end, and the CPU other processes used in the 2 s before
 * and during the test; then a WARNING line per doubtful test.
 */
export function renderMachine(list: TestQuiet[], cores: number): string {
  const body = list.map((q) => [
    q.test,
    `${q.loadBefore.toFixed(2)} (bench ${q.benchLoadBefore.toFixed(2)})`,
    q.loadDuring.toFixed(2),
    q.before ? cores2(q.before.otherCores + q.before.stealCores) : '—',
    cores2(q.during.otherCores + q.during.stealCores),
    q.warnings.length ? '✗' : '✓',
  ]);
  const head = ['machine: test', 'load avg before (bench)', 'load at end', 'other CPU before', 'other CPU during', 'quiet'];
  const warnings = list.flatMap((q) => q.warnings).map((w) => `WARNING: figures not to be trusted — ${w}`);
  const legend =
    `${cores} cores. Other CPU: cores used by processes other than the bench, its servers, Postgres and Redis (+ steal). ` +
    `Quiet: other CPU ≤ ${OTHER_CORES_MAX} cores before and during, and before the first test a load average ≤ bench's own + ${UNEXPLAINED_LOAD_PER_CORE_MAX} per core.`;
  return [columns(head, body), legend, ...warnings].join('\n');
}

const mbs = (x: number) => `${x.toFixed(1)} MB`;
const perMin = (x: number) => (Number.isFinite(x) ? `${x >= 0 ? '+' : ''}${x.toFixed(2)} MB/min` : '—');

/** The soak: a line per sample, then growth, return after the load, delivery, churn, machine. */
export function renderSoak(r: SoakResult): string {
  const body = [
    ['0 (start)', mbs(r.atStart.rssMb), mbs(r.atStart.heapUsedMb), n(r.atStart.sockets), '', '', '', '', ''],
    ...r.samples.map((s, i) => [
      `${(s.t / 60).toFixed(2)}${i === 0 ? ' (warm-up end)' : ''}`,
      mbs(s.rssMb),
      mbs(s.heapUsedMb),
      n(s.sockets),
      `${n(s.sent)} / ${n(s.delivered)}`,
      ms(s.latency.p99),
      s.quiet.loadDuring.toFixed(2),
      cores2(s.quiet.during.otherCores + s.quiet.during.stealCores),
      s.quiet.warnings.length ? '✗' : '✓',
    ]),
    ['after load', mbs(r.afterLoad.rssMb), mbs(r.afterLoad.heapUsedMb), '0', '', '', '', '', ''],
  ];
  const head = ['minute', 'RSS', 'heap used', 'sockets', 'sent / delivered', 'p99', 'load avg', 'other CPU', 'quiet'];
  const d = r.delivery;
  const c = r.churn;
  const ret = (ok: boolean, pct: number) => `${ok ? '✓' : '✗'} ${pct >= 0 ? '+' : ''}${pct.toFixed(1)} %`;
  const summary = [
    `Soak: ${r.options.minutes} min, ${n(r.options.rate)} msg/s over ${r.options.pairs} conversations, ${n(r.options.idle)} idle visitors, a sample every ${r.options.sampleSec} s (the first interval is the warm-up)`,
    `growth after warm-up (least squares): RSS ${perMin(r.slope.rssMbPerMin)}, heap used ${perMin(r.slope.heapUsedMbPerMin)}`,
    `${r.options.settleSec} s after every socket closed, vs after warm-up (within ${r.returned.tolerancePct} %): RSS ${ret(r.returned.rss, r.returned.rssChangePct)}, heap used ${ret(r.returned.heapUsed, r.returned.heapUsedChangePct)}`,
    `delivery: ${n(d.sent)} sent, ${n(d.acked)} acked, ${n(d.delivered)} delivered, ${d.lost} lost, ${d.duplicates} duplicates, ${d.outOfOrder} out of order, ${d.errors} errors${d.firstError ? ` (${d.firstError})` : ''} ${d.lost === 0 && d.errors === 0 && d.duplicates === 0 && d.outOfOrder === 0 && d.delivered === d.sent ? '✓' : '✗'}`,
    `churn: ${n(c.visitorsJoined)} visitors joined, ${n(c.visitorsLeft)} left, ${c.conversationsStarted} conversations started, ${c.conversationsEnded} ended, ${c.errors} errors${c.firstError ? ` (${c.firstError})` : ''}`,
    `machine: ${r.machine.cpus} cores; other CPU = cores used by processes other than the bench, its server, Postgres and Redis (+ steal); quiet: ≤ ${OTHER_CORES_MAX} cores, and before the first interval a load average ≤ bench's own + ${UNEXPLAINED_LOAD_PER_CORE_MAX} per core`,
    ...r.warnings.map((w) => `WARNING: figures not to be trusted — ${w}`),
  ];
  return [columns(head, body), '', ...summary].join('\n');
}
