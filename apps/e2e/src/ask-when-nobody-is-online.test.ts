import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, personPage, screenshot } from './support/browser.ts';
import { launcher, signIn } from './support/people.ts';
import { hasChromium } from './support/requirements.ts';
import { printServerOutputOnFailure, startServer, type RunningServer } from './support/server.ts';

describe.skipIf(!hasChromium)('asking when no helper is online', () => {
  let server: RunningServer;
  let browser: Browser;
  let visitor: Page;
  let helper: Page;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    visitor = await personPage(browser, { width: 390, height: 844 });
    helper = await personPage(browser, { width: 1440, height: 900 });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
  printServerOutputOnFailure(() => server);

  it('says honestly that nobody is online and keeps the question for later', async () => {
    await visitor.goto(`${server.url}/demo`);
    const launcher = visitor.getByRole('button', { name: 'Chat with the community' });
    await launcher.getByText('Leave a question').waitFor();
    await launcher.click();
    await visitor.getByText('Nobody from the community is online right now').waitFor();
    await visitor.getByRole('textbox', { name: /Your email/ }).fill('hiker@example.com');
    await visitor.getByRole('textbox', { name: 'Your message' }).fill('Do you ship to Norway?');
    await screenshot(visitor, 'visitor-offline-phone');
    await visitor.getByRole('button', { name: 'Send' }).click();
    await visitor.getByText('Your question is saved').waitFor();
  });

  it('lets a helper who signs in later answer, and the returning visitor finds the answer', async () => {
    await signIn(helper, server.url, 'helper2@demo.tribu');
    await helper.getByRole('button', { name: /Take request: Do you ship to Norway/ }).click();
    await helper.getByRole('textbox', { name: 'Reply' }).fill('Yes! Norway ships in 4–6 days, duties included.');
    await helper.getByRole('button', { name: 'Send' }).click();
    await visitor.reload();
    await visitor.getByRole('log', { name: 'Conversation' }).getByText('Norway ships in 4–6 days').waitFor();
    await screenshot(visitor, 'visitor-offline-answered-phone');
  });

  it('turns the launcher live for another visitor once a helper is online, without a reload', async () => {
    const other = await personPage(browser, { width: 1280, height: 800 });
    await signOutHelper();
    await other.goto(`${server.url}/demo`);
    await launcher(other).getByText('Leave a question').waitFor();
    await signIn(helper, server.url, 'helper2@demo.tribu');
    // The widget refreshes who can answer when the page comes back into view (and every 30 s).
    await expect
      .poll(
        async () => {
          await other.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
          return launcher(other).getByText(/Members online now|Usually answers in/).isVisible();
        },
        { timeout: 30_000, interval: 2_000 },
      )
      .toBe(true);
  });

  async function signOutHelper() {
    await helper.getByRole('button', { name: 'Sign out' }).click();
    await helper.getByRole('button', { name: 'Sign in' }).waitFor();
  }
});
