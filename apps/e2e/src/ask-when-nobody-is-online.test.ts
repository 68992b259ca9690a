import { describe, expect, it } from 'vitest';
import { personPage, screenshot } from './support/browser.ts';
import { launcher, signIn } from './support/people.ts';
import { hasChromium } from './support/requirements.ts';
import { useScenario } from './support/scenario.ts';

describe.skipIf(!hasChromium)('asking when no helper is online', () => {
  const s = useScenario({ visitor: { width: 390, height: 844 } });

  it('says honestly that nobody is online and keeps the question for later', async () => {
    await s.visitor.goto(`${s.server.url}/demo`);
    const launcher = s.visitor.getByRole('button', { name: 'Chat with the community' });
    // On a phone the launcher is a round button: its words are its accessible text, not shown.
    await launcher.getByText('Leave a question').waitFor({ state: 'attached' });
    await launcher.click();
    await s.visitor.getByText('Nobody from the community is online right now').waitFor();
    await s.visitor.getByRole('textbox', { name: /Your email/ }).fill('hiker@example.com');
    await s.visitor.getByRole('textbox', { name: 'Your message' }).fill('Do you ship to Norway?');
    await screenshot(s.visitor, 'visitor-offline-phone');
    await s.visitor.getByRole('button', { name: 'Send' }).click();
    await s.visitor.getByText('Your question is saved').waitFor();
  });

  it('lets a helper who signs in later answer, and the returning visitor finds the answer', async () => {
    await signIn(s.helper, s.server.url, 'helper2@demo.tribu');
    await s.helper.getByRole('button', { name: /Take request: Do you ship to Norway/ }).click();
    await s.helper.getByRole('textbox', { name: 'Reply' }).fill('Yes! Norway ships in 4–6 days, duties included.');
    await s.helper.getByRole('button', { name: 'Send' }).click();
    await s.visitor.reload();
    await s.visitor.getByRole('log', { name: 'Conversation' }).getByText('Norway ships in 4–6 days').waitFor();
    await screenshot(s.visitor, 'visitor-offline-answered-phone');
  });

  it('turns the launcher live for another visitor once a helper is online, without a reload', async () => {
    const other = await personPage(s.browser, { width: 1280, height: 800 });
    await signOutHelper();
    await other.goto(`${s.server.url}/demo`);
    await launcher(other).getByText('Leave a question').waitFor();
    await signIn(s.helper, s.server.url, 'helper2@demo.tribu');
    // The widget refreshes who can answer when the page comes back into view (and every 30 s).
    await expect
      .poll(
        async () => {
          await other.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
          return launcher(other)
            .getByText(/Members online now|Usually answers in/)
            .isVisible();
        },
        { timeout: 30_000, interval: 2_000 },
      )
      .toBe(true);
  });

  async function signOutHelper() {
    await s.helper.getByRole('button', { name: 'Sign out' }).click();
    await s.helper.getByRole('button', { name: 'Sign in' }).waitFor();
  }
});
