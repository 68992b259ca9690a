import { describe, expect, it } from 'vitest';
import { seriousViolations } from './support/axe.ts';
import { personPage, screenshot } from './support/browser.ts';
import { launcher, signIn, visitorLog } from './support/people.ts';
import { hasChromium } from './support/requirements.ts';
import { useScenario } from './support/scenario.ts';

const today = () => new Date().toISOString().slice(0, 10);

describe.skipIf(!hasChromium)('sales: what a chat brought, in Numbers and on the helper’s desk', () => {
  const s = useScenario();

  it('shows the manager one assisted order with its amount, and the helper a visitor they helped who bought, without the amount', async () => {
    const helper = s.helper;
    await signIn(helper, s.server.url, 'helper3@demo.tribu');
    const shopper = s.visitor;
    await shopper.goto(`${s.server.url}/demo`);
    await launcher(shopper).click();
    await shopper.getByRole('textbox', { name: 'Your message' }).fill('Does the Summit Jacket come in medium?');
    await shopper.getByRole('button', { name: 'Send' }).click();
    await helper.getByRole('button', { name: /Take request: Does the Summit Jacket come in medium/ }).click();
    await helper.getByRole('textbox', { name: 'Reply' }).fill('It does, and it runs true to size.');
    await helper.getByRole('button', { name: 'Send' }).click();
    await visitorLog(shopper).getByText('runs true to size').waitFor();
    // The scripted purchase: the shop's order confirmation page (189 EUR, one Summit Jacket).
    const tracked = shopper.waitForResponse((r) => r.url().endsWith('/api/widget/demo/track') && r.request().method() === 'POST');
    await shopper.goto(`${s.server.url}/demo/order?order=E2E-SALES-1`);
    expect((await tracked).status()).toBe(201);

    const manager = await personPage(s.browser, { width: 1440, height: 900 });
    await signIn(manager, s.server.url, 'manager@demo.tribu');
    await manager.goto(`${s.server.url}/backoffice/manage/numbers?from=${today()}&to=${today()}`);
    const sales = manager.getByRole('region', { name: 'Sales', exact: true });
    await expect.poll(() => sales.getByTestId('sales-assisted').textContent()).toBe('1 order');
    expect(await sales.getByTestId('sales-assisted-revenue').textContent()).toBe('€189.00');
    expect(await sales.getByTestId('sales-assisted-share').textContent()).toBe('100%');
    expect(await sales.getByTestId('sales-conversion').textContent()).toBe('100%');
    // The chat is still open: no chat hours yet, so the hours are worth nothing whatever the rate.
    await sales.getByRole('spinbutton', { name: 'Cost of an hour of support' }).fill('40');
    expect(await sales.getByTestId('hours-value').textContent()).toBe('€0.00');
    await sales.scrollIntoViewIfNeeded();
    await screenshot(manager, 'sales-numbers-1440');
    expect(await seriousViolations(manager)).toEqual([]);
    const byHelper = manager.getByRole('region', { name: 'Sales by helper' });
    expect(await byHelper.locator('tbody tr').count()).toBe(1);
    const byProduct = manager.getByRole('region', { name: 'Sales by product' });
    expect(await byProduct.locator('tbody tr').allTextContents()).toEqual(['Summit Jacket11']);
    await byProduct.scrollIntoViewIfNeeded();
    await screenshot(manager, 'sales-numbers-1440-tables');
    // The printable report: the same page on paper, without the menus and controls.
    await manager.getByRole('button', { name: 'Print this report' }).waitFor();
    await manager.emulateMedia({ media: 'print' });
    expect(await manager.getByRole('navigation', { name: 'Manage' }).isVisible()).toBe(false);
    await sales.scrollIntoViewIfNeeded();
    await screenshot(manager, 'sales-numbers-print');
    await manager.emulateMedia({ media: 'screen' });

    const phone = await personPage(s.browser, { width: 390, height: 844 });
    await signIn(phone, s.server.url, 'manager@demo.tribu');
    await phone.goto(`${s.server.url}/backoffice/manage/numbers?from=${today()}&to=${today()}`);
    const phoneSales = phone.getByRole('region', { name: 'Sales', exact: true });
    await phoneSales.getByTestId('sales-assisted').waitFor();
    await phoneSales.scrollIntoViewIfNeeded();
    await screenshot(phone, 'sales-numbers-390');
    await phone.getByRole('region', { name: 'Sales by helper' }).scrollIntoViewIfNeeded();
    await screenshot(phone, 'sales-numbers-390-helpers');
    await phone.context().close();

    // The helper's desk and profile: one visitor they helped bought, the product, never the amount.
    await helper.goto(`${s.server.url}/backoffice/`);
    const card = helper.getByRole('region', { name: 'Your help at work' });
    await expect.poll(() => card.getByTestId('impact-week').locator('.impact-line').textContent()).toBe('1 visitor you helped bought this week');
    expect(await card.textContent()).toContain('They chose: Summit Jacket');
    expect(await card.textContent()).not.toMatch(/189|€/);
    await screenshot(helper, 'impact-desk-1440');
    const narrow = await personPage(s.browser, { width: 390, height: 844 });
    await signIn(narrow, s.server.url, 'helper3@demo.tribu');
    await narrow.goto(`${s.server.url}/backoffice/profile`);
    const narrowCard = narrow.getByRole('region', { name: 'Your help at work' });
    await narrowCard.getByTestId('impact-month').waitFor();
    await narrowCard.scrollIntoViewIfNeeded();
    await screenshot(narrow, 'impact-profile-390');
    expect(await seriousViolations(narrow)).toEqual([]);
    await narrow.context().close();
    await manager.context().close();
  });
});
