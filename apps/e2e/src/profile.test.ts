import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { seriousViolations } from './support/axe.ts';
import { launchBrowser, personPage, screenshot } from './support/browser.ts';
import { showWhoIsOnline, signIn } from './support/people.ts';
import { freshDatabase, psql } from './support/postgres.ts';
import { hasChromium } from './support/requirements.ts';
import { useScenario } from './support/scenario.ts';
import { printServerOutputOnFailure, startServer, type RunningServer } from './support/server.ts';

// window.Tribu is typed once for all scenarios, in widget-api.test.ts.

/** A colourful 320×240 PNG drawn by the page itself, as a phone photo would be. */
async function drawnPhoto(page: Page): Promise<Buffer> {
  const dataUrl = await page.evaluate(() => {
    const c = document.createElement('canvas');
    c.width = 320;
    c.height = 240;
    const g = c.getContext('2d')!;
    const grad = g.createLinearGradient(0, 0, 320, 240);
    grad.addColorStop(0, '#f6b26b');
    grad.addColorStop(1, '#3d85c6');
    g.fillStyle = grad;
    g.fillRect(0, 0, 320, 240);
    g.fillStyle = '#fff';
    g.beginPath();
    g.arc(160, 110, 60, 0, Math.PI * 2);
    g.fill();
    return c.toDataURL('image/png');
  });
  return Buffer.from(dataUrl.split(',')[1]!, 'base64');
}

describe.skipIf(!hasChromium)('profiles and the request board', () => {
  const s = useScenario();
  let peer: Page;
  afterAll(async () => peer?.close());

  it('lets a helper edit their profile and upload a photo, which a peer sees live in Online now', async () => {
    await signIn(s.helper, s.server.url, 'helper2@demo.tribu');
    peer = await personPage(s.browser, { width: 1440, height: 900 });
    await signIn(peer, s.server.url, 'helper1@demo.tribu');
    await showWhoIsOnline(peer);
    const onlineNow = peer.getByRole('region', { name: 'Online now' });
    await onlineNow.getByText('Jonas').waitFor();

    await s.helper.getByRole('link', { name: /my profile/ }).click();
    await s.helper.getByRole('heading', { name: 'My profile' }).waitFor();
    await s.helper.getByLabel('Display name').fill('Jonas the ski tourer');
    await s.helper.getByLabel('Bio').fill('Six winters in merino layers; ask me about touring kit.');
    await s.helper.getByRole('group', { name: 'Languages' }).getByRole('button', { name: 'German' }).click();
    await s.helper.getByRole('button', { name: 'Save changes' }).click();
    await s.helper.getByText('Saved. Your peers see the change right away.').waitFor();

    await s.helper.locator('input[type=file]').setInputFiles({ name: 'me.png', mimeType: 'image/png', buffer: await drawnPhoto(s.helper) });
    await s.helper.getByRole('button', { name: 'Change photo' }).or(s.helper.getByText('Change photo')).first().waitFor();
    await screenshot(s.helper, 'profile-1440');
    expect(await seriousViolations(s.helper)).toEqual([]); // the profile page is all ours to keep clean
    await s.helper.getByRole('combobox', { name: 'Rest reminder' }).scrollIntoViewIfNeeded();
    await screenshot(s.helper, 'profile-notifications-1440');
    await s.helper.evaluate(() => window.scrollTo(0, 0));
    await s.helper.setViewportSize({ width: 1024, height: 768 });
    await screenshot(s.helper, 'profile-1024');
    await s.helper.setViewportSize({ width: 1440, height: 900 });

    // The peer's desk never reloaded: the new name and photo arrive through presence.
    const jonas = onlineNow.getByRole('button', { name: /Jonas the ski tourer/ });
    await jonas.waitFor({ timeout: 5000 });
    await expect.poll(() => jonas.locator('img').getAttribute('src')).toMatch(/^\/api\/avatars\/[0-9a-f-]+\?v=\d+$/);
    expect(await jonas.getByText('DE').count()).toBe(1);

    await jonas.click();
    const dialog = peer.getByRole('dialog', { name: 'Profile of Jonas the ski tourer' });
    await dialog.getByText('ask me about touring kit').waitFor();
    await dialog.getByText('German').waitFor();
    expect(await dialog.textContent()).not.toContain('@');
    await screenshot(peer, 'peer-profile-1440');
    await dialog.getByRole('button', { name: 'Close' }).click();
  });

  it('hides a request in a language the helper does not speak when "My languages" is on', async () => {
    await s.helper.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Desk', exact: true }).click();
    const board = s.helper.getByRole('region', { name: 'Incoming requests' });
    await board.waitFor();
    await s.visitor.goto(`${s.server.url}/demo`);
    await s.visitor.getByRole('button', { name: 'Chat with the community' }).waitFor();
    await s.visitor.evaluate(() => window.Tribu!.setLocale('es'));
    await s.visitor.getByRole('button', { name: 'Hablar con la comunidad' }).click();
    await s.visitor.getByRole('textbox').first().fill('¿Qué talla de chaqueta me recomiendas?');
    await s.visitor.keyboard.press('Enter');

    const card = board.getByRole('listitem').filter({ hasText: 'Qué talla' });
    await card.getByText('In Spanish').waitFor();
    await screenshot(s.helper, 'board-1440');
    const myLanguages = board.getByRole('button', { name: 'My languages' });
    await myLanguages.click();
    expect(await myLanguages.getAttribute('aria-pressed')).toBe('true');
    await card.waitFor({ state: 'detached' });
    await board.getByText('0 of 1 shown').waitFor();
    // Camille has not filtered: the request stays on her board.
    await peer.getByRole('region', { name: 'Incoming requests' }).getByText('Qué talla', { exact: false }).waitFor();
    await myLanguages.click();
    await card.waitFor();
    await s.helper.setViewportSize({ width: 1024, height: 768 });
    await screenshot(s.helper, 'board-1024');
    await s.helper.setViewportSize({ width: 1440, height: 900 });
  });

  it('lets a helper leave their only community after confirming, and signs them out', async () => {
    const leaver = await personPage(s.browser, { width: 1440, height: 900 });
    await signIn(leaver, s.server.url, 'helper5@demo.tribu');
    await s.helper.goto(`${s.server.url}/backoffice`);
    await showWhoIsOnline(s.helper);
    const lucia = s.helper.getByRole('region', { name: 'Online now' }).getByText('Lucía');
    await lucia.waitFor();
    await leaver.getByRole('link', { name: /my profile/ }).click();
    await leaver.getByRole('button', { name: 'Leave this community' }).click();
    const confirm = leaver.getByRole('dialog', { name: 'Leave Alpine Threads?' });
    await confirm.getByText('your account is deleted').waitFor();
    await screenshot(leaver, 'leave-confirm-1440');
    await confirm.getByRole('button', { name: 'Yes, leave' }).click();
    await leaver.getByRole('button', { name: 'Sign in' }).waitFor();
    // Nobody is left behind in Online now.
    await lucia.waitFor({ state: 'detached' });
    await leaver.context().close();
  });
});

