import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, personPage, screenshot } from './support/browser.ts';
import { hasChromium } from './support/requirements.ts';
import { startServer, type RunningServer } from './support/server.ts';

const DESKTOP = { width: 1280, height: 800 };
const BACKOFFICE = { width: 1440, height: 900 };

describe.skipIf(!hasChromium)('a visitor question reaches a helper and back, in real browsers', () => {
  let server: RunningServer;
  let browser: Browser;
  let visitor: Page;
  let helper: Page;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    visitor = await personPage(browser, DESKTOP);
    helper = await personPage(browser, BACKOFFICE);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const visitorLog = () => visitor.getByRole('log', { name: 'Conversation' });
  const helperLog = () => helper.getByRole('log', { name: 'Conversation' });

  it('signs the helper in to an empty board', async () => {
    await helper.goto(`${server.url}/backoffice`);
    await helper.getByLabel('Email').fill('helper1@demo.tribu');
    await helper.getByLabel('Password').fill('tribu-demo');
    await helper.getByRole('button', { name: 'Sign in' }).click();
    await helper.getByRole('region', { name: 'Incoming requests' }).getByText('No visitor is waiting').waitFor();
  });

  it('shows a believable shop whose launcher says a member is online', async () => {
    await visitor.goto(`${server.url}/demo/product`);
    await expect(visitor.getByText('€189').first().isVisible()).resolves.toBe(true);
    const launcher = visitor.getByRole('button', { name: 'Chat with the community' });
    await launcher.getByText('Members online now').waitFor();
    await screenshot(visitor, 'visitor-1-shop');
  });

  it('sends the visitor question, with the disclosure shown before it', async () => {
    await visitor.getByRole('button', { name: 'Chat with the community' }).click();
    await visitor.getByText('They answer voluntarily').waitFor();
    await visitor.getByRole('textbox', { name: 'Your message' }).fill('Does the Summit jacket run small?');
    await visitor.getByRole('button', { name: 'Send' }).click();
    await visitorLog().getByText('Does the Summit jacket run small?').waitFor();
    await visitor.getByText('Waiting for a community member').waitFor();
    await visitor.getByText('You are next in line.').waitFor();
    await screenshot(visitor, 'visitor-2-waiting');
  });

  it('shows the request live on the board, with the page and product it was asked from', async () => {
    const board = helper.getByRole('region', { name: 'Incoming requests' });
    await board.getByText('Does the Summit jacket run small?').waitFor();
    await board.getByText('/demo/product').first().waitFor();
    await board.getByText('189.00 EUR').waitFor();
    await screenshot(helper, 'helper-1-board');
  });

  it('lets the helper take the request and answer; the visitor sees the answer live', async () => {
    await helper.getByRole('button', { name: /Take request/ }).first().click();
    await helperLog().getByText('Does the Summit jacket run small?').waitFor();
    await helper.getByRole('textbox', { name: 'Reply' }).fill('It runs true to size — I wear an M at 1m80.');
    await helper.getByRole('button', { name: 'Send' }).click();
    await visitorLog().getByText('I wear an M at 1m80').waitFor();
    await visitor.getByText('Camille is answering').waitFor();
  });

  it('carries the visitor reply back to the helper live, with a typing indicator first', async () => {
    await visitor.getByRole('textbox', { name: 'Your message' }).pressSequentially('Perfect, thank you!');
    await helper.getByText('Visitor is typing…').waitFor();
    await visitor.getByRole('button', { name: 'Send' }).click();
    await helperLog().getByText('Perfect, thank you!').waitFor();
    await screenshot(visitor, 'visitor-3-chatting');
    await screenshot(helper, 'helper-2-chatting');
  });

  it('keeps the conversation when the visitor navigates, and shows the helper the new page', async () => {
    await visitor.getByRole('link', { name: 'Cart (1)' }).click();
    await visitor.waitForURL(/\/demo\/cart$/);
    await visitorLog().getByText('Does the Summit jacket run small?').waitFor();
    await visitorLog().getByText('I wear an M at 1m80').waitFor();
    await helper.getByRole('region', { name: 'Chat' }).getByText('/demo/cart').waitFor();
    await visitor.getByRole('textbox', { name: 'Your message' }).fill('And is it warm enough for winter?');
    await visitor.getByRole('button', { name: 'Send' }).click();
    await helperLog().getByText('warm enough for winter').waitFor();
  });

  it('keeps the history after a reload', async () => {
    await visitor.reload();
    await visitorLog().getByText('warm enough for winter').waitFor();
    await expect(visitorLog().getByText('Does the Summit jacket run small?').count()).resolves.toBe(1);
  });

  it('lets the helper end the chat; the visitor sees that it ended and rates it', async () => {
    await helper.getByRole('button', { name: 'End chat' }).click();
    await visitor.getByText(/This chat has ended/).waitFor();
    await screenshot(visitor, 'visitor-4-ended');
    await visitor.getByRole('button', { name: /^5 stars/ }).click();
    await visitor.getByRole('textbox', { name: 'Comment (optional)' }).fill('Quick and precise, thanks Camille');
    await visitor.getByRole('button', { name: 'Send rating' }).click();
    await visitor.getByText('Thanks for your feedback!').waitFor();
    await helper.getByText(/Rated ★★★★★/).waitFor();
    await visitor.getByRole('button', { name: 'Start a new chat' }).waitFor();
    await screenshot(visitor, 'visitor-5-rated');
    await screenshot(helper, 'helper-3-ended');
  });
});
