import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { en } from '../../backoffice/src/i18n/messages/en/index.ts';
import { es } from '../../backoffice/src/i18n/messages/es/index.ts';
import { fr } from '../../backoffice/src/i18n/messages/fr/index.ts';
import { launchBrowser, screenshot } from './support/browser.ts';
import { DEMO_PASSWORD } from './support/people.ts';
import { hasChromium } from './support/requirements.ts';
import { printServerOutputOnFailure, startServer, type RunningServer } from './support/server.ts';

declare global {
  interface Window {
    /** Set by the test on the page: still there after a language switch means the page never reloaded. */
    languageMarker?: string;
  }
}

const WIDE = { width: 1440, height: 900 };
const PHONE = { width: 390, height: 844 };

describe.skipIf(!hasChromium)('the backoffice language: the profile’s choice, the browser’s, a signed-out pick', () => {
  let server: RunningServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
    await server?.stop();
  });
  printServerOutputOnFailure(() => server);

  /** A browser of its own, speaking `locale` (its Accept-Language and navigator.languages). */
  async function browserIn(locale: string, viewport = WIDE): Promise<Page> {
    const context = await browser.newContext({ viewport, locale });
    contexts.push(context);
    const page = await context.newPage();
    page.on('pageerror', (e) => console.error(`[page error] ${e.message}`));
    return page;
  }

  async function signInWith(page: Page, words: typeof en, email: string) {
    await page.getByRole('textbox', { name: words.account.email }).fill(email);
    await page.getByLabel(words.account.password, { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: words.account.signIn }).click();
  }

  const mark = (page: Page) => page.evaluate(() => void (window.languageMarker = 'still here'));
  const marker = (page: Page) => page.evaluate(() => window.languageMarker ?? null);
  const lang = (page: Page) => page.evaluate(() => document.documentElement.lang);

  it('switches the whole backoffice to French at once from the profile, keeps it on a reload, and on another browser', async () => {
    const page = await browserIn('en-US');
    await page.goto(`${server.url}/backoffice`);
    await signInWith(page, en, 'helper3@demo.tribu');
    await page.getByRole('link', { name: /my profile/ }).click();
    await page.getByRole('heading', { name: en.account.profile.title }).waitFor();
    const topBar = page.getByRole('navigation', { name: en.shell.nav.main });
    await topBar.getByRole('link', { name: en.shell.nav.recognition }).waitFor();
    await mark(page);

    await page.getByLabel(en.account.language.label).selectOption({ label: 'Français' });
    await page.getByRole('heading', { name: fr.account.profile.title, exact: true }).waitFor();
    // The top bar and the page switched together, and the page never reloaded.
    await page.getByRole('navigation', { name: fr.shell.nav.main }).getByRole('link', { name: fr.shell.nav.recognition }).waitFor();
    expect(await page.getByRole('heading', { name: fr.account.hours.title }).count()).toBe(1);
    expect(await marker(page)).toBe('still here');
    expect(await lang(page)).toBe('fr');
    await screenshot(page, 'language-profile-fr-1440');

    // The choice lives in the profile, not in this browser: with its storage emptied, a reload is still French.
    await page.evaluate(() => localStorage.clear());
    await page.reload();
    await page
      .getByRole('heading', { name: fr.account.profile.title, exact: true })
      .waitFor()
      .catch(async (e: unknown) => {
        await screenshot(page, 'language-reload-failed');
        console.error('after the reload:', page.url(), await lang(page), await page.evaluate(() => document.body.innerText.slice(0, 300)));
        throw e;
      });
    expect(await page.getByLabel(fr.account.language.label).inputValue()).toBe('fr');
    expect(await marker(page)).toBeNull(); // this one was a real reload

    // Another English browser signing in as the same person gets French too.
    const elsewhere = await browserIn('en-GB');
    await elsewhere.goto(`${server.url}/backoffice`);
    await signInWith(elsewhere, en, 'helper3@demo.tribu');
    await elsewhere.getByRole('navigation', { name: fr.shell.nav.main }).waitFor();
    expect(await lang(elsewhere)).toBe('fr');

    // Back to Automatic: the browser's English, at once.
    await mark(page);
    await page.getByLabel(fr.account.language.label).selectOption({ value: '' });
    await page.getByRole('heading', { name: en.account.profile.title, exact: true }).waitFor();
    expect(await marker(page)).toBe('still here');
  });

  it('shows the sign-in page in French to a French browser, and signs in in French', async () => {
    const page = await browserIn('fr-FR');
    await page.goto(`${server.url}/backoffice`);
    await page.getByRole('heading', { name: fr.account.login.welcome }).waitFor();
    expect(await lang(page)).toBe('fr');
    await screenshot(page, 'language-sign-in-fr-1440');
    await page.setViewportSize(PHONE);
    await screenshot(page, 'language-sign-in-fr-390');
    await page.setViewportSize(WIDE);
    await signInWith(page, fr, 'helper4@demo.tribu');
    await page.getByRole('navigation', { name: fr.shell.nav.main }).waitFor();
  });

  it('keeps a Spanish choice from the sign-in page’s switch on this browser', async () => {
    const page = await browserIn('en-US', PHONE);
    await page.goto(`${server.url}/backoffice`);
    await page.getByRole('heading', { name: en.account.login.welcome }).waitFor();
    await mark(page);
    await page.getByRole('navigation', { name: en.account.switchLanguage }).getByRole('button', { name: 'Español' }).click();
    await page.getByRole('heading', { name: es.account.login.welcome }).waitFor();
    expect(await marker(page)).toBe('still here');
    expect(await page.getByRole('button', { name: 'Español' }).getAttribute('aria-pressed')).toBe('true');
    await screenshot(page, 'language-sign-in-es-390');
    await page.setViewportSize(WIDE);
    await screenshot(page, 'language-sign-in-es-1440');
    await page.setViewportSize(PHONE);

    await page.reload();
    await page.getByRole('heading', { name: es.account.login.welcome }).waitFor();
    await page.getByRole('link', { name: es.account.login.forgot }).click();
    await page.getByRole('heading', { name: es.account.forgot.title }).waitFor();
    await page.getByRole('link', { name: es.account.forgot.backToSignIn }).click();

    // Signed in with no choice in the profile, the desk keeps this browser's pick.
    await signInWith(page, es, 'helper5@demo.tribu');
    await page.getByRole('heading', { name: es.account.login.welcome }).waitFor({ state: 'detached' });
    expect(await lang(page)).toBe('es');
  });

  it('shows the profile, recognition and rewards in French and Spanish, wide and on a phone (screenshots)', async () => {
    for (const [code, words, email] of [
      ['fr', fr, 'helper1@demo.tribu'],
      ['es', es, 'helper2@demo.tribu'],
    ] as const) {
      const page = await browserIn(code === 'fr' ? 'fr-FR' : 'es-ES');
      await page.goto(`${server.url}/backoffice`);
      await signInWith(page, words, email);
      await page.getByRole('navigation', { name: words.shell.nav.main }).waitFor();
      for (const size of [WIDE, PHONE]) {
        await page.setViewportSize(size);
        await page.goto(`${server.url}/backoffice/profile`);
        await page.getByRole('heading', { name: words.account.profile.title, exact: true }).waitFor();
        await page.getByRole('heading', { name: words.account.hours.title }).waitFor();
        await screenshot(page, `language-profile-${code}-${size.width}`);
        await page.goto(`${server.url}/backoffice/recognition`);
        await page.getByRole('heading', { name: words.recognition.badges.title, exact: true }).waitFor();
        await screenshot(page, `language-recognition-${code}-${size.width}`);
        await page.goto(`${server.url}/backoffice/rewards`);
        await page.getByRole('heading', { name: words.recognition.rewards.catalogue }).waitFor();
        await page.getByText(words.recognition.rewards.loading).waitFor({ state: 'detached' });
        await screenshot(page, `language-rewards-${code}-${size.width}`);
      }
    }
  });

  it('speaks French on the other signed-out pages and the recognition settings (screenshots)', async () => {
    const page = await browserIn('fr-FR');
    for (const [path, heading] of [
      ['/backoffice/forgot-password', fr.account.forgot.title],
      ['/backoffice/reset-password', fr.account.reset.title],
      ['/backoffice/unsubscribe', fr.account.digestStop.title],
      ['/backoffice/monthly-report/unsubscribe', fr.account.reportStop.title],
      ['/backoffice/confirm-email', fr.account.confirmEmail.title],
    ] as const) {
      await page.goto(`${server.url}${path}`);
      await page.getByRole('heading', { name: heading }).waitFor();
      await page.getByRole('navigation', { name: fr.account.switchLanguage }).waitFor();
      await screenshot(page, `language${path.replace(/\//g, '-').replace('-backoffice', '')}-fr-1440`);
    }
    await page.goto(`${server.url}/backoffice/login`);
    await signInWith(page, fr, 'manager@demo.tribu');
    await page.getByRole('navigation', { name: fr.shell.nav.main }).waitFor();
    for (const size of [WIDE, PHONE]) {
      await page.setViewportSize(size);
      await page.goto(`${server.url}/backoffice/manage/recognition`);
      await page.getByRole('heading', { name: fr.recognition.scoring.title }).waitFor();
      await screenshot(page, `language-recognition-settings-fr-${size.width}`);
      await page.goto(`${server.url}/backoffice/rewards`);
      await page.getByRole('heading', { name: fr.recognition.queue.title }).waitFor();
      await page.getByRole('button', { name: fr.recognition.rewards.edit }).first().waitFor();
      await screenshot(page, `language-rewards-manager-fr-${size.width}`);
    }
  });
});
