import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';

const dist = join(dirname(fileURLToPath(import.meta.url)), '../dist');
const assets = join(dist, 'assets');
const gz = (file: string) => gzipSync(readFileSync(join(assets, file)), { level: 9 }).length;

// Budget from issue 8: the three-column home, on a helper's first visit, with routes loaded lazily.
const FIRST_LOAD_BUDGET = 150 * 1024;

/** A chunk and every chunk it imports statically (what the browser must fetch before running it). */
export function staticClosure(entry: string, read: (file: string) => string): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const code = read(file);
    // Minified ES modules: `import{a as b}from"./x.js"` and `import"./x.js"`; `import("./x.js")` is lazy.
    for (const m of code.matchAll(/(?:from|import)\s*"\.\/([^"]+\.js)"/g)) visit(m[1]!);
  };
  visit(entry);
  return seen;
}

describe('backoffice first load (built files, gzipped)', () => {
  it('has been built (pnpm build runs before the tests)', () => {
    expect(existsSync(join(dist, 'index.html')), 'run `pnpm build` first').toBe(true);
  });

  it('loads the other pages lazily: the entry does not import them statically', () => {
    const entry = /assets\/(index-[^"]+\.js)/.exec(readFileSync(join(dist, 'index.html'), 'utf8'))![1]!;
    const eager = staticClosure(entry, (f) => readFileSync(join(assets, f), 'utf8'));
    const pages = readdirSync(assets).filter((f) => /Page-.*\.js$/.test(f));
    expect(pages.length).toBeGreaterThan(3);
    expect([...eager].filter((f) => /Page-/.test(f))).toEqual([]);
  });

  it(`keeps the entry and the home route's chunks within ${FIRST_LOAD_BUDGET} bytes of JS`, () => {
    const html = readFileSync(join(dist, 'index.html'), 'utf8');
    const entry = /assets\/(index-[^"]+\.js)/.exec(html)![1]!;
    const home = readdirSync(assets).find((f) => /^HomePage-.*\.js$/.test(f));
    expect(home, 'the home route is its own chunk').toBeDefined();
    const read = (f: string) => readFileSync(join(assets, f), 'utf8');
    const files = new Set([...staticClosure(entry, read), ...staticClosure(home!, read)]);
    const size = [...files].reduce((n, f) => n + gz(f), 0);
    console.info(`backoffice first load: ${files.size} files, ${size} B gzipped (budget ${FIRST_LOAD_BUDGET})`);
    expect(size).toBeLessThanOrEqual(FIRST_LOAD_BUDGET);
  });
});

it('follows static imports and leaves dynamic ones out', () => {
  const files: Record<string, string> = {
    'a.js': 'import{x}from"./b.js";import"./c.js";const l=()=>import("./lazy.js");',
    'b.js': 'import{y}from"./c.js";export const x=1',
    'c.js': 'export const y=2',
    'lazy.js': 'export default 3',
  };
  expect([...staticClosure('a.js', (f) => files[f]!)].sort()).toEqual(['a.js', 'b.js', 'c.js']);
});
