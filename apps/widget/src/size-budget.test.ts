import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';

const dist = join(dirname(fileURLToPath(import.meta.url)), '../dist');
const gz = (file: string) => gzipSync(readFileSync(join(dist, file)), { level: 9 }).length;

// Budgets from the widget issue: the loader sits on every page view of every merchant.
const LOADER_BUDGET = 3 * 1024;
const CHAT_BUDGET = 30 * 1024;

describe('widget size budget (built files, gzipped)', () => {
  it('has been built (pnpm build runs before the tests)', () => {
    expect(existsSync(join(dist, 'widget.js')), 'run `pnpm build` first').toBe(true);
  });

  it(`keeps the loader within ${LOADER_BUDGET} bytes`, () => {
    const size = gz('widget.js');
    console.info(`loader widget.js: ${size} B gzipped (budget ${LOADER_BUDGET})`);
    expect(size).toBeLessThanOrEqual(LOADER_BUDGET);
  });

  it(`keeps what the chat adds on first open within ${CHAT_BUDGET} bytes`, () => {
    const size = gz('chat.js');
    console.info(`chat chunk chat.js: ${size} B gzipped (budget ${CHAT_BUDGET})`);
    expect(size).toBeLessThanOrEqual(CHAT_BUDGET);
  });

  it('keeps the chat itself in chat.js, not behind a re-export of a shared chunk the budget would not see', () => {
    const code = readFileSync(join(dist, 'chat.js'), 'utf8');
    const imported = [...code.matchAll(/from\s*["']\.\/(chat-[^"']+)["']/g)].map((m) => m[1]);
    expect(imported, 'chat.js statically imports other chunks').toEqual([]);
  });
});
