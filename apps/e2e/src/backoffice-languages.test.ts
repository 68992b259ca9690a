import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { en } from '../../backoffice/src/i18n/messages/en/index.ts';
import { es } from '../../backoffice/src/i18n/messages/es/index.ts';
import { fr } from '../../backoffice/src/i18n/messages/fr/index.ts';
import { launchBrowser, screenshot } from './support/browser.ts';
import { visitorAsks } from './support/desk-cast.ts';
import { DEMO_PASSWORD } from './support/people.ts';
import { hasChromium } from './support/requirements.ts';
import { printServerOutputOnFailure, startServer, type RunningServer } from './support/server.ts';

type Tree = { [key: string]: unknown };
const SAMPLE = ['\u0001', '\u0001', '\u0001', '\u0001'];

/** Every message of a catalogue by its path; a function's message is cut at its parameters into fixed pieces. */
function flatten(tree: Tree, prefix = '', out = new Map<string, string[]>()): Map<string, string[]> {
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, [value]);
    else if (typeof value === 'function') {
      try {
        out.set(path, String((value as (...a: unknown[]) => unknown)(...SAMPLE)).split('\u0001'));
      } catch {
        // A message that needs an argument of another shape: its pieces are checked by the catalogue tests.
      }
    } else if (value && typeof value === 'object') flatten(value as Tree, path, out);
  }
  return out;
}

/** English words that French and Spanish never use: two of them in a piece of text make it English. */
const ENGLISH =
  /\b(the|and|your|you|with|for|is|are|this|that|will|can|have|from|it|who|what|when|here|there|any|than|yet|been|was|were|they|their|our|we|not|of|to|no one|nobody|yet|please)\b/gi;
const DIR = dirname(fileURLToPath(import.meta.url));
/** What the demo data says (a site's own words, in English on the demo site): not the backoffice's words. */
const DEMO_CONTENT = readdirSync(join(DIR, '../../server/src/seed'))
  .map((f) => readFileSync(join(DIR, '../../server/src/seed', f), 'utf8'))
  .join('\n');
const QUESTION = 'Hi! Does the Summit jacket run small?';

/** The visible words of a page and what a screen reader hears (labels, titles, placeholders, alt texts). */
function wordsOnPage(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out = new Set<string>();
    const skip = (el: Element) => el.closest('[translate="no"], script, style, noscript, svg, textarea');
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (!el || skip(el) || !el.checkVisibility()) continue;
      const t = (n.textContent ?? '').replace(/\s+/g, ' ').trim();
      if (/\p{L}{2,}/u.test(t)) out.add(t);
    }
    for (const el of Array.from(document.querySelectorAll('[aria-label], [title], [placeholder], [alt]'))) {
      if (skip(el) || !el.checkVisibility()) continue;
      for (const a of ['aria-label', 'title', 'placeholder', 'alt']) {
        const v = el.getAttribute(a)?.trim();
        if (v && /\p{L}{2,}/u.test(v)) out.add(v);
      }
    }
    if (document.title) out.add(document.title);
    return [...out];
  });
}

interface Visit {
  path: string;
  as: 'helper' | 'manager' | 'admin' | null;
}

const ROUTES: Visit[] = [
  { path: '/backoffice/login', as: null },
  { path: '/backoffice/forgot-password', as: null },
  { path: '/backoffice/reset-password?token=x', as: null },
  { path: '/backoffice/join/demo', as: null },
  { path: '/backoffice/invite/not-a-token', as: null },
  { path: '/backoffice/confirm-email', as: null },
  { path: '/backoffice/unsubscribe', as: null },
  { path: '/backoffice/monthly-report/unsubscribe', as: null },
  { path: '/backoffice', as: 'helper' },
  { path: '/backoffice/profile', as: 'helper' },
  { path: '/backoffice/recognition', as: 'helper' },
  { path: '/backoffice/rewards', as: 'helper' },
  { path: '/backoffice/events', as: 'helper' },
  { path: '/backoffice/charter', as: 'helper' },
  { path: '/backoffice', as: 'manager' },
  { path: '/backoffice/manage/numbers', as: 'manager' },
  { path: '/backoffice/manage/moderation', as: 'manager' },
  { path: '/backoffice/manage/team', as: 'manager' },
  { path: '/backoffice/manage/audit', as: 'manager' },
  { path: '/backoffice/manage/privacy', as: 'manager' },
  { path: '/backoffice/manage/applications', as: 'manager' },
  { path: '/backoffice/manage/newcomers', as: 'manager' },
  { path: '/backoffice/manage/missions', as: 'manager' },
  { path: '/backoffice/manage/digest', as: 'manager' },
  { path: '/backoffice/manage/events', as: 'manager' },
  { path: '/backoffice/manage/recognition', as: 'manager' },
  { path: '/backoffice/observe', as: 'manager' },
  { path: '/backoffice/manage/site', as: 'admin' },
  { path: '/backoffice/manage/integrations', as: 'admin' },
  { path: '/backoffice/operator', as: 'admin' },
];
const PEOPLE = { helper: 'helper1@demo.tribu', manager: 'manager@demo.tribu', admin: 'admin@demo.tribu' } as const;

