import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const src = join(dirname(fileURLToPath(import.meta.url)), '..');
const cssFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? cssFiles(join(dir, e.name)) : e.name.endsWith('.css') ? [join(dir, e.name)] : [],
  );
const files = cssFiles(src).filter((f) => !f.endsWith('theme.css'));

const COLOUR = /#[0-9a-f]{3,8}\b|rgba?\([^)]*\)|\bwhite\b|\bblack\b/gi;
const DECLARATION = /(?<![\w-])([a-z-]+)\s*:\s*([^;{}]*)/g;
// The widget preview paints the widget's own look (its own light and dark tokens), not the backoffice's.
const PREVIEW = /preview-stage|\.fake-|\.wp-/;

/** Relative lightness (0 black … 1 white) of an opaque colour; null for a transparent one. */
function lightness(colour: string): number | null {
  const c = colour.toLowerCase();
  let rgb: number[];
  if (c === 'white') rgb = [255, 255, 255];
  else if (c === 'black') rgb = [0, 0, 0];
  else if (c.startsWith('#')) {
    const h = c.length === 4 ? [...c.slice(1)].map((x) => x + x).join('') : c.slice(1, 7);
    rgb = [0, 2, 4].map((i) => parseInt(h.slice(i, i + 2), 16));
  } else {
    const n = (c.match(/[\d.]+/g) ?? []).map(Number);
    if (n.length > 3 && n[3]! < 1) return null;
    rgb = n.slice(0, 3);
  }
  return (Math.max(...rgb) + Math.min(...rgb)) / 2 / 255;
}

/**
 * Literal colours that would break in one of the themes: a light background or border (a white box on
 * the dark theme) or dark text (unreadable on it). Mid-tone fills (status dots, chart hues), light text on
 * those fills, and translucent shadows read the same in both and may stay literal.
 */
function themeBound(file: string): string[] {
  const found: string[] = [];
  readFileSync(file, 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .split('\n')
    .forEach((line, i) => {
      if (PREVIEW.test(line) || /^\s*--/.test(line)) return;
      for (const [, prop, value] of line.matchAll(DECLARATION)) {
        for (const [colour] of value!.matchAll(COLOUR)) {
          const l = lightness(colour);
          if (l === null) continue;
          const bad = prop === 'color' ? l < 0.5 : /^(background|border|outline|box-shadow)/.test(prop!) ? l > 0.84 : false;
          if (bad) found.push(`${file.slice(src.length + 1)}:${i + 1} ${prop}: ${colour}`);
        }
      }
    });
  return found;
}

describe('the backoffice theme', () => {
  it('keeps every theme-bound colour in theme.css as a token, none literal in the other style sheets', () => {
    expect(files.length).toBeGreaterThan(15);
    expect(files.flatMap(themeBound)).toEqual([]);
  });

  it('gives the dark theme every token the light one has, twice: for the system setting and for data-theme="dark"', () => {
    const theme = readFileSync(join(src, 'styles/theme.css'), 'utf8');
    const blocks = theme.split(/\{/).slice(1);
    const names = (block: string) => [...block.matchAll(/(--[a-z-]+)\s*:/g)].map((m) => m[1]).sort();
    const [light, , systemDark, forcedDark] = blocks.map(names);
    expect(light!.length).toBeGreaterThan(30);
    expect(systemDark).toEqual(light);
    expect(forcedDark).toEqual(light);
  });
});
