import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, personPage, screenshot } from './support/browser.ts';
import { hasChromium } from './support/requirements.ts';
import { startServer, type RunningServer } from './support/server.ts';

describe.skipIf(!hasChromium)('backoffice sign-in', () => {
  let server: RunningServer;
  let browser: Browser;
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

  it('shows why a wrong password is refused and stays on the sign-in form', async () => {
    await page.goto(`${server.url}/backoffice`);
    await page.getByLabel('Email').fill('helper1@demo.tribu');
    await page.getByLabel('Password').fill('not-the-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').getByText('Wrong email or password').waitFor();
    expect(page.url()).toMatch(/\/backoffice\/login$/);
    await screenshot(page, 'signin-phone-error');
  });

  it('signs in, survives a reload, and signs out', async () => {
    await page.getByLabel('Password').fill('tribu-demo');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('region', { name: 'Incoming requests' }).waitFor();
    await screenshot(page, 'backoffice-phone');
    await page.reload();
    await page.getByRole('region', { name: 'Incoming requests' }).waitFor();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
  });
});