describe.skipIf(!hasChromium)('the backoffice in French and in Spanish', () => {
  let server: RunningServer;
  let browser: Browser;
  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    // A visitor's question on the board, so the desk shows a request and a chat.
    await visitorAsks(browser, server.url, { path: '/demo/product', question: QUESTION, locale: 'en-US' });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
  printServerOutputOnFailure(() => server);

  for (const [locale, tag, target] of [
    ['fr', 'fr-FR', fr],
    ['es', 'es-ES', es],
  ] as const) {
    it(`shows every route in ${locale === 'fr' ? 'French' : 'Spanish'} with no English word left`, async () => {
      const english = flatten(en);
      const translated = flatten(target);
      // The fixed pieces of English messages that read differently in this language: a one-word piece counts when it
      // is the whole text ("Save"), a longer one when it stands in the text as whole words.
      const brand = /^(Tribu|OK|CSV|API|URL|pts|min)$/;
      const pieces = [...english]
        .filter(([key, parts]) => parts.join('\u0001') !== translated.get(key)?.join('\u0001'))
        .flatMap(([, parts]) => parts.map((p) => p.trim()))
        .filter((p) => (p.match(/\p{L}+/gu) ?? []).some((w) => w.length >= 2 && !brand.test(w)));
      const whole = new Set(pieces.filter((p) => !/\s/.test(p)));
      // A phrase needs two words of three letters or more: "of 5" or "Comment on" would find French and Spanish too.
      const phrases = [...new Set(pieces.filter((p) => (p.match(/\p{L}{3,}/gu) ?? []).length >= 2))].map((p) => ({
        p,
        re: new RegExp(`(^|[^\\p{L}])${p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^\\p{L}])`, 'u'),
      }));
      const englishIn = (text: string) => (whole.has(text) ? text : phrases.find(({ re }) => re.test(text))?.p);
      const contexts = new Map<string, BrowserContext>();
      const contextFor = async (as: Visit['as']) => {
        const key = as ?? 'nobody';
        if (!contexts.has(key)) {
          const context = await browser.newContext({ locale: tag, viewport: { width: 1440, height: 900 } });
          if (as) {
            const res = await context.request.post(`${server.url}/api/auth/login`, { data: { email: PEOPLE[as], password: DEMO_PASSWORD } });
            expect(res.status(), `${as} signs in`).toBe(200);
          }
          contexts.set(key, context);
        }
        return contexts.get(key)!;
      };
      const problems: string[] = [];
      for (const visit of ROUTES) {
        const page = await (await contextFor(visit.as)).newPage();
        const said: string[] = [];
        page.on('console', (m) => said.push(`${m.type()}: ${m.text()}`));
        page.on('pageerror', (e) => said.push(`pageerror: ${e.message}`));
        page.on('requestfailed', (r) => said.push(`failed: ${r.url()} ${r.failure()?.errorText}`));
        await page.goto(`${server.url}${visit.path}`);
        const where = `${visit.path} (${visit.as ?? 'signed out'})`;
        try {
          await page.waitForFunction(() => (document.getElementById('app')?.innerText.trim().length ?? 0) > 0 && !document.querySelector('.splash'));
          // Most pages settle at once; a desk whose socket is still on long-polling never goes quiet: a moment is enough.
          await page.waitForLoadState('networkidle', { timeout: 5_000 }).catch(() => page.waitForTimeout(1_000));
        } catch {
          const state = await page.evaluate(() => ({
            text: document.getElementById('app')?.innerText.slice(0, 200),
            splash: !!document.querySelector('.splash'),
            url: location.href,
          }));
          await screenshot(page, `lang-${locale}-nothing-${visit.as}`);
          problems.push(`${where}: shows nothing within 30 s ${JSON.stringify(state)} ${said.join(' | ')}`);
          await page.close();
          continue;
        }
        if (visit.path === '/backoffice' && visit.as === 'helper') {
          // Open the visitor's chat (the desk's busiest screen); in the second language it is already one of her tabs.
          const take = page.locator('.requests .card button').first();
          if (await take.count()) await take.click();
          await page.getByText(QUESTION).first().waitFor();
        }
        const lang = await page.evaluate(() => document.documentElement.lang);
        if (lang !== locale) problems.push(`${where}: <html lang="${lang}">`);
        for (const text of await wordsOnPage(page)) {
          // A visitor's words are quoted the reader's way (“…”, « … »): the words inside are the visitor's.
          const unquoted = text.replace(/^[“«"]\s*|\s*[”»"]$/g, '');
          if (DEMO_CONTENT.includes(unquoted) || text.includes(QUESTION)) continue;
          const piece = englishIn(text);
          const englishWords = text.match(ENGLISH) ?? [];
          if (piece) problems.push(`${where}: "${text}" has the English "${piece}"`);
          else if (englishWords.length >= 2) problems.push(`${where}: "${text}" reads as English`);
        }
        if (visit.path === '/backoffice' || visit.path.endsWith('numbers') || visit.path.endsWith('recognition')) {
          await screenshot(page, `lang-${locale}-${visit.as}-${visit.path.split('/').pop() || 'desk'}`);
        }
        await page.close();
      }
      for (const c of contexts.values()) await c.close();
      expect(problems).toEqual([]);
    }, 300_000);
  }
});
