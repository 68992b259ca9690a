import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, personPage, screenshot } from './support/browser.ts';
import { hasChromium } from './support/requirements.ts';
import { printServerOutputOnFailure, startServer, type RunningServer } from './support/server.ts';

describe.skipIf(!hasChromium)('a network drop during a chat', () => {
  let server: RunningServer;
  let browser: Browser;
  let visitor: Page;
  let helper: Page;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    helper = await personPage(browser, { width: 1440, height: 900 });
    visitor = await personPage(browser, { width: 1280, height: 800 });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
  printServerOutputOnFailure(() => server);

  it('shows "reconnecting", then sends the messages typed meanwhile once, in order', async () => {
    await helper.goto(`${server.url}/backoffice`);
    await helper.getByLabel('Email').fill('helper4@demo.tribu');
    await helper.getByLabel('Password').fill('tribu-demo');
    await helper.getByRole('button', { name: 'Sign in' }).click();
    await visitor.goto(`${server.url}/demo`);
    await visitor.getByRole('button', { name: 'Chat with the community' }).click();
    const box = visitor.getByRole('textbox', { name: 'Your message' });
    await box.fill('Before the drop');
    await box.press('Enter');
    await helper.getByRole('button', { name: /Take request: Before the drop/ }).click();

    await server.restart({
      onDown: async () => {
        await visitor.getByText('Reconnecting…').waitFor();
        await box.fill('Typed while offline 1');
        await box.press('Enter');
        await box.fill('Typed while offline 2');
        await box.press('Enter');
        await visitor.getByText('Sending…').first().waitFor();
        await screenshot(visitor, 'visitor-reconnecting');
      },
    });

    const helperLog = helper.getByRole('log', { name: 'Conversation' });
    await helperLog.getByText('Typed while offline 2').waitFor({ timeout: 30_000 });
    const texts = await helperLog.locator('.bubble').allTextContents();
    expect(texts.filter((t) => t.startsWith('Typed while offline'))).toEqual([
      'Typed while offline 1',
      'Typed while offline 2',
    ]);
    await visitor.getByText('Reconnecting…').waitFor({ state: 'detached' });
    expect(await visitor.getByText('Sending…').count()).toBe(0);
  });
});
