import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { seriousViolations } from './support/axe.ts';
import { hasChromium } from './support/requirements.ts';
import { useScenario } from './support/scenario.ts';

describe.skipIf(!hasChromium)('accessibility', () => {
  const s = useScenario();

  const focusedName = (page: Page) =>
    page.evaluate(() => {
      let el = document.activeElement;
      while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
      return el?.getAttribute('aria-label') ?? el?.textContent?.trim() ?? '';
    });

  it('lets a visitor ask with the keyboard alone, and gives the focus back on Escape', async () => {
    await s.visitor.goto(`${s.server.url}/demo`);
    await s.visitor.getByRole('button', { name: 'Chat with the community' }).waitFor();
    await s.visitor.keyboard.press('Shift+Tab'); // the launcher is the last control of the page
    expect(await focusedName(s.visitor)).toBe('Chat with the community');
    await s.visitor.keyboard.press('Enter');
    await expect.poll(() => focusedName(s.visitor)).toBe('Your message');
    await s.visitor.keyboard.type('Can I ask with the keyboard only?');
    await s.visitor.keyboard.press('Enter');
    await s.visitor.getByRole('log', { name: 'Conversation' }).getByText('keyboard only').waitFor();
    await s.visitor.keyboard.press('Escape');
    await expect.poll(() => focusedName(s.visitor)).toBe('Chat with the community');
    expect(await s.visitor.getByRole('dialog').count()).toBe(0);
  });

  it('finds no serious or critical axe issue on the shop with the chat open', async () => {
    await s.visitor.keyboard.press('Enter');
    await s.visitor.getByRole('dialog').waitFor();
    expect(await seriousViolations(s.visitor)).toEqual([]);
  });

  it('finds no serious or critical axe issue in the backoffice, signed out and at work', async () => {
    await s.helper.goto(`${s.server.url}/backoffice`);
    await s.helper.getByRole('button', { name: 'Sign in' }).waitFor();
    expect(await seriousViolations(s.helper)).toEqual([]);
    await s.helper.getByLabel('Email').fill('helper1@demo.tribu');
    await s.helper.getByLabel('Password').fill('tribu-demo');
    await s.helper.getByRole('button', { name: 'Sign in' }).click();
    await s.helper.getByRole('button', { name: /Take request/ }).click();
    await s.helper.getByRole('log', { name: 'Conversation' }).getByText('keyboard only').waitFor();
    expect(await seriousViolations(s.helper)).toEqual([]);
  });
});
