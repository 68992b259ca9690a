import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { seriousViolations } from './support/axe.ts';
import { personPage, screenshot } from './support/browser.ts';
import { FOUR_ASKS, visitorAsks } from './support/desk-cast.ts';
import { signIn, visitorLog } from './support/people.ts';
import { hasChromium } from './support/requirements.ts';
import { useScenario } from './support/scenario.ts';

const WIDTHS = [1024, 1280, 1440, 1920] as const;

interface Control {
  name: string;
  truncated: boolean;
  lines: number;
  top: number;
  bottom: number;
  right: number;
  height: number;
}

/** Every visible control of the top bar: clipped text (scrollWidth > clientWidth), text lines, and where it sits. */
const measureTopBar = (page: Page) =>
  page.evaluate(() => {
    const bar = document.querySelector('header.topbar')!;
    const box = bar.getBoundingClientRect();
    const lines = (el: Element) => {
      const tops: number[] = [];
      const walk = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let n = walk.nextNode(); n; n = walk.nextNode()) {
        const holder = n.parentElement!;
        // A photo's initial and text only a screen reader gets are not lines of the control's text.
        if (!n.textContent?.trim() || holder.closest('.avatar') || holder.getBoundingClientRect().width <= 1) continue;
        const range = document.createRange();
        range.selectNodeContents(n);
        for (const r of Array.from(range.getClientRects())) if (r.width > 1 && !tops.some((t) => Math.abs(t - r.top) < 6)) tops.push(r.top);
      }
      return tops.length;
    };
    const controls = Array.from(bar.querySelectorAll('.brand, .site, .link-state, .main-nav a, .bell-btn, .who, .who-name, .sign-out'))
      .filter((el) => el.getBoundingClientRect().width > 1) // visually hidden text (a screen reader's only) is not shown
      .map((el) => {
        const r = el.getBoundingClientRect();
        return {
          name: (el.textContent ?? '').replace(/\s+/g, ' ').trim() || el.className,
          truncated: el.scrollWidth > el.clientWidth + 1,
          lines: lines(el),
          top: r.top - box.top,
          bottom: r.bottom - box.top,
          right: r.right,
          height: r.height,
        };
      });
    return { height: box.height, width: window.innerWidth, scrollWidth: document.documentElement.scrollWidth, controls };
  });

/** Serious or critical axe findings with the system in light mode, then in dark mode. */
async function axeLightAndDark(page: Page): Promise<string[]> {
  const found: string[] = [];
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    found.push(...(await seriousViolations(page)).map((v) => `${colorScheme}: ${v}`));
  }
  await page.emulateMedia({ colorScheme: 'light' });
  return found;
}

