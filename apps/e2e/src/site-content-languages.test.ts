import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { en } from '../../backoffice/src/i18n/messages/en/index.ts';
import { fr } from '../../backoffice/src/i18n/messages/fr/index.ts';
import { launchBrowser, screenshot } from './support/browser.ts';
import { visitorAsks } from './support/desk-cast.ts';
import { DEMO_PASSWORD } from './support/people.ts';
import { hasChromium } from './support/requirements.ts';
import { printServerOutputOnFailure, startServer, type RunningServer } from './support/server.ts';

const FOR_MANAGER = 'Hi! Do you take returns on sale items?';
const FOR_HELPER = 'Hello, can I send back a jacket that does not fit?';
const ANSWER_EN = 'Returns are free for 30 days, sale items included.';
const ANSWER_FR = 'Les retours sont gratuits pendant 30 jours, soldes compris.';

/** Signs in through the API (as the form does), optionally choosing the profile's language, and opens the desk. */
async function openDesk(browser: Browser, url: string, email: string, profileLocale?: 'fr'): Promise<{ context: BrowserContext; page: Page }> {
  // The browser asks for English: the French a helper reads comes from their profile alone.
  const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1440, height: 900 } });
  const res = await context.request.post(`${url}/api/auth/login`, { data: { email, password: DEMO_PASSWORD } });
  expect(res.status()).toBe(200);
  if (profileLocale) {
    const { csrfToken } = (await res.json()) as { csrfToken: string };
    const set = await context.request.patch(`${url}/api/profile`, { data: { locale: profileLocale }, headers: { 'x-csrf-token': csrfToken, origin: url } });
    expect(set.status()).toBe(200);
  }
  const page = await context.newPage();
  await page.goto(`${url}/backoffice`);
  return { context, page };
}

describe.skipIf(!hasChromium)('site content per language: a French canned answer', () => {
  let server: RunningServer;
  let browser: Browser;
  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    for (const question of [FOR_MANAGER, FOR_HELPER]) await visitorAsks(browser, server.url, { path: '/demo/product', question, locale: 'en-US' });
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
  printServerOutputOnFailure(() => server);

  it('lets a manager write a team answer in French too, and a helper whose profile is in French gets the French one', async () => {
    // The manager (English) takes a chat, then writes the answer for the whole team, in English and in French.
    const { page: mgr } = await openDesk(browser, server.url, 'manager@demo.tribu');
    const board = mgr.getByRole('region', { name: en.desk.board.title });
    await board.getByRole('button', { name: en.desk.board.takeRequest(FOR_MANAGER) }).click();
    await mgr.getByRole('button', { name: en.desk.reply.canned, exact: true }).click();
    const dialog = mgr.getByRole('dialog', { name: en.desk.canned.title });
    await dialog.getByRole('textbox', { name: en.desk.canned.shortcut }).fill('returns');
    await dialog.getByRole('textbox', { name: en.desk.canned.answer, exact: true }).fill(ANSWER_EN);
    await dialog.getByRole('combobox', { name: en.desk.canned.for }).selectOption('site');
    const group = dialog.getByRole('group', { name: en.content.otherLanguages });
    const tabs = group.getByRole('tab');
    expect(await tabs.allTextContents()).toEqual([en.content.tab.fr, en.content.tab.es]);
    expect(await group.getByRole('tab', { name: en.content.tab.fr }).getAttribute('aria-selected')).toBe('true');
    await group.getByRole('textbox', { name: en.content.field(en.desk.canned.answer, en.content.languageName.fr) }).fill(ANSWER_FR);
    await group
      .getByRole('tab', { name: new RegExp(`^${en.content.tab.fr}`) })
      .getByText(en.content.written)
      .waitFor({ state: 'attached' });
    await group.getByRole('tab', { name: en.content.tab.es }).click();
    // Spanish left empty: its field shows the default text it falls back to.
    expect(await group.getByRole('textbox', { name: en.content.field(en.desk.canned.answer, en.content.languageName.es) }).getAttribute('placeholder')).toBe(
      ANSWER_EN,
    );
    await group.getByRole('tab', { name: new RegExp(`^${en.content.tab.fr}`) }).click();
    await screenshot(mgr, 'content-canned-1440');
    await mgr.setViewportSize({ width: 390, height: 844 });
    await group.scrollIntoViewIfNeeded();
    expect(await mgr.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBe(0);
    await screenshot(mgr, 'content-canned-390');
    await dialog.getByRole('button', { name: en.desk.canned.add }).click();
    await dialog.getByText('/returns').waitFor();

    // A helper whose profile is in French: the picker offers the French answer and inserts it.
    const { page: helper } = await openDesk(browser, server.url, 'helper1@demo.tribu', 'fr');
    const frBoard = helper.getByRole('region', { name: fr.desk.board.title });
    await frBoard.getByRole('button', { name: fr.desk.board.takeRequest(FOR_HELPER) }).click();
    const reply = helper.getByRole('textbox', { name: fr.desk.reply.label });
    await reply.fill('/ret');
    const option = helper.getByRole('listbox', { name: fr.desk.canned.title }).getByRole('option', { name: /returns/ });
    await option.getByText(ANSWER_FR).waitFor();
    await screenshot(helper, 'content-canned-picker-fr');
    await reply.press('Enter');
    expect(await reply.inputValue()).toBe(ANSWER_FR);
  });
});