describe.skipIf(!hasChromium)('the rest reminder', () => {
  let db: ReturnType<typeof freshDatabase>;
  let server: RunningServer | undefined;
  let page: Page;
  beforeAll(async () => {
    db = freshDatabase();
    server = await startServer({ DATABASE_URL: db.url });
    // Inès asked for a reminder after 1 hour and has 70 minutes online today (UTC), from 00:00.
    psql(db.url, `update users set rest_reminder_hours = 1 where email = 'helper3@demo.tribu'`);
    psql(
      db.url,
      `insert into online_minutes (user_id, site_id, minute)
       select u.id, m.site_id, date_trunc('day', now() at time zone 'UTC') at time zone 'UTC' + make_interval(mins => g)
       from users u join memberships m on m.user_id = u.id, generate_series(0, 69) g
       where u.email = 'helper3@demo.tribu'`,
    );
  });
  afterAll(async () => {
    await page?.context().browser()?.close();
    await server?.stop();
    db?.drop();
  });
  printServerOutputOnFailure(() => server);

  it('thanks the helper once their hours today reach their threshold, and stays away once dismissed that day', async () => {
    page = await personPage(await launchBrowser(), { width: 1440, height: 900 });
    await signIn(page, server!.url, 'helper3@demo.tribu');
    const banner = page.getByRole('status').filter({ hasText: "You've been helping for 1 hour today — thank you!" });
    await banner.waitFor();
    await screenshot(page, 'rest-reminder-1440');
    await banner.getByRole('button', { name: 'Dismiss' }).click();
    await banner.waitFor({ state: 'detached' });
    await page.reload();
    await page.getByRole('region', { name: 'Incoming requests' }).waitFor();
    await page.getByRole('region', { name: 'Online now' }).getByRole('button', { name: /^Inès/ }).waitFor();
    expect(await banner.count()).toBe(0);
  });
});

describe.skipIf(!hasChromium)('changing my password', () => {
  const s = useScenario();

  it('changes the password from my profile; the old one no longer signs in, the new one does', async () => {
    await signIn(s.helper, s.server.url, 'helper4@demo.tribu');
    await s.helper.goto(`${s.server.url}/backoffice/profile`);
    const panel = s.helper.getByRole('region', { name: 'Password' });
    await panel.getByLabel('Current password').fill('tribu-demo');
    await panel.getByLabel('New password').fill('short');
    await panel.getByRole('button', { name: 'Change password' }).click();
    // The browser refuses a too-short password before anything is sent.
    expect(await panel.getByLabel('New password').evaluate((el) => (el as HTMLInputElement).validity.tooShort)).toBe(true);
    await panel.getByLabel('New password').fill('a long alpine passphrase');
    await panel.getByRole('button', { name: 'Change password' }).click();
    await panel.getByRole('status').getByText('Password changed.').waitFor();
    await screenshot(s.helper, 'profile-password-1440');
    await s.helper.setViewportSize({ width: 390, height: 844 });
    await panel.scrollIntoViewIfNeeded();
    await screenshot(s.helper, 'profile-password-390');
    await s.helper.setViewportSize({ width: 1440, height: 900 });

    const other = await personPage(s.browser, { width: 1280, height: 800 });
    await other.goto(`${s.server.url}/backoffice`);
    await other.getByRole('textbox', { name: 'Email' }).fill('helper4@demo.tribu');
    await other.getByLabel('Password').fill('tribu-demo');
    await other.getByRole('button', { name: 'Sign in' }).click();
    await other.getByRole('alert').getByText('Wrong email or password').waitFor();
    await signIn(other, s.server.url, 'helper4@demo.tribu', 'a long alpine passphrase');
    await other.close();
  });
});
