import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { seriousViolations, WCAG22_AA } from './support/axe.ts';
import { personPage, screenshot } from './support/browser.ts';
import { launcher, signIn, visitorLog, waitForLiveLauncher } from './support/people.ts';
import { hasChromium } from './support/requirements.ts';
import { useScenario } from './support/scenario.ts';

const SIZES = [
  { width: 1440, height: 900 },
  { width: 390, height: 844 },
] as const;
const SCHEMES = ['light', 'dark'] as const;

/** Waits until the page stops changing (data loaded, lazy parts rendered), at most a few seconds. */
async function settle(page: Page): Promise<void> {
  await page.locator('.splash').waitFor({ state: 'detached' });
  let last = '';
  for (let i = 0; i < 24; i++) {
    const now = await page.evaluate(() => `${document.querySelectorAll('*').length}:${document.body.innerText.length}`);
    if (now === last) return;
    last = now;
    await page.waitForTimeout(250);
  }
}

/**
 * Runs axe's WCAG 2.2 A/AA rules on the screen as it is, at 1440 and 390 px, in light and dark, and
 * returns every serious or critical finding prefixed with where it was seen. Leaves the page at 1440, light.
 */
async function audit(page: Page, screen: string): Promise<string[]> {
  const found: string[] = [];
  for (const size of SIZES) {
    await page.setViewportSize(size);
    for (const colorScheme of SCHEMES) {
      await page.emulateMedia({ colorScheme });
      await settle(page);
      for (const v of await seriousViolations(page, WCAG22_AA)) found.push(`${screen} · ${size.width} px · ${colorScheme}\n      ${v}`);
    }
  }
  await page.setViewportSize(SIZES[0]);
  await page.emulateMedia({ colorScheme: 'light' });
  return found;
}

/** Opens `path` and audits it; `ready` names something the screen shows once it is there. */
async function visit(page: Page, base: string, path: string, ready?: (page: Page) => Promise<unknown>): Promise<string[]> {
  await page.goto(`${base}${path}`);
  await page
    .locator('main')
    .first()
    .waitFor({ timeout: 15_000 })
    .catch(async () => {
      throw new Error(`${path} shows no <main> (now at ${page.url()}): ${(await page.locator('body').innerText()).slice(0, 400)}`);
    });
  if (ready) await ready(page);
  return audit(page, path);
}

/** Fails with every finding, one per line, so a run shows all that is left to fix at once. */
function expectNone(found: string[]): void {
  expect(found, `\n${found.join('\n')}\n`).toEqual([]);
}

