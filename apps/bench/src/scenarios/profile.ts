import { readFileSync } from 'node:fs';

export interface HotFunction {
  name: string;
  where: string;
  /** Share of the non-idle samples spent in this function itself (self time), in percent. */
  selfPct: number;
  tribu: boolean;
}

export interface ProfileSummary {
  file: string;
  samples: number;
  top: HotFunction[];
  /** The Tribu function with the most self time. */
  topTribu: HotFunction | null;
}

interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; hitCount?: number }[];
  samples?: number[];
}

const IDLE = new Set(['(idle)', '(program)']);

/** Self time per function of a V8 .cpuprofile; Tribu's code is what lives in apps/server or packages. */
export function summariseProfile(file: string): ProfileSummary {
  const p = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const hits = new Map<number, number>();
  if (p.samples) for (const id of p.samples) hits.set(id, (hits.get(id) ?? 0) + 1);
  const byFn = new Map<string, { name: string; where: string; n: number }>();
  let total = 0;
  for (const node of p.nodes) {
    const n = p.samples ? (hits.get(node.id) ?? 0) : (node.hitCount ?? 0);
    const { functionName, url, lineNumber } = node.callFrame;
    if (!n || IDLE.has(functionName)) continue;
    total += n;
    const where = url ? `${url.replace(/^file:\/\//, '').replace(/^.*\/(apps|packages|node_modules)\//, '$1/')}:${lineNumber + 1}` : '';
    const key = `${functionName}@${where}`;
    const e = byFn.get(key) ?? { name: functionName || '(anonymous)', where, n: 0 };
    e.n += n;
    byFn.set(key, e);
  }
  const all = [...byFn.values()]
    .sort((a, b) => b.n - a.n)
    .map((e) => ({
      name: e.name,
      where: e.where,
      selfPct: Math.round((e.n / Math.max(1, total)) * 1000) / 10,
      tribu: /^(apps\/server|packages)\//.test(e.where),
    }));
  return { file, samples: total, top: all.slice(0, 12), topTribu: all.find((f) => f.tribu) ?? null };
}
