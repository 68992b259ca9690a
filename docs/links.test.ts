import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
/** The documents a reader of the repository follows: the README, docs/, and the READMEs they point to. */
const DOCS = [
  'README.md',
  'SECURITY.md',
  ...readdirSync(join(ROOT, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => `docs/${f}`),
];
/** Hosts a link may name: the local install the docs tell you to start, and example hosts. */
const LOCAL = /^(localhost|127\.0\.0\.1|\[::1\]|[\w.-]+\.example|example\.(com|org))(:\d+)?$/;

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens; repeats get -1, -2. */
export function anchorsOf(markdown: string): Set<string> {
  const seen = new Map<string, number>();
  const out = new Set<string>();
  let fenced = false;
  for (const line of markdown.split('\n')) {
    if (/^\s*```/.test(line)) fenced = !fenced;
    const m = !fenced && /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
    if (!m) continue;
    const base = m[1]!
      .replace(/<[^>]+>/g, '')
      .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s_-]/gu, '')
      .replace(/\s/g, '-');
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    out.add(n ? `${base}-${n}` : base);
  }
  return out;
}

/** Every link target of a markdown text, outside code: inline `[x](t)`, images, reference definitions, autolinks. */
export function linksOf(markdown: string): string[] {
  const text = markdown.replace(/```[\s\S]*?```/g, '').replace(/`[^`\n]*`/g, '');
  const links = [...text.matchAll(/!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)].map((m) => m[1]!);
  links.push(...[...text.matchAll(/^\s*\[[^\]]+\]:\s*(\S+)/gm)].map((m) => m[1]!));
  links.push(...[...text.matchAll(/<((?:https?|mailto):[^>\s]+)>/g)].map((m) => m[1]!));
  return links;
}

/** What is wrong with one link of `file` (a path relative to the root), or null. */
export function problemOf(file: string, target: string, read: (path: string) => string | null): string | null {
  if (/^mailto:/.test(target)) return null;
  if (/^[a-z]+:/i.test(target)) {
    const host = /^https?:\/\/([^/?#]+)/i.exec(target)?.[1];
    return host && LOCAL.test(host) ? null : `links outside the repository: ${target}`;
  }
  const [path, anchor] = target.split('#') as [string, string | undefined];
  const abs = path ? resolve(ROOT, dirname(file), decodeURI(path)) : resolve(ROOT, file);
  const rel = relative(ROOT, abs);
  if (rel.startsWith('..')) return `leaves the repository: ${target}`;
  // A page of docs/ links only within docs/: a link climbing out of it reads as leaving the repository.
  if (file.startsWith('docs/') && path.startsWith('../')) return `climbs out of docs/: ${target}`;
  if (!existsSync(abs)) return `points to a missing file: ${target}`;
  if (anchor) {
    if (statSync(abs).isDirectory() || !abs.endsWith('.md')) return `has an anchor on a file that is not markdown: ${target}`;
    const md = read(rel);
    if (md !== null && !anchorsOf(md).has(anchor)) return `points to a missing heading: ${target}`;
  }
  return null;
}

describe('the documentation', () => {
  const read = (path: string) => (existsSync(join(ROOT, path)) ? readFileSync(join(ROOT, path), 'utf8') : null);

  it('links only to files and headings of this repository that exist', () => {
    const problems = DOCS.flatMap((file) =>
      linksOf(read(file)!)
        .flatMap((t) => problemOf(file, t, read) ?? [])
        .map((p) => `${file} ${p}`),
    );
    expect(problems).toEqual([]);
  });

  it('has a README that opens with what Tribu is, two screenshots and the two commands, then the docs', () => {
    const readme = read('README.md')!;
    const images = [...readme.matchAll(/!\[[^\]]+\]\(([^)]+)\)/g)].map((m) => m[1]);
    expect(images).toEqual(['docs/img/desk.png', 'docs/img/phone.png']);
    const blocks = [...readme.matchAll(/```sh\n([\s\S]*?)```/g)].map((m) => m[1]!.trim());
    expect(blocks.slice(0, 2)).toEqual(['npm install -g pnpm@10 && pnpm install && pnpm start', 'pnpm test']);
    for (const page of ['getting-started', 'production', 'embed', 'protocol', 'http-api', 'integrations', 'architecture']) {
      expect(readme, page).toContain(`(docs/${page}.md)`);
    }
  });

  it('finds a broken link, a missing heading and a link out of the repository (the check can fail)', () => {
    const files: Record<string, string> = { 'docs/a.md': '# Title\n## Two words\n' };
    const fake = (p: string) => files[p] ?? null;
    expect(problemOf('docs/x.md', 'missing.md', fake)).toBe('points to a missing file: missing.md');
    expect(problemOf('README.md', 'docs/scaling.md#no-such-heading', read)).toBe('points to a missing heading: docs/scaling.md#no-such-heading');
    expect(problemOf('README.md', '../shared/DESIGN.md', read)).toBe('leaves the repository: ../shared/DESIGN.md');
    expect(problemOf('README.md', 'https://socket.io/docs', read)).toBe('links outside the repository: https://socket.io/docs');
    expect(problemOf('README.md', 'http://localhost:3000/demo', read)).toBeNull();
    expect(problemOf('docs/embed.md', '../SECURITY.md', read)).toBe('climbs out of docs/: ../SECURITY.md');
    expect([...anchorsOf('# A\n## Several nodes (scaling)\n## `pnpm bench`\n## A\n')]).toEqual(['a', 'several-nodes-scaling', 'pnpm-bench', 'a-1']);
  });
});
