import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { seriousViolations } from './support/axe.ts';
import { screenshot } from './support/browser.ts';
import { launcher, signIn, visitorLog, waitForLiveLauncher } from './support/people.ts';
import { hasChromium } from './support/requirements.ts';
import { useScenario } from './support/scenario.ts';

const QUESTION = 'Can I wash the Summit jacket in the machine?';

/** WCAG contrast ratio of two computed colours (`rgb(r, g, b)`). */
function contrast(a: string, b: string): number {
  const lum = (c: string) => {
    const [r, g, bl] = c
      .match(/\d+(\.\d+)?/g)!
      .slice(0, 3)
      .map(Number)
      .map((v) => v / 255)
      .map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}
const luminance = (c: string) => contrast(c, 'rgb(0, 0, 0)');

/** The computed colours of every surface, notice and field of the open chat. */
async function colours(page: Page) {
  return page.evaluate(() => {
    const root = document.querySelector('tribu-widget')!.shadowRoot!;
    // The message box has the focus when the chat opens; its resting edge is what is measured.
    (root.activeElement as HTMLElement | null)?.blur();
    const of = (sel: string) => {
      const el = root.querySelector(sel);
      if (!el) return null;
      const s = getComputedStyle(el);
      return { bg: s.backgroundColor, ink: s.color, line: s.borderTopColor, scheme: s.colorScheme };
    };
    return {
      panel: of('.panel'),
      disclosure: of('.disclosure'),
      messages: of('.messages'),
      offline: of('.offline'),
      email: of('.email input'),
      emailLabel: of('.email'),
      textarea: of('textarea'),
      composer: of('.composer'),
    };
  });
}

/** Adds a second widget tag with a `data-theme`, as a merchant would write it. */
async function reembed(page: Page, theme: string) {
  await page.evaluate((t) => {
    (window as unknown as { Tribu: { destroy(): void } }).Tribu.destroy();
    const tag = document.createElement('script');
    tag.src = '/widget.js';
    tag.dataset.site = 'demo';
    tag.dataset.theme = t;
    document.body.append(tag);
  }, theme);
}

describe.skipIf(!hasChromium)('the widget’s chat: dark theme, typing line, a helper who leaves', () => {
  const s = useScenario({ visitor: { width: 1440, height: 900 } });

  it('is dark from end to end on a dark system (auto): panel, notice, email field and message box, all readable', async () => {
    await s.visitor.emulateMedia({ colorScheme: 'dark' });
    // Nobody is online yet: the offline notice and the email field show.
    await s.visitor.goto(`${s.server.url}/demo`);
    await launcher(s.visitor).click();
    await s.visitor.getByRole('textbox', { name: 'Your email (optional)' }).waitFor();
    const c = await colours(s.visitor);
    for (const [name, part] of Object.entries(c)) {
      expect(part, name).not.toBeNull();
      // Dark surfaces (no white field or light-yellow notice on the black panel)…
      if (name !== 'emailLabel') expect(luminance(part!.bg), `${name} background ${part!.bg}`).toBeLessThan(1.6);
      expect(part!.scheme, name).toBe('dark');
    }
    // …with text that reads on them.
    for (const name of ['panel', 'disclosure', 'offline', 'email', 'textarea'] as const) {
      expect(contrast(c[name]!.ink, c[name]!.bg), `${name} text`).toBeGreaterThanOrEqual(4.5);
    }
    // Fields keep a visible edge.
    expect(contrast(c.email!.line, c.composer!.bg)).toBeGreaterThanOrEqual(3);
    expect(contrast(c.textarea!.line, c.composer!.bg)).toBeGreaterThanOrEqual(3);
    expect(await seriousViolations(s.visitor)).toEqual([]);
    await screenshot(s.visitor, 'widget-dark-1440');
    await s.visitor.setViewportSize({ width: 390, height: 844 });
    await screenshot(s.visitor, 'widget-dark-390');
    await s.visitor.setViewportSize({ width: 1440, height: 900 });
  });

  it('stays light on a dark system when the merchant forces it with data-theme="light", and dark on a light one with "dark"', async () => {
    await reembed(s.visitor, 'light');
    await launcher(s.visitor).click();
    await s.visitor.getByRole('textbox', { name: 'Your email (optional)' }).waitFor();
    let c = await colours(s.visitor);
    expect([c.panel!.bg, c.textarea!.bg, c.email!.bg, c.offline!.bg]).toEqual([
      'rgb(255, 255, 255)',
      'rgb(255, 255, 255)',
      'rgb(255, 255, 255)',
      'rgb(255, 246, 224)',
    ]);
    expect(contrast(c.textarea!.line, c.composer!.bg)).toBeGreaterThanOrEqual(3);
    expect(await seriousViolations(s.visitor)).toEqual([]);
    await screenshot(s.visitor, 'widget-light-1440');
    await s.visitor.setViewportSize({ width: 390, height: 844 });
    await screenshot(s.visitor, 'widget-light-390');
    await s.visitor.setViewportSize({ width: 1440, height: 900 });

    await s.visitor.emulateMedia({ colorScheme: 'light' });
    await reembed(s.visitor, 'dark');
    await launcher(s.visitor).click();
    await s.visitor.getByRole('textbox', { name: 'Your email (optional)' }).waitFor();
    c = await colours(s.visitor);
    expect([c.panel!.bg, c.textarea!.bg, c.email!.bg, c.offline!.bg]).toEqual(['rgb(24, 32, 28)', 'rgb(13, 18, 16)', 'rgb(13, 18, 16)', 'rgb(46, 38, 18)']);
  });

  it('says "Camille is answering…" only while Camille types, never just because she took the chat', async () => {
    await signIn(s.helper, s.server.url, 'helper1@demo.tribu');
    await s.visitor.goto(`${s.server.url}/demo`);
    await waitForLiveLauncher(s.visitor);
    await launcher(s.visitor).click();
    await s.visitor.getByRole('textbox', { name: 'Your message' }).fill(QUESTION);
    await s.visitor.getByRole('button', { name: 'Send' }).click();
    await s.visitor.getByText('Waiting for a community member').waitFor();
    await s.helper.getByRole('button', { name: /Take request: Can I wash the Summit/ }).click();
    const answering = s.visitor.getByText('Camille is answering…');
    // Taken: the visitor sees who has the chat, and no "answering" while she reads.
    await s.visitor.locator('.helper-card').getByText('Camille').waitFor();
    // Her initial sits in the middle of its circle (it sat at the top).
    const initial = await s.visitor.locator('.helper-card .avatar').evaluate((el) => {
      const box = el.getBoundingClientRect();
      const range = document.createRange();
      range.selectNodeContents(el);
      const text = range.getBoundingClientRect();
      return {
        text: el.textContent,
        dy: Math.abs(text.top + text.height / 2 - (box.top + box.height / 2)),
        dx: Math.abs(text.left + text.width / 2 - (box.left + box.width / 2)),
      };
    });
    expect(initial.text).toBe('C');
    expect(initial.dy).toBeLessThanOrEqual(1);
    expect(initial.dx).toBeLessThanOrEqual(1);
    await s.visitor.waitForTimeout(1500);
    expect(await answering.count()).toBe(0);

    await s.helper.getByRole('textbox', { name: 'Reply' }).pressSequentially('Yes, on a wool cycle', { delay: 40 });
    await answering.waitFor();
    await screenshot(s.visitor, 'widget-typing-1440');
    // She stops typing (goes to look something up): the line goes once the signal expires.
    await answering.waitFor({ state: 'detached', timeout: 12_000 });
    await s.helper.getByRole('button', { name: 'Send' }).click();
    await visitorLog(s.visitor).getByText('Yes, on a wool cycle').waitFor();
    expect(await answering.count()).toBe(0);
  });

  it('tells the visitor when the helper releases the chat, and puts the question back on the board', async () => {
    await s.helper.getByRole('button', { name: 'Release to board' }).click();
    await visitorLog(s.visitor).getByText('Camille had to leave this chat. Your question is back with the community: someone else will answer here.').waitFor();
    await s.visitor.getByText('Waiting for a community member').waitFor();
    expect(await s.visitor.locator('.helper-card').count()).toBe(0);
    await s.helper
      .getByRole('region', { name: 'Incoming requests' })
      .getByRole('button', { name: /Take request: Can I wash the Summit/ })
      .waitFor();
    await screenshot(s.visitor, 'widget-released-1440');
  });
});
