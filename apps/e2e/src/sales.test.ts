import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { seriousViolations } from './support/axe.ts';
import { personPage, screenshot } from './support/browser.ts';
import { launcher, signIn, visitorLog } from './support/people.ts';
import { hasChromium } from './support/requirements.ts';
import { useScenario } from './support/scenario.ts';

/** Reports a purchase as the shop's server does, with a site API key. */
async function report(base: string, key: string, orderId: string): Promise<number> {
  const res = await fetch(`${base}/api/v1/conversions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    body: JSON.stringify({ orderId, amount: 59.9, currency: 'EUR' }),
  });
  return res.status;
}

describe.skipIf(!hasChromium)('sales: API keys and purchases reported from the page', () => {
  const s = useScenario();
  let admin: Page;

  beforeAll(async () => {
    admin = s.helper;
    await signIn(admin, s.server.url, 'admin@demo.tribu');
  });

  const keysSection = () => admin.getByRole('region', { name: 'API keys' });

  it('creates a key that is shown once, shows its last use, and revokes it', async () => {
    await admin.goto(`${s.server.url}/backoffice/manage/site`);
    await keysSection().getByText('No API keys yet.').waitFor();
    await keysSection().getByRole('textbox', { name: 'Key name' }).fill('Shop server');
    await keysSection()
      .getByRole('checkbox', { name: /Report purchases/ })
      .waitFor();
    await keysSection().getByRole('button', { name: 'Create key' }).click();
    const shown = keysSection().getByRole('textbox', { name: 'New API key' });
    const key = await shown.inputValue();
    expect(key).toMatch(/^tk_[A-Za-z0-9_-]{43}$/);
    await keysSection().getByRole('list', { name: 'API keys' }).getByText('Shop server').waitFor();
    await keysSection().scrollIntoViewIfNeeded();
    await screenshot(admin, 'api-keys-desktop');
    expect(await seriousViolations(admin)).toEqual([]);

    const narrow = await personPage(s.browser, { width: 390, height: 844 });
    await signIn(narrow, s.server.url, 'admin@demo.tribu');
    await narrow.goto(`${s.server.url}/backoffice/manage/site`);
    const narrowKeys = narrow.getByRole('region', { name: 'API keys' });
    await narrowKeys.getByRole('list', { name: 'API keys' }).getByText('Shop server').waitFor();
    await narrowKeys.scrollIntoViewIfNeeded();
    await screenshot(narrow, 'api-keys-mobile');
    // Shown once: another page of the same admin lists the key without it.
    expect(await narrow.content()).not.toContain(key.slice(7));
    await narrowKeys.getByText('never used').waitFor();
    await narrow.context().close();

    expect(await report(s.server.url, key, 'E2E-API-1')).toBe(201);
    await admin.reload();
    await keysSection()
      .getByText(/last used/)
      .waitFor();
    expect(await admin.content()).not.toContain(key.slice(7));

    admin.once('dialog', (d) => void d.accept());
    await keysSection().getByRole('button', { name: 'Revoke Shop server' }).click();
    await keysSection().getByRole('status').filter({ hasText: '"Shop server" is revoked.' }).waitFor();
    await keysSection().getByText('No API keys yet.').waitFor();
    expect(await report(s.server.url, key, 'E2E-API-2')).toBe(401);
  });

  it('sets the attribution window with the other site settings', async () => {
    const days = admin.getByRole('spinbutton', { name: 'Attribution window (days)' });
    await expect.poll(() => days.inputValue()).toBe('7');
    await days.fill('14');
    await admin.getByRole('button', { name: 'Save settings' }).click();
    await admin.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
    await admin.reload();
    await expect.poll(() => admin.getByRole('spinbutton', { name: 'Attribution window (days)' }).inputValue()).toBe('14');
  });

  it('credits the purchase of a visitor whose question a helper answered to that chat', async () => {
    const helper = await personPage(s.browser, { width: 1440, height: 900 });
    await signIn(helper, s.server.url, 'helper3@demo.tribu');
    const shopper = s.visitor;
    await shopper.goto(`${s.server.url}/demo`);
    await launcher(shopper).click();
    await shopper.getByRole('textbox', { name: 'Your message' }).fill('Is the Summit Jacket warm enough for ski touring?');
    await shopper.getByRole('button', { name: 'Send' }).click();
    await helper.getByRole('button', { name: /Take request: Is the Summit Jacket warm enough/ }).click();
    await helper.getByRole('textbox', { name: 'Reply' }).fill('Yes, with a base layer it is perfect.');
    await helper.getByRole('button', { name: 'Send' }).click();
    await visitorLog(shopper).getByText('with a base layer it is perfect').waitFor();
    const stored = await shopper.evaluate(() => JSON.parse(localStorage.getItem('tribu:demo') ?? 'null') as { visitorId: string } | null);

    const tracked = shopper.waitForResponse((r) => r.url().endsWith('/api/widget/demo/track') && r.request().method() === 'POST');
    await shopper.goto(`${s.server.url}/demo/order?order=E2E-2001`);
    const res = await tracked;
    expect([res.status(), await res.json()]).toEqual([201, { orderId: 'E2E-2001', attribution: 'assisted', created: true, referred: false }]);
    expect(await shopper.evaluate(() => (window as unknown as { Tribu: { getVisitorId(): string | null } }).Tribu.getVisitorId())).toBe(stored!.visitorId);
    await helper.context().close();
  });

  it('lets a helper ask for a referral code that a manager approves, and credits a purchase naming it', async () => {
    const helper = await personPage(s.browser, { width: 1440, height: 900 });
    await signIn(helper, s.server.url, 'helper3@demo.tribu');
    await helper.goto(`${s.server.url}/backoffice/profile`);
    const mine = helper.getByRole('region', { name: 'Referral code' });
    await mine.getByRole('textbox', { name: 'Code to ask for' }).fill('trail-friends');
    await mine.getByRole('button', { name: 'Ask for this code' }).click();
    await mine.getByText('TRAIL-FRIENDS').waitFor();
    await mine.getByText('waiting for a community manager').waitFor();

    await admin.goto(`${s.server.url}/backoffice/manage/team`);
    const codes = admin.getByRole('region', { name: 'Referral codes' });
    await codes.getByRole('button', { name: /Approve TRAIL-FRIENDS/ }).click();
    await codes.getByText(/^Active/).waitFor();
    await codes.scrollIntoViewIfNeeded();
    await screenshot(admin, 'referral-codes-desktop');
    expect(await seriousViolations(admin)).toEqual([]);
    await helper.context().close();
    const narrow = await personPage(s.browser, { width: 390, height: 844 });
    await signIn(narrow, s.server.url, 'helper3@demo.tribu');
    await narrow.goto(`${s.server.url}/backoffice/profile`);
    const narrowCode = narrow.getByRole('region', { name: 'Referral code' });
    await narrowCode.getByText('active: share it with friends').waitFor();
    await narrowCode.scrollIntoViewIfNeeded();
    await screenshot(narrow, 'referral-code-mobile');
    await narrow.context().close();

    const shopper = await personPage(s.browser, { width: 1280, height: 800 });
    const tracked = shopper.waitForResponse((r) => r.url().endsWith('/api/widget/demo/track') && r.request().method() === 'POST');
    await shopper.goto(`${s.server.url}/demo/order?order=E2E-3001&code=trail-friends`);
    const res = await tracked;
    expect([res.status(), await res.json()]).toEqual([201, { orderId: 'E2E-3001', attribution: 'none', created: true, referred: true }]);
    await shopper.context().close();
  });

  it('reports the purchase of a visitor who never chatted as one order without chat, writing no storage or cookie', async () => {
    const shopper = await personPage(s.browser, { width: 1280, height: 800 });
    const sent: string[] = [];
    shopper.on('request', (r) => {
      if (r.url().endsWith('/track') && r.method() === 'POST') sent.push(r.postData() ?? '');
    });
    const first = shopper.waitForResponse((r) => r.url().endsWith('/api/widget/demo/track') && r.request().method() === 'POST');
    await shopper.goto(`${s.server.url}/demo/order?order=E2E-1001`);
    const res = await first;
    expect([res.status(), await res.json()]).toEqual([201, { orderId: 'E2E-1001', attribution: 'none', created: true, referred: false }]);
    expect(JSON.parse(sent[0]!)).toEqual({
      event: 'purchase',
      data: { orderId: 'E2E-1001', amount: 189, currency: 'EUR', items: [{ sku: 'SUMMIT-M', name: 'Summit Jacket', quantity: 1 }] },
    });
    await shopper.getByRole('button', { name: 'Chat with the community' }).waitFor();
    expect(await shopper.evaluate(() => (window as unknown as { Tribu: { getVisitorId(): string | null } }).Tribu.getVisitorId())).toBeNull();
    expect(await shopper.evaluate(() => [localStorage.length, sessionStorage.length, document.cookie])).toEqual([0, 0, '']);
    expect(await shopper.context().cookies()).toEqual([]);

    // The same order again (a reload of the confirmation page): still one order.
    const again = shopper.waitForResponse((r) => r.url().endsWith('/api/widget/demo/track') && r.request().method() === 'POST');
    await shopper.reload();
    const second = await again;
    expect([second.status(), await second.json()]).toEqual([200, { orderId: 'E2E-1001', attribution: 'none', created: false, referred: false }]);
    expect(await shopper.evaluate(() => [localStorage.length, sessionStorage.length, document.cookie])).toEqual([0, 0, '']);
    await shopper.context().close();
  });
});
