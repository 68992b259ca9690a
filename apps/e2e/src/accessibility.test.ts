import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { seriousViolations } from './support/axe.ts';
import { launchBrowser, personPage } from './support/browser.ts';
import { hasChromium } from './support/requirements.ts';
import { printServerOutputOnFailure, startServer, type RunningServer } from './support/server.ts';

describe.skipIf(!hasChromium)('accessibility', () => {
  let server: RunningServer;
  let browser: Browser;
  let visitor: Page;
  let helper: Page;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    visitor = await personPage(browser, { width: 1280, height: 800 });
    helper = await personPage(browser, { width: 1440, height: 900 });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
  printServerOutputOnFailure(() => server);

  const focusedName = (page: Page) =>
    page.evaluate(() => {
      let el = document.activeElement;
      while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
      return el?.getAttribute('aria-label') ?? el?.textContent?.trim() ?? '';
    });

  it('lets a visitor ask with the keyboard alone, and gives the focus back on Escape', async () => {
    await visitor.goto(`${server.url}/demo`);
    await visitor.getByRole('button', { name: 'Chat with the community' }).waitFor();
    await visitor.keyboard.press('Shift+Tab'); // the launcher is the last control of the page
    expect(await focusedName(visitor)).toBe('Chat with the community');
    await visitor.keyboard.press('Enter');
    await expect.poll(() => focusedName(visitor)).toBe('Your message');
    await visitor.keyboard.type('Can I ask with the keyboard only?');
    await visitor.keyboard.press('Enter');
    await visitor.getByRole('log', { name: 'Conversation' }).getByText('keyboard only').waitFor();
    await visitor.keyboard.press('Escape');
    await expect.poll(() => focusedName(visitor)).toBe('Chat with the community');
    expect(await visitor.getByRole('dialog').count()).toBe(0);
  });

  it('finds no serious or critical axe issue on the shop with the chat open', async () => {
    await visitor.keyboard.press('Enter');
    await visitor.getByRole('dialog').waitFor();
    expect(await seriousViolations(visitor)).toEqual([]);
  });

  it('finds no serious or critical axe issue in the backoffice, signed out and at work', async () => {
    await helper.goto(`${server.url}/backoffice`);
    await helper.getByRole('button', { name: 'Sign in' }).waitFor();
    expect(await seriousViolations(helper)).toEqual([]);
    await helper.getByLabel('Email').fill('helper1@demo.tribu');
    await helper.getByLabel('Password').fill('tribu-demo');
    await helper.getByRole('button', { name: 'Sign in' }).click();
    await helper.getByRole('button', { name: /Take request/ }).click();
    await helper.getByRole('log', { name: 'Conversation' }).getByText('keyboard only').waitFor();
    expect(await seriousViolations(helper)).toEqual([]);
  });
});
