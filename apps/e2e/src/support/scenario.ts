import { afterAll, beforeAll } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, personPage } from './browser.ts';
import { printServerOutputOnFailure, startServer, type RunningServer } from './server.ts';

export interface Scenario {
  server: RunningServer;
  browser: Browser;
  /** A shopper on the merchant's pages (own browser context). */
  visitor: Page;
  /** A helper in the backoffice (own browser context). */
  helper: Page;
}

interface Options {
  visitor?: { width: number; height: number };
  helper?: { width: number; height: number };
  browserArgs?: string[];
}

/**
 * The usual cast of a browser scenario, set up for the enclosing describe block: a fresh Tribu
 * process, one Chromium, a visitor and a helper; the server's output is printed when a test fails.
 */
export function useScenario(opts: Options = {}): Scenario {
  const s = {} as Scenario;
  beforeAll(async () => {
    s.server = await startServer();
    s.browser = await launchBrowser(opts.browserArgs);
    s.helper = await personPage(s.browser, opts.helper ?? { width: 1440, height: 900 });
    s.visitor = await personPage(s.browser, opts.visitor ?? { width: 1280, height: 800 });
  });
  afterAll(async () => {
    await s.browser?.close();
    await s.server?.stop();
  });
  printServerOutputOnFailure(() => s.server);
  return s;
}
