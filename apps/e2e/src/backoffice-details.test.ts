import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { personPage, screenshot } from './support/browser.ts';
import { signIn } from './support/people.ts';
import { hasChromium } from './support/requirements.ts';
import { useScenario } from './support/scenario.ts';

const mainNav = (page: Page) => page.getByRole('navigation', { name: 'Main' });

describe.skipIf(!hasChromium)('backoffice details: sign-in console, profile navigation, Manage menu, the managers’ Rewards page', () => {
  const s = useScenario();

  it('loads the sign-in page without a failed request or an error in the console', async () => {
    const errors: string[] = [];
    const failed: string[] = [];
    s.helper.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    s.helper.on('response', (r) => r.status() >= 400 && failed.push(`${r.status()} ${new URL(r.url()).pathname}`));
    await s.helper.goto(`${s.server.url}/backoffice`);
    await s.helper.getByRole('button', { name: 'Sign in' }).waitFor();
    await s.helper.waitForLoadState('networkidle');
    expect({ errors, failed }).toEqual({ errors: [], failed: [] });
  });

  it('keeps the main navigation on the Profile page', async () => {
    await signIn(s.helper, s.server.url, 'helper1@demo.tribu');
    await s.helper.goto(`${s.server.url}/backoffice/profile`);
    await s.helper.getByRole('heading', { name: 'My profile' }).waitFor();
    for (const name of ['Desk', 'Recognition', 'Rewards']) await mainNav(s.helper).getByRole('link', { name, exact: true }).waitFor();
    await screenshot(s.helper, 'backoffice-profile-1440');
    await mainNav(s.helper).getByRole('link', { name: 'Rewards', exact: true }).click();
    await s.helper.waitForURL(/\/backoffice\/rewards$/);
    // A helper's Rewards page is theirs to spend on.
    await s.helper.getByRole('heading', { name: 'Treat yourself — you earned it' }).waitFor();
  });

  it('lists Recognition settings in the Manage menu, and the old address leads there', async () => {
    const manager = await personPage(s.browser, { width: 1440, height: 900 });
    await signIn(manager, s.server.url, 'manager@demo.tribu');
    await mainNav(manager).getByRole('link', { name: 'Manage' }).click();
    const menu = manager.getByRole('navigation', { name: 'Manage' });
    await menu.getByRole('link', { name: 'Recognition settings' }).click();
    await manager.waitForURL(/\/backoffice\/manage\/recognition$/);
    await manager.getByRole('heading', { name: 'Recognition settings', level: 1 }).waitFor();
    expect(await menu.getByRole('link', { name: 'Recognition settings' }).getAttribute('aria-current')).toBe('page');
    await manager.getByRole('button', { name: 'Save rules' }).waitFor();
    await screenshot(manager, 'backoffice-manage-recognition-1440');
    await manager.goto(`${s.server.url}/backoffice/recognition/settings`);
    await manager.waitForURL(/\/backoffice\/manage\/recognition$/);
    await manager.getByRole('button', { name: 'Save rules' }).waitFor();
    await manager.context().close();
  });

  it('shows managers their catalogue (not the helpers’ banner), gifts of one size whatever the cost, Edit centred', async () => {
    for (const viewport of [
      { width: 1440, height: 900 },
      { width: 390, height: 844 },
    ]) {
      const manager = await personPage(s.browser, viewport);
      await signIn(manager, s.server.url, 'manager@demo.tribu');
      await manager.goto(`${s.server.url}/backoffice/rewards`);
      await manager.getByRole('heading', { name: 'The rewards catalogue' }).waitFor();
      await manager.getByRole('button', { name: 'Edit Visit the workshop' }).waitFor();
      expect(await manager.getByText(/Treat yourself/).count()).toBe(0);
      const cards = await manager.locator('.reward-card').evaluateAll((els) =>
        els.map((card) => {
          const gift = card.querySelector('.medallion')!.getBoundingClientRect();
          const edit = card.querySelector('button.small-btn')!;
          const box = edit.getBoundingClientRect();
          const range = document.createRange();
          range.selectNodeContents(edit);
          const text = range.getBoundingClientRect();
          const inner = card.getBoundingClientRect();
          return {
            cost: card.querySelector('.reward-cost strong')!.textContent,
            gift: [gift.width, gift.height],
            // The word's middle against the button's middle, and the button inside its card.
            offCentre: Math.abs(text.top + text.height / 2 - (box.top + box.height / 2)),
            inside: box.right <= inner.right && box.left >= inner.left,
          };
        }),
      );
      expect(cards.map((c) => c.cost)).toEqual(['2', '150', '300', '1,000', '2,000']);
      for (const c of cards) {
        expect(c.gift, c.cost!).toEqual([56, 56]);
        expect(c.offCentre, c.cost!).toBeLessThanOrEqual(1);
        expect(c.inside, c.cost!).toBe(true);
      }
      await screenshot(manager, `backoffice-rewards-manager-${viewport.width}`);
      await manager.context().close();
    }
  });
});
