import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { seriousViolations, WCAG22_AA } from './support/axe.ts';
import { launchBrowser, personPage, screenshot } from './support/browser.ts';
import { signIn, visitorLog, waitForLiveLauncher, launcher } from './support/people.ts';
import { hasChromium } from './support/requirements.ts';
import { printServerOutputOnFailure, startServer, type RunningServer } from './support/server.ts';

const QUESTION = 'Is the merino beanie warm enough for ski touring?';
const ANSWER = 'Oui, elle tient chaud même à -10 °C.';
const STICKERS = 'Alpine Threads sticker pack';
/** Text as a pattern that matches it literally (a question mark is a question mark). */
const literal = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

interface Focused {
  name: string;
  tag: string;
  /** Something shows where the focus is: an outline or ring on it or on its box (a field's card). */
  visible: boolean;
}

/** What has the keyboard focus now (inside open shadow roots too): its accessible name, roughly as a screen reader says it. */
const focused = (page: Page): Promise<Focused> =>
  page.evaluate(() => {
    let el = document.activeElement as HTMLElement | null;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement as HTMLElement;
    if (!el || el === document.body) return { name: '', tag: 'body', visible: false };
    const byIds = (ids: string) =>
      ids
        .split(/\s+/)
        .map((id) => document.getElementById(id)?.textContent ?? '')
        .join(' ');
    const label = (el as HTMLInputElement).labels?.[0]?.textContent;
    const name = (
      el.getAttribute('aria-label') ??
      (el.getAttribute('aria-labelledby') ? byIds(el.getAttribute('aria-labelledby')!) : null) ??
      label ??
      el.textContent ??
      ''
    )
      .replace(/\s+/g, ' ')
      .trim();
    const shows = (e: Element) => {
      const s = getComputedStyle(e);
      return (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2) || (s.boxShadow !== 'none' && s.boxShadow !== '');
    };
    const seen = (e: Element | null) => {
      if (!e) return false;
      const box = e.getBoundingClientRect();
      return box.width > 2 && box.height > 2 && shows(e);
    };
    // A field hidden inside its label (a file picker) shows its focus on the label or the card around it.
    let visible = seen(el) || seen(el.parentElement) || seen(el.parentElement?.parentElement ?? null);
    // The skip link is its own mark: it only appears when focused.
    if (el.classList.contains('skip-link')) visible = el.getBoundingClientRect().top >= 0;
    return { name, tag: el.tagName.toLowerCase(), visible };
  });

/**
 * Presses Tab (or Shift+Tab) until the focus is on something whose name matches, as a keyboard user
 * does; every stop on the way must show where the focus is. Fails with the stops seen if it never gets there.
 */
async function tabTo(page: Page, name: RegExp, unseen: string[], opts: { back?: boolean; max?: number } = {}): Promise<void> {
  const stops: string[] = [];
  for (let i = 0; i < (opts.max ?? 150); i++) {
    await page.keyboard.press(opts.back ? 'Shift+Tab' : 'Tab');
    const f = await focused(page);
    stops.push(`${f.tag} “${f.name.slice(0, 50)}”`);
    if (f.tag !== 'body' && !f.visible) unseen.push(`${new URL(page.url()).pathname}: ${f.tag} “${f.name.slice(0, 60)}”`);
    if (name.test(f.name)) return;
  }
  throw new Error(`Tab never reached ${name}; stops: ${stops.join(' → ')}`);
}

/** Serious or critical WCAG 2.2 AA findings on the screen as it is, in light then in dark. */
async function axeLightAndDark(page: Page, screen: string): Promise<string[]> {
  const found: string[] = [];
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    for (const v of await seriousViolations(page, WCAG22_AA)) found.push(`${screen} · ${colorScheme}: ${v}`);
  }
  await page.emulateMedia({ colorScheme: 'light' });
  return found;
}