describe.skipIf(!hasChromium)('the desk puts the conversation first', () => {
  const s = useScenario();
  const visitors: Page[] = [];
  const tab = (name: RegExp) => s.helper.getByRole('tab', { name });
  const log = () => s.helper.getByRole('log', { name: 'Conversation' });
  const focusedLabel = () => s.helper.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? '');

  it('holds the top bar of every role on one line, no control wrapped or cut, at 1024, 1280, 1440 and 1920 px', async () => {
    const roles = [
      { email: 'helper1@demo.tribu', nav: ['Desk', 'Recognition', 'Rewards'], name: 'Camille' },
      { email: 'manager@demo.tribu', nav: ['Desk', 'Recognition', 'Rewards', 'Manage'], name: 'Morgane' },
      { email: 'admin@demo.tribu', nav: ['Desk', 'Recognition', 'Rewards', 'Manage', 'Operator'], name: 'Alex (admin)' },
    ];
    const problems: string[] = [];
    for (const role of roles) {
      const page = await personPage(s.browser, { width: 1920, height: 1080 });
      await signIn(page, s.server.url, role.email);
      await page.locator('.topbar .link-state.online').waitFor();
      for (const width of WIDTHS) {
        await page.setViewportSize({ width, height: 900 });
        const bar = await measureTopBar(page);
        const names = bar.controls.map((c: Control) => c.name);
        expect(names, `${role.email} at ${width}`).toEqual(expect.arrayContaining([...role.nav, role.name, 'Alpine Threads', 'Live']));
        if (bar.height > 60) problems.push(`${role.email} @${width}: the bar is ${bar.height}px high`);
        if (bar.scrollWidth > width) problems.push(`${role.email} @${width}: the page scrolls sideways (${bar.scrollWidth}px)`);
        for (const c of bar.controls) {
          const where = `${role.email} @${width} "${c.name}"`;
          if (c.truncated) problems.push(`${where} is cut`);
          if (c.lines > 1) problems.push(`${where} wraps on ${c.lines} lines`);
          if (c.height > 40) problems.push(`${where} is ${c.height}px high`);
          if (c.top < 0 || c.bottom > bar.height) problems.push(`${where} leaves the bar`);
          if (c.right > width) problems.push(`${where} goes past the window`);
        }
        if (width === 1024) await screenshot(page, `topbar-1024-${role.email.split('@')[0]}`);
      }
      await page.context().close();
    }
    expect(problems).toEqual([]);
  });

  it('keeps four chats at once reachable and told apart, by tab, menu and keyboard, with unread counts and typing', async () => {
    await signIn(s.helper, s.server.url, 'helper1@demo.tribu');
    for (const ask of FOUR_ASKS) visitors.push(await visitorAsks(s.browser, s.server.url, ask));
    for (const ask of FOUR_ASKS) {
      await s.helper.getByRole('button', { name: `Take request: ${ask.question}` }).click();
      await log().getByText(ask.question).waitFor();
    }
    // At 1440 px every chat has its own tab, each named by what sets it apart.
    const names = await s.helper.getByRole('tab', { name: /^\d\. / }).evaluateAll((els) => els.map((e) => e.textContent));
    expect(names.map((n) => n?.split(' · ').slice(0, 3).join(' · '))).toEqual([
      '1. Home page · “Hi! Is the beanie warm enough for skiing?” · EN',
      '2. Summit Jacket · “Hi! Is the Summit jacket waterproof?” · EN',
      '3. Your cart · “Bonjour ! La livraison en Suisse est-elle possible ?” · FR',
      '4. Order confirmed · “Hi! Can I still change my order?” · EN',
    ]);
    expect(await s.helper.getByRole('button', { name: /^More chats/ }).count()).toBe(0);
    // The conversation has the room: at least 60% of the window for the messages and the reply box.
    const share = await s.helper.evaluate(() => {
      const pane = document.querySelector('.pane')!.getBoundingClientRect();
      const reply = document.querySelector('.reply')!.getBoundingClientRect();
      return Math.min(pane.width, reply.width) / window.innerWidth;
    });
    expect(share).toBeGreaterThanOrEqual(0.6);

    // Alt+1…4 opens each chat; Alt+R puts the cursor in its reply box.
    for (const [i, ask] of FOUR_ASKS.entries()) {
      await s.helper.keyboard.press(`Alt+Digit${i + 1}`);
      await expect.poll(() => tab(new RegExp(`^${i + 1}\\. `)).getAttribute('aria-selected')).toBe('true');
      await log().getByText(ask.question).waitFor();
    }
    await s.helper.keyboard.press('Alt+ArrowDown'); // after the last chat comes the feed
    await expect.poll(() => tab(/^Community/).getAttribute('aria-selected')).toBe('true');
    await s.helper.keyboard.press('Alt+ArrowDown');
    await expect.poll(() => tab(/^1\. /).getAttribute('aria-selected')).toBe('true');
    await s.helper.keyboard.press('Alt+KeyR');
    await expect.poll(focusedLabel).toBe('Reply');

    // A reply in a chat that is not open counts as unread on its tab; a visitor typing shows a live dot.
    await visitorLog(visitors[1]!).waitFor();
    await visitors[1]!.getByRole('textbox').last().fill('Also, does it run small?');
    await visitors[1]!.getByRole('textbox').last().press('Enter');
    await expect.poll(() => tab(/^2\. /).textContent()).toMatch(/ · 1 unread$/);
    await visitors[2]!.getByRole('textbox').last().pressSequentially('Et les frais');
    await expect.poll(() => tab(/^3\. /).textContent()).toMatch(/ · typing$/);
    await s.helper.keyboard.press('Alt+Digit2');
    await log().getByText('Also, does it run small?').waitFor();
    await expect.poll(() => tab(/^2\. /).textContent()).not.toMatch(/unread/);
    await screenshot(s.helper, 'desk-four-chats-1440');
    expect(await axeLightAndDark(s.helper)).toEqual([]);

    // At 1024 px the tabs that do not fit are in More chats, and every one of them opens from there.
    await s.helper.setViewportSize({ width: 1024, height: 768 });
    const more = s.helper.getByRole('button', { name: /^More chats: / });
    await more.waitFor();
    const shownTabs = await s.helper.getByRole('tab', { name: /^\d\. / }).count();
    expect(shownTabs).toBeGreaterThanOrEqual(1);
    expect(await more.textContent()).toMatch(new RegExp(`^More chats: \\+${4 - shownTabs} more`));
    await more.click();
    const items = s.helper.getByRole('menu', { name: 'More chats' }).getByRole('menuitem');
    expect(await items.count()).toBe(4 - shownTabs);
    await screenshot(s.helper, 'desk-more-chats-1024');
    expect(await axeLightAndDark(s.helper)).toEqual([]);
    const hiddenNames = await items.evaluateAll((els) => els.map((e) => e.textContent!));
    await s.helper.keyboard.press('Escape');
    for (const name of hiddenNames) {
      // Number, page and question: the wait and unread parts of the name change as time goes.
      const key = name.split(' · ').slice(0, 2).join(' · ');
      await more.click();
      await s.helper.getByRole('menuitem', { name: key }).click();
      await expect.poll(() => s.helper.getByRole('tab', { name: key }).getAttribute('aria-selected')).toBe('true');
      await log()
        .getByText(FOUR_ASKS[Number(key[0]) - 1]!.question)
        .waitFor();
    }
    await s.helper.setViewportSize({ width: 1440, height: 900 });
  });

  it('asks before ending a chat nobody answered', async () => {
    await s.helper.keyboard.press('Alt+Digit4');
    await log().getByText(FOUR_ASKS[3].question).waitFor();
    await s.helper.getByRole('button', { name: 'End chat' }).click();
    const dialog = s.helper.getByRole('dialog', { name: 'End this chat without an answer?' });
    await dialog.waitFor();
    await screenshot(s.helper, 'desk-end-unanswered-confirm');
    expect(await axeLightAndDark(s.helper)).toEqual([]);
    await dialog.getByRole('button', { name: 'Keep it open' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(await s.helper.getByRole('textbox', { name: 'Reply' }).isEnabled()).toBe(true);
    expect(await visitors[3]!.getByText('This chat has ended.').count()).toBe(0);

    await s.helper.getByRole('button', { name: 'End chat' }).click();
    await dialog.getByRole('button', { name: 'End without answer' }).click();
    await visitors[3]!.getByText('This chat has ended.').waitFor();
    await log().getByText('You ended the chat.').waitFor();
  });

  it('lets the helper undo ending an answered chat for a few seconds, and ends it when they do not', async () => {
    await s.helper.keyboard.press('Alt+Digit1');
    await log().getByText(FOUR_ASKS[0].question).waitFor();
    await s.helper.getByRole('textbox', { name: 'Reply' }).fill('Yes: merino, 260 g/m², warm down to −15 °C.');
    await s.helper.getByRole('textbox', { name: 'Reply' }).press('Enter');
    await visitorLog(visitors[0]!).getByText('260 g/m²').waitFor();

    await s.helper.getByRole('button', { name: 'End chat' }).click();
    const toast = s.helper.locator('.undo-toast');
    await toast.getByText('Ending the chat on Home page').waitFor();
    expect(await toast.textContent()).toMatch(/in [1-5] s/);
    await screenshot(s.helper, 'desk-undo-end');
    expect(await axeLightAndDark(s.helper)).toEqual([]);
    await toast.getByRole('button', { name: 'Undo' }).click();
    await toast.waitFor({ state: 'detached' });
    // Past the undo window (5 s): nothing was sent, the chat goes on for both sides.
    await s.helper.waitForTimeout(6_500);
    expect(await s.helper.getByRole('button', { name: 'End chat' }).isEnabled()).toBe(true);
    expect(await visitors[0]!.getByText('This chat has ended.').count()).toBe(0);
    await s.helper.getByRole('textbox', { name: 'Reply' }).fill('Still here if you need a size.');
    await s.helper.getByRole('textbox', { name: 'Reply' }).press('Enter');
    await visitorLog(visitors[0]!).getByText('Still here if you need a size.').waitFor();

    await s.helper.getByRole('button', { name: 'End chat' }).click();
    expect(await s.helper.getByRole('textbox', { name: 'Reply' }).isDisabled()).toBe(true);
    await visitors[0]!.getByText('This chat has ended.').waitFor({ timeout: 15_000 });
    await log().getByText('You ended the chat.').waitFor();
  });

  it('remembers per person whether who is online is a list or a rail, and whether the details sit beside the chat', async () => {
    await s.helper.keyboard.press('Alt+Digit2'); // an open chat, which a reload brings back
    await log().getByText(FOUR_ASKS[1].question).waitFor();
    const details = s.helper.getByRole('complementary', { name: 'Chat details' });
    expect(await details.count()).toBe(0);
    await s.helper.getByRole('button', { name: 'Show who is online as a list' }).click();
    await s.helper.getByRole('button', { name: 'Details' }).click();
    await details.getByText('Page trail').waitFor();
    await s.helper.reload();
    await details.getByText('Page trail').waitFor();
    await s.helper.getByRole('region', { name: 'Online now' }).getByText('(you)').waitFor();
    const saved = await s.helper.evaluate(() => Object.entries(localStorage).filter(([k]) => k.startsWith('tribu.desk-layout.')));
    expect(saved.map(([, v]) => JSON.parse(v) as unknown)).toEqual([{ peersOpen: true, detailsOpen: true }]);
    // Another person signing in on this browser starts from the folded desk.
    await s.helper.getByRole('button', { name: 'Sign out' }).click();
    await signIn(s.helper, s.server.url, 'helper3@demo.tribu');
    await s.helper.getByRole('button', { name: 'Show who is online as a list' }).waitFor();
  });
});

describe.skipIf(!hasChromium)('a helper on a phone', () => {
  const s = useScenario();

  it('signs in, takes a request and answers with taps only at 390×844, the reply box above the fold, the feed one tap away', async () => {
    const context = await s.browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
    const phone = await context.newPage();
    await phone.goto(`${s.server.url}/backoffice`);
    await phone.getByRole('textbox', { name: 'Email' }).tap();
    await phone.keyboard.type('helper2@demo.tribu');
    await phone.getByLabel('Password').tap();
    await phone.keyboard.type('tribu-demo');
    await phone.getByRole('button', { name: 'Sign in' }).tap();
    const board = phone.getByRole('region', { name: 'Incoming requests' });
    await board.waitFor();
    await phone.locator('.topbar .link-state.online').waitFor();
    const visitor = await visitorAsks(s.browser, s.server.url, {
      path: '/demo/product',
      question: 'Do you ship the Summit jacket to Norway?',
      locale: 'en-GB',
    });
    await board.getByRole('button', { name: /Take request: Do you ship/ }).tap();

    // The chat fills the screen: its reply box is in view without scrolling, pinned to the bottom.
    const reply = phone.getByRole('textbox', { name: 'Reply' });
    await phone.getByRole('log', { name: 'Conversation' }).getByText('Norway').waitFor();
    const box = (await reply.boundingBox())!;
    expect(box.y + box.height).toBeLessThanOrEqual(844);
    expect(box.y).toBeGreaterThan(844 / 2);
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBe(390);
    await reply.tap();
    await phone.keyboard.type('Yes, we ship to Norway in 3–5 days.');
    await phone.getByRole('button', { name: 'Send' }).tap();
    await visitorLog(visitor).getByText('3–5 days').waitFor();
    await visitor.getByRole('textbox').last().fill('Perfect, thanks!');
    await visitor.getByRole('textbox').last().press('Enter');
    await phone.getByRole('log', { name: 'Conversation' }).getByText('Perfect, thanks!').waitFor();
    await screenshot(phone, 'phone-chat-390');
    expect(await axeLightAndDark(phone)).toEqual([]);

    // Back to the board, the feed one tap away, and the chat again from My chats.
    await phone.getByRole('button', { name: 'Board', exact: true }).tap();
    await board.waitFor();
    await screenshot(phone, 'phone-board-390');
    expect(await axeLightAndDark(phone)).toEqual([]);
    await phone.getByRole('button', { name: 'Community' }).tap();
    await phone.getByRole('region', { name: 'Community feed' }).waitFor();
    expect(await board.isVisible()).toBe(false);
    await phone.getByRole('button', { name: /^My chats/ }).tap();
    await phone.getByRole('tab', { name: /^1\. Summit Jacket · “Do you ship/ }).tap();
    await phone.getByRole('log', { name: 'Conversation' }).getByText('Perfect, thanks!').waitFor();
    await context.close();
  });
});
