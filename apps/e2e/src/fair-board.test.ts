import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, personPage, screenshot } from './support/browser.ts';
import { signIn } from './support/people.ts';
import { freshDatabase, psql } from './support/postgres.ts';
import { hasChromium } from './support/requirements.ts';
import { printServerOutputOnFailure, startServer, type RunningServer } from './support/server.ts';

// The site's cap and release delay are data (no admin screen yet): 2 chats at once, and a taken
// request with no first answer goes back to the board after 6 s.
const CAP = 2;
const RELEASE_AFTER_SEC = 6;

describe.skipIf(!hasChromium)('a fair request board: one winner, a cap, unanswered claims come back', () => {
  let db: ReturnType<typeof freshDatabase>;
  let server: RunningServer | undefined;
  let browser: Browser;
  let camille: Page;
  let jonas: Page;
  const people: Record<string, Page> = {};

  beforeAll(async () => {
    db = freshDatabase();
    server = await startServer({ DATABASE_URL: db.url });
    psql(db.url, `update sites set settings = settings || '{"chatCap": ${CAP}, "releaseAfterSec": ${RELEASE_AFTER_SEC}}' where key = 'demo'`);
    browser = await launchBrowser();
    camille = await personPage(browser, { width: 1440, height: 900 });
    jonas = await personPage(browser, { width: 1440, height: 900 });
    await signIn(camille, server.url, 'helper1@demo.tribu');
    await signIn(jonas, server.url, 'helper2@demo.tribu');
    people.Camille = camille;
    people.Jonas = jonas;
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    db?.drop();
  });
  printServerOutputOnFailure(() => server);

  const board = (p: Page) => p.getByRole('region', { name: 'Incoming requests' });
  const takeButton = (p: Page, question: string) => board(p).getByRole('button', { name: `Take request: ${question}` });
  const hasChat = (p: Page, question: string) => p.getByRole('log', { name: 'Conversation' }).getByText(question).isVisible();

  /** A new shopper (own storage) asks a question from the demo shop. */
  async function visitorAsks(question: string): Promise<Page> {
    const visitor = await personPage(browser, { width: 1280, height: 800 });
    await visitor.goto(`${server!.url}/demo`);
    await visitor.getByRole('button', { name: 'Chat with the community' }).click();
    await visitor.getByRole('textbox', { name: 'Your message' }).fill(question);
    await visitor.getByRole('button', { name: 'Send' }).click();
    await visitor.getByText('Waiting for a community member').waitFor();
    return visitor;
  }

  /** Answers in the chat of `question`, once its pane shows (a chat just taken replaces the last one). */
  async function answer(p: Page, question: string, text: string): Promise<void> {
    await p.getByRole('log', { name: 'Conversation' }).getByText(question).waitFor();
    await p.getByRole('textbox', { name: 'Reply' }).fill(text);
    await p.getByRole('button', { name: 'Send' }).click();
    await p.getByRole('log', { name: 'Conversation' }).getByText(text).waitFor();
  }

  let winner: Page;
  let loser: Page;

  it('gives a request clicked by two helpers at the same moment to exactly one of them', async () => {
    const question = 'Are the Ridge socks warm enough for ski touring?';
    await visitorAsks(question);
    await takeButton(camille, question).waitFor();
    await takeButton(jonas, question).waitFor();
    await Promise.all([takeButton(camille, question).click(), takeButton(jonas, question).click()]);
    await expect.poll(async () => (await hasChat(camille, question)) !== (await hasChat(jonas, question)), { timeout: 10_000 }).toBe(true);
    [winner, loser] = (await hasChat(camille, question)) ? [camille, jonas] : [jonas, camille];
    await answer(winner, question, 'Yes, I wear them every winter.');
    // The other helper never holds it: the card is gone from their board.
    await expect.poll(() => board(loser).getByText(question).count()).toBe(0);
    expect(await hasChat(loser, question)).toBe(false);
  });

  it('keeps showing requests at the cap but disables Take with the reason', async () => {
    const second = 'Do you ship the Summit jacket to Spain?';
    await visitorAsks(second);
    await takeButton(winner, second).click();
    await answer(winner, second, 'We do, in 3 to 5 days.');
    const third = 'Can I wash merino at 40 degrees?';
    await visitorAsks(third);
    await board(winner).getByText(third).waitFor();
    await expect.poll(() => takeButton(winner, third).isDisabled()).toBe(true);
    await board(winner).getByText(`You have ${CAP} chats open`).waitFor();
    await screenshot(winner, 'board-at-cap-1440');
    await expect.poll(() => takeButton(loser, third).isEnabled()).toBe(true);
  });

  it('puts a taken request nobody answers back on the board, for everyone, after the site delay', async () => {
    const third = 'Can I wash merino at 40 degrees?';
    await takeButton(loser, third).click();
    await loser.getByRole('log', { name: 'Conversation' }).getByText(third).waitFor();
    await expect.poll(() => board(winner).getByText(third).count()).toBe(0);
    // No first answer: within the delay plus one sweep (every 5 s) it returns to the board.
    await loser.getByText(/went back to the board: no first answer in time/).waitFor({ timeout: (RELEASE_AFTER_SEC + 10) * 1000 });
    await board(loser).getByText(third).waitFor();
    await board(winner).getByText(third).waitFor();
    await expect.poll(() => takeButton(loser, third).isEnabled()).toBe(true);
  });
});
