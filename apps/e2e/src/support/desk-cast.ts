import type { Browser, Page } from 'playwright-core';
import { personPage } from './browser.ts';
import { visitorLog } from './people.ts';

/** Four visitors asking from four different pages (one in French), as a busy afternoon on the demo shop. */
export const FOUR_ASKS = [
  { path: '/demo', question: 'Hi! Is the beanie warm enough for skiing?', locale: 'en-GB' },
  { path: '/demo/product', question: 'Hi! Is the Summit jacket waterproof?', locale: 'en-GB' },
  { path: '/demo/cart', question: 'Bonjour ! La livraison en Suisse est-elle possible ?', locale: 'fr-FR' },
  { path: '/demo/order', question: 'Hi! Can I still change my order?', locale: 'en-GB' },
] as const;

/** A visitor in their own browser context (own storage, language) who asks `question` from `path`. */
export async function visitorAsks(browser: Browser, baseUrl: string, ask: { path: string; question: string; locale: string }): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: ask.locale });
  const page = await context.newPage();
  await page.goto(`${baseUrl}${ask.path}`);
  // The launcher's wording changes with who is online: the widget's own button, whatever it says.
  await page.locator('tribu-widget').getByRole('button').first().click();
  const box = page.getByRole('textbox').last();
  await box.fill(ask.question);
  await box.press('Enter');
  await visitorLog(page).getByText(ask.question).waitFor();
  return page;
}

export { personPage };
