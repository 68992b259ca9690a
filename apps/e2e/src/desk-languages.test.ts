import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { en, type Messages } from '../../backoffice/src/i18n/messages/en/index.ts';
import { es } from '../../backoffice/src/i18n/messages/es/index.ts';
import { fr } from '../../backoffice/src/i18n/messages/fr/index.ts';
import { launchBrowser, screenshot } from './support/browser.ts';
import { visitorAsks } from './support/desk-cast.ts';
import { DEMO_PASSWORD } from './support/people.ts';
import { hasChromium } from './support/requirements.ts';
import { printServerOutputOnFailure, startServer, type RunningServer } from './support/server.ts';

const ASKS = [
  { path: '/demo/product', question: 'Hi! Does the Summit jacket run small?', locale: 'en-US' },
  { path: '/demo/cart', question: 'Bonjour ! Livrez-vous en Belgique ?', locale: 'fr-BE' },
  { path: '/demo/order', question: 'Hola, ¿puedo cambiar la talla de mi pedido?', locale: 'en-GB' },
] as const;

/**
 * Controls whose words do not fit (text clipped inside its box) and how far the page scrolls sideways: French and
 * Spanish run about a quarter longer than English.
 */
const overflow = (page: Page) =>
  page.evaluate(() => {
    const clipped = Array.from(document.querySelectorAll('button, a, .chat-tab, .tab-text strong, .link-state, h2'))
      .filter((el) => el.getBoundingClientRect().width > 1 && el.checkVisibility())
      .filter((el) => el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).textOverflow !== 'ellipsis')
      .map((el) => (el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 60));
    return { clipped, sideways: document.documentElement.scrollWidth - window.innerWidth };
  });

describe.skipIf(!hasChromium)('the desk in English, French and Spanish', () => {
  let server: RunningServer;
  let browser: Browser;
  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    for (const ask of ASKS) await visitorAsks(browser, server.url, ask);
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
  printServerOutputOnFailure(() => server);

  const cases: [string, string, Messages, string, string][] = [
    ['en', 'en-US', en, 'helper3@demo.tribu', 'English'],
    ['fr', 'fr-FR', fr, 'helper1@demo.tribu', 'French'],
    ['es', 'es-ES', es, 'helper2@demo.tribu', 'Spanish'],
  ];
  for (const [lang, tag, t, email, name] of cases) {
    it(`takes a request and answers in ${name}, nothing clipped at 1440 and 390 px`, async () => {
      const context = await browser.newContext({ locale: tag, viewport: { width: 1440, height: 900 } });
      const res = await context.request.post(`${server.url}/api/auth/login`, { data: { email, password: DEMO_PASSWORD } });
      expect(res.status()).toBe(200);
      const page = await context.newPage();
      await page.goto(`${server.url}/backoffice`);
      const board = page.getByRole('region', { name: t.desk.board.title });
      await board.waitFor();
      expect(await page.evaluate(() => document.documentElement.lang)).toBe(lang);

      // One request taken and answered, the other left waiting on the board.
      const ask = ASKS[cases.findIndex((c) => c[0] === lang)]!;
      await board.getByRole('button', { name: t.desk.board.takeRequest(ask.question) }).click();
      const reply = page.getByRole('textbox', { name: t.desk.reply.label });
      const answer = { en: 'It runs true to size.', fr: 'Oui, nous livrons en Belgique.', es: 'Sí, hasta que se envíe.' }[lang]!;
      await reply.fill(answer);
      await reply.press('Enter');
      await page.getByRole('log', { name: t.desk.log.conversation }).getByText(answer).waitFor();
      await page.getByRole('button', { name: t.desk.pane.details, exact: true }).click();
      await page.getByRole('complementary', { name: t.desk.pane.detailsRegion }).getByText(t.desk.details.trail).first().waitFor();
      await page.getByRole('tab', { name: new RegExp(`^1\\. `) }).waitFor();
      await page.getByRole('button', { name: t.desk.peers.unfold }).click();
      expect(await page.title()).toMatch(/^(\(\d+\) )?Tribu$/);
      await screenshot(page, `desk-${lang}-1440`);
      const wide = await overflow(page);
      expect(wide.sideways).toBe(0);
      expect(wide.clipped).toEqual([]);

      // The end of an answered chat, with its undo.
      await page.getByRole('button', { name: t.desk.actions.end, exact: true }).click();
      await page.getByRole('button', { name: t.desk.end.undo, exact: true }).waitFor();
      await screenshot(page, `desk-${lang}-1440-undo`);
      await page.getByRole('button', { name: t.desk.end.undo, exact: true }).click();

      await page.setViewportSize({ width: 390, height: 844 });
      await page.getByRole('button', { name: t.desk.pane.board, exact: true }).click();
      await page.getByRole('navigation', { name: t.desk.phoneNav.label }).waitFor();
      await screenshot(page, `desk-${lang}-390-board`);
      const phoneBoard = await overflow(page);
      await page.getByRole('button', { name: new RegExp(`^${t.desk.phoneNav.myChats}`) }).click();
      await page.getByRole('tab', { name: /^1\. / }).click();
      await page.getByRole('textbox', { name: t.desk.reply.label }).waitFor();
      await screenshot(page, `desk-${lang}-390-chat`);
      const phoneChat = await overflow(page);
      expect([phoneBoard.sideways, phoneChat.sideways]).toEqual([0, 0]);
      expect([...phoneBoard.clipped, ...phoneChat.clipped]).toEqual([]);
      await context.close();
    }, 180_000);
  }
});
