import type { BenchResults } from './run.ts';
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
      measure: `${m.nodes} nodes + Redis: throughput (msg/s)`,
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