describe.skipIf(!hasChromium)('accessibility', () => {
  const s = useScenario();
  /** The chat the helper takes, which the admin then observes. */
  let chatId = '';

  const focusedName = (page: Page) =>
    page.evaluate(() => {
      let el = document.activeElement;
      while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
      return el?.getAttribute('aria-label') ?? el?.textContent?.trim() ?? '';
    });

  it('lets a visitor ask with the keyboard alone, and gives the focus back on Escape', async () => {
    await signIn(s.helper, s.server.url, 'helper1@demo.tribu');
    await s.visitor.goto(`${s.server.url}/demo`);
    await waitForLiveLauncher(s.visitor);
    await s.visitor.keyboard.press('Shift+Tab'); // the launcher is the last control of the page
    expect(await focusedName(s.visitor)).toBe('Chat with the community');
    await s.visitor.keyboard.press('Enter');
    await expect.poll(() => focusedName(s.visitor)).toBe('Your message');
    await s.visitor.keyboard.type('Can I ask with the keyboard only?');
    await s.visitor.keyboard.press('Enter');
    await visitorLog(s.visitor).getByText('keyboard only').waitFor();
    await s.visitor.keyboard.press('Escape');
    await expect.poll(() => focusedName(s.visitor)).toBe('Chat with the community');
    expect(await s.visitor.getByRole('dialog').count()).toBe(0);
  });

  it('finds no serious or critical axe issue on the shop with the chat open', async () => {
    await launcher(s.visitor).focus();
    await s.visitor.keyboard.press('Enter');
    await s.visitor.getByRole('dialog').waitFor();
    expect(await seriousViolations(s.visitor)).toEqual([]);
  });

  it('announces a new request on the board once, politely, through one live region', async () => {
    const board = s.helper.getByRole('region', { name: 'Incoming requests' });
    await board.getByText('Can I ask with the keyboard only?', { exact: true }).waitFor();
    const regions = board.locator('[aria-live="polite"][data-testid="new-requests-announcer"]');
    expect(await regions.count()).toBe(1);
    await expect.poll(() => regions.textContent()).toBe('New visitor request (1 waiting)');
  });

  it('finds no serious or critical WCAG 2.2 AA issue on the desk with a chat open, nor on the community feed', async () => {
    await s.helper.getByRole('button', { name: /Take request/ }).click();
    const log = s.helper.getByRole('log', { name: 'Conversation' });
    await log.getByText('keyboard only').waitFor();
    // New messages are read out by the log itself (role=log is polite), not item by item.
    expect(await log.getAttribute('aria-live')).toBe('polite');
    await s.helper.getByRole('textbox', { name: 'Reply' }).fill('Yes: Tab, Enter and Escape do it all.');
    await s.helper.getByRole('button', { name: 'Send' }).click();
    await log.getByText('Tab, Enter and Escape').waitFor();
    chatId = decodeURIComponent(new URL(s.helper.url()).pathname.split('/chats/')[1] ?? '');
    const found = await audit(s.helper, 'desk, chat open');
    for (const size of SIZES) {
      await s.helper.setViewportSize(size);
      await s.helper.emulateMedia({ colorScheme: 'dark' });
      await settle(s.helper);
      await screenshot(s.helper, `a11y-dark-desk-chat-${size.width}`);
    }
    await s.helper.setViewportSize(SIZES[0]);
    await s.helper.emulateMedia({ colorScheme: 'light' });
    await s.helper.getByRole('tab', { name: 'Community' }).click();
    await s.helper.locator('.feed').first().waitFor();
    found.push(...(await audit(s.helper, 'desk, community feed')));
    expectNone(found);
  }, 120_000);

  it('finds none on the helper’s own pages', async () => {
    const found: string[] = [];
    for (const path of ['/backoffice/recognition', '/backoffice/rewards', '/backoffice/profile', '/backoffice/charter', '/backoffice/events']) {
      found.push(...(await visit(s.helper, s.server.url, path)));
    }
    await s.helper.emulateMedia({ colorScheme: 'dark' });
    await screenshot(s.helper, 'a11y-dark-events-1440');
    await s.helper.emulateMedia({ colorScheme: 'light' });
    expectNone(found);
  }, 120_000);

  it('finds none on every management page, the operator’s and the observer’s, as the site admin', async () => {
    const admin = await personPage(s.browser, SIZES[0]);
    await signIn(admin, s.server.url, 'admin@demo.tribu');
    const found: string[] = [];
    const pages = [
      '/backoffice/manage/numbers',
      '/backoffice/manage/site',
      '/backoffice/manage/team',
      '/backoffice/manage/moderation',
      '/backoffice/manage/applications',
      '/backoffice/manage/newcomers',
      '/backoffice/manage/missions',
      '/backoffice/manage/events',
      '/backoffice/manage/events/00000000-0000-4000-8000-000000000000/report',
      '/backoffice/manage/recognition',
      '/backoffice/manage/digest',
      '/backoffice/manage/integrations',
      '/backoffice/manage/privacy',
      '/backoffice/manage/audit',
      '/backoffice/operator',
      '/backoffice/observe',
    ];
    // Numbers counts the demo month first: audited once its figures show, not while it says "Counting…".
    const ready: Record<string, (page: Page) => Promise<unknown>> = {
      '/backoffice/manage/numbers': (page) => page.getByRole('region', { name: 'Coverage', exact: true }).waitFor({ timeout: 60_000 }),
    };
    for (const path of pages) found.push(...(await visit(admin, s.server.url, path, ready[path])));
    // The conversation the helper has open, read by the admin.
    expect(chatId).not.toBe('');
    found.push(...(await visit(admin, s.server.url, `/backoffice/observe/${chatId}`)));
    for (const path of ['/backoffice/manage/numbers', '/backoffice/manage/site']) {
      await admin.goto(`${s.server.url}${path}`);
      await ready[path]?.(admin);
      await admin.emulateMedia({ colorScheme: 'dark' });
      for (const size of SIZES) {
        await admin.setViewportSize(size);
        await settle(admin);
        await screenshot(admin, `a11y-dark-${path.split('/').pop()}-${size.width}`);
      }
      await admin.setViewportSize(SIZES[0]);
      await admin.emulateMedia({ colorScheme: 'light' });
    }
    await admin.context().close();
    expectNone(found);
  }, 240_000);

  it('finds none on the pages of someone signed out: sign in, password, join, invitation, email and mail links', async () => {
    const admin = await personPage(s.browser, SIZES[0]);
    await signIn(admin, s.server.url, 'admin@demo.tribu');
    const invite = await admin.evaluate(async () => {
      const { me } = (await (await fetch('/api/auth/session')).json()) as { me: { csrfToken: string; memberships: { siteId: string }[] } };
      const res = await fetch(`/api/sites/${me.memberships[0]!.siteId}/invitations`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken },
        body: JSON.stringify({ email: 'keyboard.user@example.test', name: 'Kim', role: 'helper' }),
      });
      return ((await res.json()) as { link: string }).link;
    });
    await admin.context().close();
    const stranger = await personPage(s.browser, SIZES[0]);
    const found: string[] = [];
    for (const path of [
      '/backoffice/login',
      '/backoffice/forgot-password',
      '/backoffice/reset-password',
      '/backoffice/join/demo',
      new URL(invite).pathname,
      '/backoffice/confirm-email',
      '/backoffice/unsubscribe',
      '/backoffice/monthly-report/unsubscribe',
    ]) {
      found.push(...(await visit(stranger, s.server.url, path)));
    }
    await stranger.goto(`${s.server.url}/backoffice/join/demo`);
    await stranger.emulateMedia({ colorScheme: 'dark' });
    await settle(stranger);
    await screenshot(stranger, 'a11y-dark-join-1440');
    await stranger.context().close();
    expectNone(found);
  }, 120_000);

  it('follows data-theme on <html> over the system: dark forced on a light system, light forced on a dark one', async () => {
    const page = await personPage(s.browser, SIZES[0]);
    await page.goto(`${s.server.url}/backoffice/login`);
    await page.locator('main').waitFor();
    const background = () => page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--bg').trim());
    await page.emulateMedia({ colorScheme: 'light' });
    expect(await background()).toBe('#f4f6f5');
    await page.evaluate(() => (document.documentElement.dataset.theme = 'dark'));
    expect(await background()).toBe('#0f1512');
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.evaluate(() => (document.documentElement.dataset.theme = 'light'));
    expect(await background()).toBe('#f4f6f5');
    await page.evaluate(() => delete document.documentElement.dataset.theme);
    expect(await background()).toBe('#0f1512');
    await page.context().close();
  });

  it('moves nothing but opacity when the person asks for reduced motion', async () => {
    const page = await personPage(s.browser, SIZES[0]);
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await signIn(page, s.server.url, 'helper2@demo.tribu');
    const moving = await page.evaluate(() =>
      Array.from(document.querySelectorAll('*'))
        .map((el) => ({ el, style: getComputedStyle(el) }))
        .filter(({ style }) => style.animationName !== 'none' || !['opacity', 'all'].includes(style.transitionProperty))
        .map(({ el }) => el.className.toString()),
    );
    expect(moving).toEqual([]);
    await page.context().close();
  });
});
