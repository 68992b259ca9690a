import { createHmac, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { seriousViolations } from './support/axe.ts';
import { launchBrowser, personPage, screenshot } from './support/browser.ts';
import { signIn } from './support/people.ts';
import { hasChromium } from './support/requirements.ts';
import { printServerOutputOnFailure, startServer, type RunningServer } from './support/server.ts';

const SECRET = randomBytes(32).toString('hex');
/** The mail's signed unsubscribe token, as the server signs it (modules/monthly-report/monthly-report.token.ts). */
const tokenFor = (userId: string) => `${userId}.${createHmac('sha256', SECRET).update(`monthly-report-unsubscribe|${userId}`).digest('base64url')}`;

describe.skipIf(!hasChromium)('the monthly report: its printable page, the profile setting, the unsubscribe page', () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startServer({ SECRET });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
  printServerOutputOnFailure(() => server);

  it("opens last month's report from Numbers and from the mail's link (site named in the address), on a wide screen and a phone", async () => {
    const manager = await personPage(browser, { width: 1440, height: 900 });
    await signIn(manager, server.url, 'manager@demo.tribu');
    await manager.goto(`${server.url}/backoffice/manage/numbers`);
    await manager.getByRole('button', { name: "Last month's report" }).click();
    const last = new Date();
    last.setUTCDate(1);
    last.setUTCMonth(last.getUTCMonth() - 1);
    const month = new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(last);
    await manager.getByRole('heading', { level: 1, name: `${month} in numbers` }).waitFor();
    expect(manager.url()).toContain('?period=last-month&report=monthly');
    await manager.getByRole('region', { name: 'Sales', exact: true }).waitFor();
    // The previous period's figures stay on screen, faded, until last month's are counted: wait for them.
    await manager.locator('.kpi[aria-busy="false"]').waitFor();
    await screenshot(manager, 'monthly-report-1440');
    expect(await seriousViolations(manager)).toEqual([]);
    await manager.emulateMedia({ media: 'print' });
    expect(await manager.getByRole('navigation', { name: 'Manage' }).isVisible()).toBe(false);
    expect(await manager.getByRole('button', { name: 'Print this report' }).isVisible()).toBe(false);
    await screenshot(manager, 'monthly-report-print');
    await manager.emulateMedia({ media: 'screen' });
    // The hours' value goes into the Sales CSV with the cost the manager typed (in the link only, never stored).
    const sales = manager.getByRole('region', { name: 'Sales', exact: true });
    await sales.getByRole('spinbutton', { name: 'Cost of an hour of support' }).fill('40');
    const csvLink = sales.getByRole('link', { name: 'Download the sales figures as CSV' });
    await expect.poll(() => csvLink.getAttribute('href')).toMatch(/&costPerHour=40&costCurrency=[A-Z]{3}$/);
    const csv = await manager.evaluate((href) => fetch(href!).then((r) => r.text()), await csvLink.getAttribute('href'));
    const lines = csv.trimEnd().split('\r\n');
    expect(lines.at(-3)).toMatch(/^"chat_hours",,,[\d.]+,/);
    expect(lines.at(-1)).toMatch(/^"hours_value",,"[A-Z]{3}",[\d.]+,"chat hours × 40 [A-Z]{3} an hour \(the cost entered\)"$/);

    // The mail's link names the site, the month and the report: it opens as it is, on a phone too.
    const me = (await manager.evaluate(() => fetch('/api/auth/me').then((r) => r.json()))) as { memberships: { siteId: string }[] };
    const phone = await personPage(browser, { width: 390, height: 844 });
    await signIn(phone, server.url, 'manager@demo.tribu');
    await phone.goto(`${server.url}/backoffice/manage/numbers?site=${me.memberships[0]!.siteId}&from=2026-04-01&to=2026-04-30&report=monthly`);
    await phone.getByRole('heading', { level: 1, name: 'April 2026 in numbers' }).waitFor();
    await phone.getByRole('region', { name: 'Sales', exact: true }).waitFor();
    expect(await phone.locator('.kpi-print-period').textContent()).toMatch(/^Apr 1, 2026 – Apr 30, 2026 · /);
    await screenshot(phone, 'monthly-report-390');
    await phone.context().close();
    await manager.context().close();
  });

  it('lets a manager turn the mail off on their profile, and a person stop it from the mail’s page', async () => {
    const manager = await personPage(browser, { width: 1440, height: 900 });
    await signIn(manager, server.url, 'manager@demo.tribu');
    await manager.goto(`${server.url}/backoffice/profile`);
    const card = manager.getByRole('region', { name: 'Monthly report' });
    const box = card.getByRole('checkbox', { name: 'Mail me the monthly report' });
    await card.getByRole('checkbox', { name: 'Mail me the monthly report', checked: true, disabled: false }).waitFor();
    await card.scrollIntoViewIfNeeded();
    await screenshot(manager, 'monthly-report-profile-1440');
    await box.uncheck();
    await expect.poll(() => manager.evaluate(() => fetch('/api/profile/monthly-report').then((r) => r.json()))).toEqual({ subscribed: false });
    await manager.reload();
    await manager.getByRole('checkbox', { name: 'Mail me the monthly report', checked: false, disabled: false }).waitFor();
    await manager.getByRole('checkbox', { name: 'Mail me the monthly report' }).check();
    await expect.poll(() => manager.evaluate(() => fetch('/api/profile/monthly-report').then((r) => r.json()))).toEqual({ subscribed: true });
    // A helper manages nothing: no such setting for them.
    const helper = await personPage(browser, { width: 390, height: 844 });
    await signIn(helper, server.url, 'helper1@demo.tribu');
    await helper.goto(`${server.url}/backoffice/profile`);
    await helper.getByRole('heading', { name: 'My profile' }).waitFor();
    await helper.getByRole('region', { name: 'Password' }).waitFor();
    expect(await helper.getByRole('region', { name: 'Monthly report' }).count()).toBe(0);
    await helper.context().close();

    // The mail's page, signed out, on a phone: a button, not the page load, stops it.
    const { user } = (await manager.evaluate(() => fetch('/api/auth/me').then((r) => r.json()))) as { user: { id: string } };
    const reader = await personPage(browser, { width: 390, height: 844 });
    await reader.goto(`${server.url}/backoffice/monthly-report/unsubscribe#${tokenFor(user.id)}`);
    await reader.getByRole('heading', { name: 'Stop the monthly report mail?' }).waitFor();
    expect(await manager.evaluate(() => fetch('/api/profile/monthly-report').then((r) => r.json()))).toEqual({ subscribed: true });
    await screenshot(reader, 'monthly-report-unsubscribe-390');
    expect(await seriousViolations(reader)).toEqual([]);
    await reader.getByRole('button', { name: 'Stop these mails' }).click();
    await reader.getByRole('heading', { name: 'You will get no more monthly reports' }).waitFor();
    await screenshot(reader, 'monthly-report-unsubscribed-390');
    expect(await manager.evaluate(() => fetch('/api/profile/monthly-report').then((r) => r.json()))).toEqual({ subscribed: false });
    // A link someone made up is refused, and says where to turn it off instead.
    await reader.goto(`${server.url}/backoffice/monthly-report/unsubscribe#${user.id}.${'A'.repeat(43)}`);
    await reader.reload();
    await reader.getByRole('button', { name: 'Stop these mails' }).click();
    await reader.getByText('This unsubscribe link is not valid; turn the monthly report off under My profile instead').waitFor();
    const wide = await personPage(browser, { width: 1440, height: 900 });
    await wide.goto(`${server.url}/backoffice/monthly-report/unsubscribe#${tokenFor(user.id)}`);
    await wide.getByRole('heading', { name: 'Stop the monthly report mail?' }).waitFor();
    await screenshot(wide, 'monthly-report-unsubscribe-1440');
    await wide.context().close();
    await reader.context().close();
    await manager.context().close();
  });

  it('names the read API and its OpenAPI document on the API keys screen', async () => {
    const admin = await personPage(browser, { width: 1440, height: 900 });
    await signIn(admin, server.url, 'admin@demo.tribu');
    await admin.goto(`${server.url}/backoffice/manage/site`);
    const keys = admin.getByRole('region', { name: 'API keys' });
    await keys.getByRole('link', { name: '/api/v1/openapi.json' }).waitFor();
    await keys.getByLabel('Key name').fill('Reporting');
    await keys.getByRole('checkbox', { name: /Report purchases/ }).uncheck();
    await keys.getByRole('checkbox', { name: /Read numbers/ }).check();
    await keys.getByRole('button', { name: 'Create key' }).click();
    const key = await keys.getByRole('textbox', { name: 'New API key' }).inputValue();
    expect(key).toMatch(/^tk_/);
    await keys.scrollIntoViewIfNeeded();
    await screenshot(admin, 'api-keys-1440');
    // The key reads the numbers at once, and the screen then says when it was last used.
    const res = await fetch(`${server.url}/api/v1/numbers?from=2026-04-01&to=2026-04-30`, { headers: { authorization: `Bearer ${key}` } });
    expect(res.status).toBe(200);
    await admin.reload();
    const row = admin.getByRole('region', { name: 'API keys' }).getByRole('listitem').filter({ hasText: 'Reporting' });
    expect(await row.textContent()).toContain('Read numbers · created');
    expect(await row.textContent()).toMatch(/last used \w{3} \d{1,2}, \d{4}Revoke$/);
    const phone = await personPage(browser, { width: 390, height: 844 });
    await signIn(phone, server.url, 'admin@demo.tribu');
    await phone.goto(`${server.url}/backoffice/manage/site`);
    const phoneKeys = phone.getByRole('region', { name: 'API keys' });
    await phoneKeys.getByRole('listitem').filter({ hasText: 'Reporting' }).waitFor();
    await phoneKeys.scrollIntoViewIfNeeded();
    await screenshot(phone, 'api-keys-390');
    await phone.context().close();
    await admin.context().close();
  });
});
