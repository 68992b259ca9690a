import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { personPage, screenshot } from './support/browser.ts';
import { ensureChatOpen, launcher, signIn, visitorLog, waitForLiveLauncher } from './support/people.ts';
import { hasChromium } from './support/requirements.ts';
import { useScenario } from './support/scenario.ts';

const PHONE = { width: 390, height: 844 };
const QUESTION = 'Is the Summit jacket warm enough for skiing?';
const ANSWER = 'Yes with a base layer — I ski in mine every winter.';

type Box = { x: number; y: number; width: number; height: number };
/** The launcher's badge count, also while the panel covers the launcher (full screen on a phone). */
const unread = (page: Page) =>
  page.evaluate(() => document.querySelector('tribu-widget')?.shadowRoot?.querySelector('.launcher')?.getAttribute('data-n') ?? null);
const overlaps = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** The launcher's box and those of the shop's own buttons in view (the primary ones first). */
async function boxes(page: Page) {
  // Placement runs on the next animation frame after a scroll or resize.
  await page.evaluate(async () => {
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    // The launcher glides to its new place: measure where it ends.
    const button = document.querySelector('tribu-widget')!.shadowRoot!.querySelector('.launcher')!;
    await Promise.all(button.getAnimations().map((a) => a.finished));
  });
  return page.evaluate(() => {
    const box = (el: Element) => {
      const r = el.getBoundingClientRect();
      return { x: r.x, y: r.y, width: r.width, height: r.height };
    };
    const inView = (b: { y: number; height: number }) => b.height > 0 && b.y < innerHeight && b.y + b.height > 0;
    const button = document.querySelector('tribu-widget')!.shadowRoot!.querySelector('.launcher')!;
    return {
      launcher: box(button),
      viewport: { width: innerWidth, height: innerHeight },
      buttons: Array.from(document.querySelectorAll('button, a.btn'))
        .map((el) => ({ text: el.textContent!.trim(), ...box(el) }))
        .filter(inView),
    };
  });
}

