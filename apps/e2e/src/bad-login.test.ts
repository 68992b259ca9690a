import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, personPage, screenshot } from './support/browser.ts';
import { DEMO_PASSWORD } from './support/people.ts';
import { hasChromium } from './support/requirements.ts';
import { printServerOutputOnFailure, startServer, type RunningServer } from './support/server.ts';

describe.skipIf(!hasChromium)('backoffice sign-in with a wrong password', () => {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  let page: Page;
  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    page = await personPage(browser, { width: 390, height: 844 });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
  printServerOutputOnFailure(() => server);

  it('shows an alert saying why and stays on the sign-in form', async () => {
    await page.goto(`${server!.url}/backoffice`);
    await page.getByRole('textbox', { name: 'Email' }).fill('helper1@demo.tribu');
    await page.getByLabel('Password').fill('not-the-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').getByText('Wrong email or password').waitFor();
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    await expect.poll(() => page.url()).toMatch(/\/backoffice\/login$/);
    expect(await page.getByRole('region', { name: 'Incoming requests' }).count()).toBe(0);
    await screenshot(page, 'signin-phone-error');
  });

  it('then signs in with the right password, survives a reload, and signs out', async () => {
    await page.getByLabel('Password').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('region', { name: 'Incoming requests' }).waitFor();
    await expect.poll(() => page.getByRole('alert').filter({ hasText: 'Wrong email or password' }).count()).toBe(0);
    await screenshot(page, 'backoffice-phone');
    await page.reload();
    await page.getByRole('region', { name: 'Incoming requests' }).waitFor();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
  });
});