// In French, with the keyboard alone: Camille (a helper) signs in, takes a request, answers, ends the
// chat and spends the points on a reward; she signs out and Morgane (the community manager) signs in
// and reads Manage → Numbers (a helper has no Manage, a manager's Rewards page edits the catalogue).
// The visitor and the setup use a mouse; the French page is never clicked.
describe.skipIf(!hasChromium)('keyboard only, in French', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let visitor: Page;
  const unseen: string[] = [];
  const findings: string[] = [];
  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    // The demo counts a chat from 30 s; this one lasts seconds, so the chat must count from 0 for the points.
    const setup = await personPage(browser, { width: 1440, height: 900 });
    await signIn(setup, server.url, 'admin@demo.tribu');
    await setup.goto(`${server.url}/backoffice/manage/recognition`);
    await setup.getByRole('spinbutton', { name: /Minimum chat length/ }).fill('0');
    await setup.getByRole('button', { name: 'Save rules' }).click();
    await setup.getByText('Saved. New chats score with these rules.').waitFor();
    await setup.context().close();
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'fr-FR' });
    page = await context.newPage();
    page.on('pageerror', (e) => console.error(`[page error] ${e.message}`));
    visitor = await personPage(browser, { width: 1280, height: 800 });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
  printServerOutputOnFailure(() => server);

  /** The sign-in form with Tab, typing and Enter. */
  async function keyboardSignIn(email: string): Promise<void> {
    await page.getByRole('button', { name: 'Se connecter' }).waitFor();
    await tabTo(page, /^E-mail$/, unseen);
    await page.keyboard.type(email);
    await tabTo(page, /^Mot de passe$/, unseen);
    await page.keyboard.type('tribu-demo');
    await page.keyboard.press('Enter');
    await page.getByRole('region', { name: 'Demandes en attente' }).waitFor();
  }

  it('signs in with Tab, typing and Enter', async () => {
    await page.goto(`${server.url}/backoffice/login`);
    await page.getByRole('button', { name: 'Se connecter' }).waitFor();
    findings.push(...(await axeLightAndDark(page, 'connexion')));
    await keyboardSignIn('helper1@demo.tribu');
  });

  it('takes a request, answers it and ends the chat without a mouse', async () => {
    await visitor.goto(`${server.url}/demo`);
    await waitForLiveLauncher(visitor);
    await launcher(visitor).click();
    await visitor.getByRole('textbox', { name: 'Your message' }).fill(QUESTION);
    await visitor.getByRole('button', { name: 'Send' }).click();
    const board = page.getByRole('region', { name: 'Demandes en attente' });
    await board.getByText(QUESTION, { exact: true }).waitFor();
    // The board's one polite live region says a request came.
    await expect.poll(() => board.getByTestId('new-requests-announcer').textContent()).toBe('Nouvelle demande d’un visiteur (1 en attente)');
    findings.push(...(await axeLightAndDark(page, 'bureau, une demande')));

    await tabTo(page, new RegExp(`^Prendre la demande\\s*: ${literal(QUESTION)}$`), unseen);
    await page.keyboard.press('Enter');
    const log = page.getByRole('log', { name: 'Conversation' });
    await log.getByText(QUESTION).waitFor();
    // The chat taken, the reply box has the focus: she types at once.
    await expect.poll(async () => (await focused(page)).name).toBe('Réponse');
    await page.keyboard.type(ANSWER);
    await page.keyboard.press('Enter');
    await visitorLog(visitor).getByText(ANSWER).waitFor();
    // A chat counts for points once the visitor answered back (scoring rules).
    await visitor.getByRole('textbox', { name: 'Your message' }).fill('Great, ordering one!');
    await visitor.getByRole('button', { name: 'Send' }).click();
    await log.getByText('Great, ordering one!').waitFor();
    findings.push(...(await axeLightAndDark(page, 'bureau, conversation ouverte')));
    await screenshot(page, 'keyboard-fr-chat-1440');

    await tabTo(page, /^Terminer$/, unseen);
    await page.keyboard.press('Enter');
    // An answered chat ends once its few seconds of Undo have passed.
    await log.getByText('Tu as terminé la conversation.').waitFor({ timeout: 20_000 });
    findings.push(...(await axeLightAndDark(page, 'bureau, conversation terminée')));
  });

  it('redeems a reward: Escape closes the dialog and gives the focus back, Enter confirms', async () => {
    await tabTo(page, /^Récompenses$/, unseen, { back: true, max: 250 });
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/backoffice\/rewards/);
    await page.getByRole('heading', { name: STICKERS }).waitFor();
    // The chat's points reach the balance a moment after it ends; until then the button is (rightly) disabled.
    const button = page.getByRole('button', { name: `Échanger ${STICKERS}`, exact: true });
    await expect.poll(() => button.isEnabled(), { timeout: 20_000 }).toBe(true);
    const redeem = new RegExp(`^Échanger ${STICKERS}$`);
    await tabTo(page, redeem, unseen);
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: `Échanger ${STICKERS}` });
    await dialog.waitFor();
    findings.push(...(await axeLightAndDark(page, 'récompenses, dialogue')));
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect((await focused(page)).name).toMatch(redeem);
    await page.keyboard.press('Enter');
    await dialog.waitFor();
    await tabTo(page, /^Confirmer l’échange$/, unseen, { max: 10 });
    await page.keyboard.press('Enter');
    await page.getByRole('region', { name: 'Mes échanges' }).getByText('Demandée').waitFor();
    findings.push(...(await axeLightAndDark(page, 'récompenses')));
    await screenshot(page, 'keyboard-fr-rewards-1440');
  });

  it('signs out, and the manager goes to Manage → Numbers; the skip link is the first stop', async () => {
    await tabTo(page, /^Se déconnecter$/, unseen, { back: true, max: 250 });
    await page.keyboard.press('Enter');
    await keyboardSignIn('manager@demo.tribu');
    await tabTo(page, /^Gérer$/, unseen);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/backoffice\/manage\//);
    await tabTo(page, /^Chiffres/, unseen);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/backoffice\/manage\/numbers/);
    await page.getByRole('region', { name: 'Couverture', exact: true }).waitFor({ timeout: 60_000 });
    findings.push(...(await axeLightAndDark(page, 'chiffres')));
    await page.emulateMedia({ colorScheme: 'dark' });
    await screenshot(page, 'keyboard-fr-numbers-dark-1440');
    await page.emulateMedia({ colorScheme: 'light' });
    // Freshly loaded (F5), the first Tab is the skip link, and Enter lands in the page's main content.
    await page.reload();
    await page.getByRole('region', { name: 'Couverture', exact: true }).waitFor({ timeout: 60_000 });
    await tabTo(page, /^Aller au contenu principal$/, unseen, { max: 1 });
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('MAIN');
  });

  it('showed the focus at every stop, and axe found nothing serious on any screen, light or dark', () => {
    expect(unseen, `\n${unseen.join('\n')}\n`).toEqual([]);
    expect(findings, `\n${findings.join('\n')}\n`).toEqual([]);
  });
});
