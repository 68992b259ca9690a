import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, personPage, screenshot } from './support/browser.ts';
import { signIn } from './support/people.ts';
import { hasChromium } from './support/requirements.ts';
import { printServerOutputOnFailure, startServer, type RunningServer } from './support/server.ts';

declare global {
  interface Window {
    Tribu?: {
      setLocale(l: string): void;
      setContext(c: Record<string, string | number>): void;
      on(e: string, fn: (d?: unknown) => void): () => void;
      open(): void;
      destroy(): void;
    };
    seen?: string[];
  }
}

describe.skipIf(!hasChromium)('the widget JavaScript API and languages', () => {
  let server: RunningServer;
  let browser: Browser;
  let visitor: Page;
  let helper: Page;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    helper = await personPage(browser, { width: 1440, height: 900 });
    visitor = await personPage(browser, { width: 1280, height: 800 });
    await signIn(helper, server.url, 'helper3@demo.tribu');
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
  printServerOutputOnFailure(() => server);

  it('switches the launcher and the chat to French with Tribu.setLocale()', async () => {
    await visitor.goto(`${server.url}/demo`);
    await visitor.getByRole('button', { name: 'Chat with the community' }).waitFor();
    await visitor.evaluate(() => window.Tribu!.setLocale('fr'));
    await visitor.getByRole('button', { name: 'Discuter avec la communauté' }).click();
    await visitor.getByText('Un membre de la communauté va vous répondre').waitFor();
    await visitor.getByRole('textbox', { name: 'Votre message' }).waitFor();
    await screenshot(visitor, 'visitor-french');
  });

  it('reports messages to Tribu.on() listeners and shows setContext() data to the helper', async () => {
    await visitor.evaluate(() => {
      window.seen = [];
      window.Tribu!.on('message', (m) => window.seen!.push((m as { text: string }).text));
      window.Tribu!.setContext({ cart: '189 EUR', plan: 'member' });
    });
    await visitor.getByRole('textbox', { name: 'Votre message' }).fill('La veste taille-t-elle petit ?');
    await visitor.getByRole('button', { name: 'Envoyer' }).click();
    await helper.getByRole('button', { name: /Take request: La veste/ }).click();
    await helper.getByRole('region', { name: 'Chat' }).getByText('cart: 189 EUR').waitFor();
    await helper.getByRole('textbox', { name: 'Reply' }).fill('Non, elle taille normalement.');
    await helper.getByRole('button', { name: 'Send' }).click();
    await visitor.getByRole('log', { name: 'Conversation' }).getByText('elle taille normalement').waitFor();
    await expect.poll(() => visitor.evaluate(() => window.seen)).toContain('Non, elle taille normalement.');
  });

  it('removes every trace from the page with Tribu.destroy()', async () => {
    await visitor.evaluate(() => window.Tribu!.destroy());
    await expect.poll(() => visitor.evaluate(() => document.querySelectorAll('tribu-widget').length)).toBe(0);
    await expect.poll(() => visitor.evaluate(() => typeof window.Tribu)).toBe('undefined');
  });
});
