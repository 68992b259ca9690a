import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { seriousViolations } from './support/axe.ts';
import { launchBrowser, personPage, screenshot } from './support/browser.ts';
import { visitorAsks } from './support/desk-cast.ts';
import { signIn } from './support/people.ts';
import { hasChromium } from './support/requirements.ts';
import { printServerOutputOnFailure, startServer, type RunningServer } from './support/server.ts';

/** The merchant's receiver: refuses the first delivery of each event, accepts the next ones. */
async function startReceiver(): Promise<{ url: string; seen: { id: string; event: string; status: number }[]; server: Server }> {
  const seen: { id: string; event: string; status: number }[] = [];
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const id = String(req.headers['tribu-webhook-id']);
      const status = seen.some((s) => s.id === id) ? 200 : 500;
      seen.push({ id, event: String(req.headers['tribu-event']), status });
      res.writeHead(status).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/tribu`, seen, server };
}

describe.skipIf(!hasChromium)('Manage → Integrations: webhooks', () => {
  let server: RunningServer;
  let browser: Browser;
  let admin: Page;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  beforeAll(async () => {
    receiver = await startReceiver();
    // A receiver on this machine: allowed only because the operator says so (plain http too).
    server = await startServer({ WEBHOOKS_ALLOW_PRIVATE: 'true', WEBHOOKS_RETRY_BASE_MS: '500', WEBHOOKS_DISABLE_AFTER_FAILURES: '2' });
    browser = await launchBrowser();
    admin = await personPage(browser, { width: 1440, height: 900 });
    await signIn(admin, server.url, 'admin@demo.tribu');
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    receiver?.server.close();
  });
  printServerOutputOnFailure(() => server);

  const section = () => admin.getByRole('region', { name: 'Webhooks' });

  it('adds an endpoint (secret shown once), lists its deliveries with their attempts, and resends one', async () => {
    await admin.goto(`${server.url}/backoffice/manage/integrations`);
    await admin.getByRole('navigation', { name: 'Manage' }).getByRole('link', { name: 'Integrations' }).waitFor();
    await section().getByRole('textbox', { name: 'Endpoint address' }).fill(receiver.url);
    await section().getByRole('textbox', { name: 'Description (optional)' }).fill('CRM sync');
    await section()
      .getByRole('checkbox', { name: /Chat rated/ })
      .check();
    await section().getByRole('button', { name: 'Add endpoint' }).click();
    const secret = await section().getByRole('textbox', { name: 'Signing secret' }).inputValue();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    await section().getByRole('list', { name: 'Webhook endpoints' }).getByText('CRM sync').waitFor();

    // A visitor asks on the demo shop: conversation.started goes out, is refused once, then delivered.
    await visitorAsks(browser, server.url, { path: '/demo/product', question: 'Hi! Is the Summit jacket waterproof?', locale: 'en-GB' });
    await expect
      .poll(() => receiver.seen.map((s) => [s.event, s.status]), { timeout: 20_000 })
      .toEqual([
        ['conversation.started', 500],
        ['conversation.started', 200],
      ]);
    await section().getByRole('button', { name: 'Deliveries' }).click();
    const table = section().getByRole('table');
    await table.getByRole('cell', { name: 'Delivered' }).waitFor();
    await expect.poll(() => table.locator('tbody tr').first().locator('td.num').textContent()).toBe('2');
    await table.locator('tbody tr').first().locator('summary').click();
    await table.getByText(/^#1 · .+ · 500 · \d+ ms$/).waitFor();
    await table.getByText(/^#2 · .+ · 200 · \d+ ms$/).waitFor();
    // The card learnt of the success from the deliveries it just read.
    await section()
      .getByText(/^Last delivered /)
      .waitFor();
    await screenshot(admin, 'webhooks-desktop');
    expect(await seriousViolations(admin)).toEqual([]);

    await table.getByRole('button', { name: /^Resend Chat started/ }).click();
    await section().getByRole('status').filter({ hasText: 'Chat started is queued to be sent again.' }).waitFor();
    await expect.poll(() => receiver.seen.length, { timeout: 15_000 }).toBe(3);
    expect(receiver.seen[2]).toEqual({ id: receiver.seen[0]!.id, event: 'conversation.started', status: 200 });

    // Another page of the same admin, on a phone: the secret is not there any more.
    const phone = await personPage(browser, { width: 390, height: 844 });
    await signIn(phone, server.url, 'admin@demo.tribu');
    await phone.goto(`${server.url}/backoffice/manage/integrations`);
    const phoneSection = phone.getByRole('region', { name: 'Webhooks' });
    await phoneSection.getByText('CRM sync').waitFor();
    expect(await phone.content()).not.toContain(secret.slice(6));
    await phoneSection.getByRole('button', { name: 'Deliveries' }).click();
    await phoneSection.getByRole('table').getByText('Delivered', { exact: true }).waitFor();
    await phoneSection.getByRole('table').scrollIntoViewIfNeeded();
    await screenshot(phone, 'webhooks-mobile');
    expect(await seriousViolations(phone)).toEqual([]);
    await phone.context().close();
  });

  it('turns the endpoint off and on, and a manager does not see the page', async () => {
    await section().getByRole('button', { name: 'Turn off' }).click();
    await section().getByText('Off', { exact: true }).waitFor();
    await section().getByRole('button', { name: 'Turn on' }).click();
    await section().getByText('On', { exact: true }).waitFor();
    const manager = await personPage(browser, { width: 1440, height: 900 });
    await signIn(manager, server.url, 'manager@demo.tribu');
    await manager.goto(`${server.url}/backoffice/manage/integrations`);
    await manager.getByRole('alert').filter({ hasText: "Only this site's admins can open this page." }).waitFor();
    expect(await manager.getByRole('navigation', { name: 'Manage' }).getByRole('link', { name: 'Integrations' }).count()).toBe(0);
    await manager.context().close();
  });

  it("turns off an endpoint that keeps failing: the card says why, and the admin's bell leads there", async () => {
    // Nobody listens on this port: every attempt is refused.
    const closed = await startReceiver();
    const deadUrl = closed.url.replace('/hooks/tribu', '/gone');
    closed.server.close();
    await section().getByRole('button', { name: 'Add endpoint' }).click();
    await section().getByRole('textbox', { name: 'Endpoint address' }).fill(deadUrl);
    await section().getByRole('textbox', { name: 'Description (optional)' }).fill('Old CRM');
    await section().locator('form').getByRole('button', { name: 'Add endpoint' }).click();
    await section().getByRole('textbox', { name: 'Signing secret' }).waitFor();
    await section().getByRole('button', { name: 'I have copied it' }).click();

    await visitorAsks(browser, server.url, { path: '/demo', question: 'Hi! Do you ship to Norway?', locale: 'en-GB' });
    const bell = admin.getByRole('button', { name: /^Notifications\W+\d+ unread$/ });
    await bell.waitFor({ timeout: 20_000 });
    await bell.click();
    const note = admin
      .getByRole('dialog', { name: 'Notifications' })
      .getByText(
        `Webhooks to ${deadUrl} were turned off after 2 failed deliveries in a row. Fix the endpoint, then turn it back on under Manage → Integrations.`,
      );
    await note.click();
    await admin.waitForURL(`${server.url}/backoffice/manage/integrations`);
    const card = section().getByRole('listitem').filter({ hasText: 'Old CRM' });
    await card.getByText('Off — kept failing').waitFor();
    await card.getByText('Tribu turned this endpoint off after 2 failed deliveries in a row.', { exact: false }).waitFor();
    await card.getByRole('button', { name: 'Deliveries' }).click();
    await card.locator('td.hook-answer', { hasText: 'Connection refused' }).first().waitFor();
    // Its delivery waits for the endpoint to be on again: nothing is retried meanwhile.
    await card.getByRole('table').getByText('On hold', { exact: true }).waitFor();
    // The working endpoint is untouched.
    await section().getByRole('listitem').filter({ hasText: 'CRM sync' }).getByText('On', { exact: true }).waitFor();
    await card.scrollIntoViewIfNeeded();
    await screenshot(admin, 'webhooks-turned-off-desktop');
    expect(await seriousViolations(admin)).toEqual([]);
  });
});
