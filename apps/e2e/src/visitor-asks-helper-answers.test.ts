import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, personPage, screenshot } from './support/browser.ts';
import { ensureChatOpen, launcher, signIn, visitorLog } from './support/people.ts';
import { hasChromium } from './support/requirements.ts';
import { printServerOutputOnFailure, startServer, type RunningServer } from './support/server.ts';

const VISITOR_VIEWPORT = { width: 1280, height: 800 };
const HELPER_VIEWPORT = { width: 1440, height: 900 };

const QUESTION = 'Does the Summit jacket run small?';
const ANSWER = 'It runs true to size — I wear an M at 1m80.';
const VISITOR_REPLY = 'Perfect, thank you!';
const FROM_PRODUCT_PAGE = 'And is it warm enough for winter?';
const HOME_TITLE = 'Alpine Threads — merino outdoor clothing';
const PRODUCT_TITLE = 'Summit Jacket — Alpine Threads';

// The steps share two people (a visitor and a helper, each with their own cookies and storage) and
// run in order: each step starts where the previous one left the story.
describe.skipIf(!hasChromium)('a visitor question reaches a helper and back, in real browsers', () => {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  let visitor: Page;
  let helper: Page;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    visitor = await personPage(browser, VISITOR_VIEWPORT);
    helper = await personPage(browser, HELPER_VIEWPORT);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
  printServerOutputOnFailure(() => server);

  const url = () => server!.url;
  const helperLog = () => helper.getByRole('log', { name: 'Conversation' });
  const board = () => helper.getByRole('region', { name: 'Incoming requests' });
  const chatPane = () => helper.getByRole('region', { name: 'Chat' });

  // The launcher offers a live chat only while a helper is online (DESIGN: "the chat window is shown
  // only when enough helpers are online"), so the helper signs in before the visitor arrives.
  it('signs the helper in to a board with no waiting visitor', async () => {
    await signIn(helper, url(), 'helper1@demo.tribu');
    await board().getByText('No visitor is waiting').waitFor();
  });

  it('shows the visitor a believable shop whose launcher says a member is online', async () => {
    await visitor.goto(`${url()}/demo`);
    await visitor
      .getByText(/€\s?\d+/)
      .first()
      .waitFor({ state: 'visible' });
    await launcher(visitor)
      .getByText(/Members online now|Usually answers in ~\d+ min/)
      .waitFor();
    await screenshot(visitor, 'visitor-1-shop');
  });

  it('sends the visitor question after telling them a volunteer will answer', async () => {
    await launcher(visitor).click();
    await visitor.getByText('They answer voluntarily').waitFor();
    await visitor.getByRole('textbox', { name: 'Your message' }).fill(QUESTION);
    await visitor.getByRole('button', { name: 'Send' }).click();
    await visitorLog(visitor).getByText(QUESTION).waitFor();
    await visitor.getByText('Waiting for a community member').waitFor();
    await screenshot(visitor, 'visitor-2-waiting');
  });

  it('shows the question live on the helper board with the page it was asked from', async () => {
    await board().getByText(QUESTION).waitFor();
    await board().getByText(HOME_TITLE).waitFor();
    await screenshot(helper, 'helper-1-board');
  });

  it('lets the helper take the request and answer; the visitor sees the answer live', async () => {
    await board()
      .getByRole('button', { name: /Take request/ })
      .first()
      .click();
    await helperLog().getByText(QUESTION).waitFor();
    await expect.poll(() => board().getByText(QUESTION).count()).toBe(0);
    await helper.getByRole('textbox', { name: 'Reply' }).fill(ANSWER);
    await helper.getByRole('button', { name: 'Send' }).click();
    await visitorLog(visitor).getByText(ANSWER).waitFor();
    // Who answers shows on the helper card; "Camille is answering…" only while she types (widget-chat-states.test.ts).
    await visitor.locator('.helper-card').getByText('Camille').waitFor();
    await screenshot(helper, 'helper-2-answered');
  });

  it('carries the visitor reply back to the helper live, with a typing indicator first', async () => {
    await visitor.getByRole('textbox', { name: 'Your message' }).pressSequentially(VISITOR_REPLY);
    await helper.getByText('Visitor is typing…').waitFor();
    await visitor.getByRole('button', { name: 'Send' }).click();
    await helperLog().getByText(VISITOR_REPLY).waitFor();
    // The helper has the chat open: the visitor's message shows as seen.
    await visitorLog(visitor)
      .getByText(/· Seen/)
      .waitFor();
    await screenshot(visitor, 'visitor-3-chatting');
    await screenshot(helper, 'helper-3-chatting');
  });

  it('keeps the conversation when the visitor goes to the product page, and shows the helper that page', async () => {
    await visitor.getByRole('link', { name: 'Summit Jacket', exact: true }).click();
    await visitor.waitForURL(/\/demo\/product$/);
    await ensureChatOpen(visitor);
    await visitorLog(visitor).getByText(QUESTION).waitFor();
    await visitorLog(visitor).getByText(ANSWER).waitFor();
    await visitorLog(visitor).getByText(VISITOR_REPLY).waitFor();
    await chatPane().getByText(PRODUCT_TITLE).waitFor();
    await chatPane().getByText('189.00 EUR').waitFor(); // the product, read from the page's JSON-LD
    await visitor.getByRole('textbox', { name: 'Your message' }).fill(FROM_PRODUCT_PAGE);
    await visitor.getByRole('button', { name: 'Send' }).click();
    await helperLog().getByText(FROM_PRODUCT_PAGE).waitFor();
    await screenshot(visitor, 'visitor-4-product-page');
    await screenshot(helper, 'helper-4-visitor-on-product');
  });

  it('keeps the whole history, once each, after the visitor reloads the page', async () => {
    await visitor.reload();
    await ensureChatOpen(visitor);
    await visitorLog(visitor).getByText(FROM_PRODUCT_PAGE).waitFor();
    for (const text of [QUESTION, ANSWER, VISITOR_REPLY, FROM_PRODUCT_PAGE]) {
      await expect.poll(() => visitorLog(visitor).getByText(text).count(), { message: text }).toBe(1);
    }
    await screenshot(visitor, 'visitor-5-reloaded');
  });

  it('lets the helper end the chat; the visitor sees that it ended and can rate it', async () => {
    await helper.getByRole('button', { name: 'End chat' }).click();
    await visitor.getByText(/ended/i).first().waitFor();
    await screenshot(visitor, 'visitor-6-ended');
    await visitor.getByRole('button', { name: /^5 stars/ }).click();
    await visitor.getByRole('textbox', { name: 'Comment (optional)' }).fill('Quick and precise, thanks Camille');
    await visitor.getByRole('button', { name: 'Send rating' }).click();
    await visitor.getByText('Thanks for your feedback!').waitFor();
    await helper.getByText(/Rated ★★★★★/).waitFor();
    await visitor.getByRole('button', { name: 'Start a new chat' }).waitFor();
    await screenshot(visitor, 'visitor-7-rated');
    await screenshot(helper, 'helper-5-ended');
  });

  it('keeps the ended chat readable under "Previous chats" once a new one starts', async () => {
    await visitor.getByRole('button', { name: 'Start a new chat' }).click();
    await visitor.getByRole('button', { name: 'Previous chats' }).click();
    await visitor.getByRole('button', { name: new RegExp(QUESTION.slice(0, 20)) }).click();
    await visitorLog(visitor).getByText(VISITOR_REPLY).waitFor();
    await screenshot(visitor, 'visitor-8-previous');
  });
});
