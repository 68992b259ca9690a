import { expect } from 'vitest';
import type { Locator, Page } from 'playwright-core';

/** Demo password of every seeded account (demo mode only). */
export const DEMO_PASSWORD = 'tribu-demo';

/** Signs a backoffice user in through the form, as a person does, and waits for the request board. */
export async function signIn(page: Page, baseUrl: string, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto(`${baseUrl}/backoffice`);
  await page.getByRole('textbox', { name: 'Email' }).fill(email);
  await page.getByLabel('Password').fill(password); // a password input has no textbox role
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('region', { name: 'Incoming requests' }).waitFor();
}

/** The widget's launcher on a merchant page. */
export const launcher = (page: Page): Locator => page.getByRole('button', { name: 'Chat with the community' });

/**
 * Waits until the launcher offers a live chat. A helper's desk may count as online a moment after the page asked who
 * can answer (the launcher then offers "Leave a question"); the widget asks again when the page comes back into view.
 * Counted, not seen: on a phone the round launcher keeps its words as accessible text only.
 */
export async function waitForLiveLauncher(page: Page): Promise<void> {
  await expect
    .poll(
      async () => {
        await page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
        return launcher(page)
          .getByText(/Members online now|Usually answers in/)
          .count();
      },
      { timeout: 30_000, interval: 1_000 },
    )
    .toBe(1);
}

/** The visitor's conversation log inside the widget. */
export const visitorLog = (page: Page): Locator => page.getByRole('log', { name: 'Conversation' });

/**
 * Makes sure the chat panel is open: the widget may restore it open on its own after a navigation,
 * or wait for a click. Clicks only while the launcher says the panel is closed.
 */
export async function ensureChatOpen(page: Page): Promise<void> {
  await launcher(page).waitFor();
  await expect
    .poll(
      async () => {
        if (await visitorLog(page).isVisible()) return true;
        if ((await launcher(page).getAttribute('aria-expanded')) === 'false') await launcher(page).click();
        return visitorLog(page).isVisible();
      },
      { timeout: 15_000, interval: 250 },
    )
    .toBe(true);
}

/** Unfolds the desk's *Online now* from its narrow rail into the full list (names, status, languages). */
export async function showWhoIsOnline(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Show who is online as a list' }).click();
  await page.getByRole('button', { name: 'Fold the list of who is online' }).waitFor();
}