describe.skipIf(!hasChromium)('the widget on a phone (390 px)', () => {
  const s = useScenario({ visitor: PHONE });

  it('is a compact round button that stays clear of the product page’s sticky Add to cart, scrolled or not', async () => {
    await s.visitor.goto(`${s.server.url}/demo/product`);
    await launcher(s.visitor).waitFor();
    const bar = s.visitor.getByRole('region', { name: 'Buy' });
    await bar.getByRole('button', { name: 'Add to cart' }).waitFor();
    for (const y of [0, 400, 10_000]) {
      await s.visitor.evaluate((top) => scrollTo(0, top), y);
      const b = await boxes(s.visitor);
      expect(b.launcher.width).toBeLessThanOrEqual(56);
      expect(Math.abs(b.launcher.width - b.launcher.height)).toBeLessThanOrEqual(1);
      const hit = b.buttons.filter((x) => overlaps(x, b.launcher)).map((x) => x.text);
      expect(hit, `scrolled to ${y}`).toEqual([]);
      expect(b.buttons.filter((x) => x.text === 'Add to cart').length).toBeGreaterThan(0);
      const barTop = await bar.evaluate((el) => el.getBoundingClientRect().top);
      // Above the bar with a little air, not just beside it.
      expect(b.launcher.y + b.launcher.height).toBeLessThanOrEqual(barTop - 8);
    }
    await s.visitor.evaluate(() => scrollTo(0, 0));
    await screenshot(s.visitor, 'widget-phone-product-390');
  });

  it('rises above a button under its usual place, sits 20 px from the bottom over plain text, and honours the tag’s data-offset', async () => {
    await s.visitor.goto(`${s.server.url}/demo`);
    await launcher(s.visitor).waitFor();
    // The home page's call to action ends at the bottom right of the first screen, under the usual place.
    let b = await boxes(s.visitor);
    const discover = b.buttons.find((x) => x.text === 'Discover the Summit Jacket')!;
    expect(discover.y + discover.height).toBeGreaterThan(b.viewport.height - 20 - b.launcher.height);
    expect(b.buttons.filter((x) => overlaps(x, b.launcher)).map((x) => x.text)).toEqual([]);
    // Over the footer's plain text: its usual place.
    await s.visitor.evaluate(() => scrollTo(0, 10_000));
    b = await boxes(s.visitor);
    expect(b.viewport.height - (b.launcher.y + b.launcher.height)).toBe(20);
    // A merchant whose theme needs more room sets it on the tag.
    await s.visitor.evaluate(() => {
      (window as unknown as { Tribu: { destroy(): void } }).Tribu.destroy();
      const tag = document.createElement('script');
      tag.src = '/widget.js';
      tag.dataset.site = 'demo';
      tag.dataset.offset = '90';
      document.body.append(tag);
    });
    await launcher(s.visitor).waitFor();
    await s.visitor.evaluate(() => scrollTo(0, 10_000));
    b = await boxes(s.visitor);
    expect(b.viewport.height - (b.launcher.y + b.launcher.height)).toBe(90);
  });

  it('keeps nothing for a visitor who never opened the chat, and loads no chat for them', async () => {
    await s.visitor.goto(`${s.server.url}/demo/product`);
    await launcher(s.visitor).waitFor();
    const kept = await s.visitor.evaluate(() => ({
      local: Object.keys(localStorage),
      session: Object.keys(sessionStorage),
      cookies: document.cookie,
      chat: performance.getEntriesByType('resource').filter((e) => e.name.includes('/widget/chat')).length,
    }));
    expect(kept).toEqual({ local: [], session: [], cookies: '', chat: 0 });
    expect(await unread(s.visitor)).toBe('0');
  });

  it('shows a returning visitor a badge with the number of answers waiting, and the answer when they open it', { timeout: 120_000 }, async () => {
    await signIn(s.helper, s.server.url, 'helper1@demo.tribu');
    await s.visitor.goto(`${s.server.url}/demo/product`);
    await waitForLiveLauncher(s.visitor);
    await launcher(s.visitor).click();
    await s.visitor.getByRole('textbox', { name: 'Your message' }).fill(QUESTION);
    await s.visitor.getByRole('button', { name: 'Send' }).click();
    await visitorLog(s.visitor).getByText(QUESTION).waitFor();
    await s.visitor.getByText('Waiting for a community member').waitFor();
    // The visitor closes the chat and leaves the shop before anyone answers.
    await s.visitor.getByRole('button', { name: 'Close chat' }).click();
    await s.visitor.goto('about:blank');

    await s.helper.getByRole('button', { name: /Take request: Is the Summit jacket warm/ }).click();
    await s.helper.getByRole('textbox', { name: 'Reply' }).fill(ANSWER);
    await s.helper.getByRole('button', { name: 'Send' }).click();
    await s.helper.getByRole('textbox', { name: 'Reply' }).fill('Tell me if you need a size.');
    await s.helper.getByRole('button', { name: 'Send' }).click();
    await s.helper.getByRole('log', { name: 'Conversation' }).getByText('Tell me if you need a size.').waitFor();

    // Later, back on the shop in a new tab: the launcher says two answers wait.
    const back = await s.visitor.context().newPage();
    await back.goto(`${s.server.url}/demo`);
    await expect.poll(() => unread(back), { timeout: 15_000 }).toBe('2');
    expect(await launcher(back).getAttribute('aria-label')).toBe('Chat with the community (2)');
    const badge = await launcher(back).evaluate((el) => {
      const after = getComputedStyle(el, '::after');
      return { content: after.content, display: after.display, color: after.backgroundColor };
    });
    expect(badge).toEqual({ content: '"2"', display: 'block', color: 'rgb(198, 40, 40)' });
    await screenshot(back, 'widget-phone-unread-badge-390');

    await ensureChatOpen(back);
    await visitorLog(back).getByText(ANSWER).waitFor();
    await expect.poll(() => unread(back)).toBe('0');
    await screenshot(back, 'widget-phone-answer-390');
    // Read now: the next page has no badge.
    await back.getByRole('button', { name: 'Close chat' }).click();
    await back.goto(`${s.server.url}/demo/cart`);
    // The chat restored on this page (closed) has the answers, all read.
    await back.locator('tribu-widget .messages').getByText(ANSWER).waitFor({ state: 'attached' });
    expect(await unread(back)).toBe('0');
    await back.close();
  });

  it('shows the round launcher at 1440 px as the wide pill with the helpers and words', async () => {
    const wide = await personPage(s.browser, { width: 1440, height: 900 });
    await wide.goto(`${s.server.url}/demo/product`);
    await launcher(wide).getByText('Ask the community').waitFor();
    const w = await launcher(wide).evaluate((el) => el.getBoundingClientRect().width);
    expect(w).toBeGreaterThan(150);
    await screenshot(wide, 'widget-desk-product-1440');
    await wide.context().close();
  });
});
