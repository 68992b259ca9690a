import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { personPage, screenshot } from './support/browser.ts';
import { ensureChatOpen, launcher, signIn, visitorLog, waitForLiveLauncher } from './support/people.ts';
import { hasChromium } from './support/requirements.ts';
import { useScenario } from './support/scenario.ts';

const QUESTION = 'Is the Summit jacket warm enough for a Norwegian winter?';
const CAMILLE_SAYS = 'Good question! Jonas lives in Oslo, let me ask him.';
const JONAS_SAYS = 'I wear it in Oslo all winter with a merino layer underneath.';

// Camille takes a request, hands it to Jonas, who accepts, reads the history and answers.
describe.skipIf(!hasChromium)('handing a chat to a named peer', () => {
  const s = useScenario();
  let jonas: Page;
  const log = (p: Page) => p.getByRole('log', { name: 'Conversation' });

  it('moves the chat to the peer who accepts, with its history, and the visitor sees the new answer', async () => {
    await signIn(s.helper, s.server.url, 'helper1@demo.tribu');
    jonas = await personPage(s.browser, { width: 1440, height: 900 });
    await signIn(jonas, s.server.url, 'helper2@demo.tribu');

    await s.visitor.goto(`${s.server.url}/demo`);
    await waitForLiveLauncher(s.visitor);
    await launcher(s.visitor).click();
    await s.visitor.getByRole('textbox', { name: 'Your message' }).fill(QUESTION);
    await s.visitor.getByRole('button', { name: 'Send' }).click();

    await s.helper.getByRole('button', { name: /Take request: Is the Summit jacket/ }).click();
    await s.helper.getByRole('textbox', { name: 'Reply' }).fill(CAMILLE_SAYS);
    await s.helper.getByRole('button', { name: 'Send' }).click();
    await visitorLog(s.visitor).getByText(CAMILLE_SAYS).waitFor();
    expect(s.helper.url()).toMatch(/\/backoffice\/chats\/[0-9a-f-]{36}$/);

    // A private note for whoever takes it next, in the chat's details (folded until asked for).
    await s.helper.getByRole('button', { name: 'Details' }).click();
    await s.helper.getByRole('textbox', { name: 'Add a private note' }).fill('Visitor travels to Tromsø in January');
    await s.helper.getByRole('button', { name: 'Add note' }).click();

    await s.helper.getByRole('button', { name: 'Hand to a peer' }).click();
    await s.helper.getByRole('dialog', { name: 'Hand to a peer' }).getByRole('button', { name: 'Offer to Jonas' }).click();
    await s.helper.getByText(/Offered to Jonas/).waitFor();

    const offers = jonas.getByRole('region', { name: 'Hand-off offers' });
    await offers.getByText(/Camille would like you to take over/).waitFor();
    await jonas.reload(); // an offer outlives a reload
    await offers.getByText(/Camille would like you to take over/).waitFor();
    await jonas.waitForTimeout(400); // let the banner finish sliding in
    await screenshot(jonas, 'handoff-offer');
    await offers.getByRole('button', { name: 'Accept' }).click();

    await log(jonas).getByText(QUESTION).waitFor();
    await log(jonas).getByText(CAMILLE_SAYS).waitFor();
    // The details start folded (the conversation gets the room); Jonas opens them, and his desk remembers it.
    expect(await jonas.getByRole('complementary', { name: 'Chat details' }).count()).toBe(0);
    await jonas.getByRole('button', { name: 'Details' }).click();
    await jonas.getByRole('complementary', { name: 'Chat details' }).getByText('Visitor travels to Tromsø in January').waitFor();
    expect(jonas.url()).toMatch(/\/backoffice\/chats\/[0-9a-f-]{36}$/);
    await visitorLog(s.visitor)
      .getByText(/Jonas is taking over/)
      .waitFor();

    await jonas.getByRole('textbox', { name: 'Reply' }).fill(JONAS_SAYS);
    await jonas.getByRole('button', { name: 'Send' }).click();
    await ensureChatOpen(s.visitor);
    await visitorLog(s.visitor).getByText(JONAS_SAYS).waitFor();

    // Camille's desk lets go of it.
    await s.helper.getByText(/Jonas took over/).waitFor();
    await expect.poll(() => s.helper.getByRole('log', { name: 'Conversation' }).count()).toBe(0);

    await jonas.getByRole('complementary', { name: 'Chat details' }).getByText('Page trail').waitFor();
    await screenshot(jonas, 'chat-1440');
  });

  it('shows the chat and its details at 1024 px, the details folded until asked for', async () => {
    await jonas.setViewportSize({ width: 1024, height: 768 });
    await jonas.reload(); // the chat's address brings it back, details folded on a narrow screen
    await jonas.getByRole('log', { name: 'Conversation' }).getByText(JONAS_SAYS).waitFor();
    expect(await jonas.getByRole('complementary', { name: 'Chat details' }).count()).toBe(0);
    await jonas.getByRole('button', { name: 'Details' }).click();
    await jonas.getByRole('complementary', { name: 'Chat details' }).getByText('Private notes').waitFor();
    await screenshot(jonas, 'chat-1024');
  });

  it('inserts a personal canned answer by typing its /shortcut', async () => {
    await jonas.setViewportSize({ width: 1440, height: 900 });
    await jonas.getByRole('button', { name: 'Canned answers' }).click();
    const manager = jonas.getByRole('dialog', { name: 'Canned answers' });
    await manager.getByRole('textbox', { name: 'Shortcut' }).fill('layers');
    await manager.getByRole('textbox', { name: 'Answer' }).fill('Layer merino under it and you are set down to -15°C.');
    await manager.getByRole('button', { name: 'Add answer' }).click();
    await manager.getByText('/layers').waitFor();
    await manager.getByRole('button', { name: 'Close' }).click();

    const reply = jonas.getByRole('textbox', { name: 'Reply' });
    await reply.fill('/lay');
    await jonas
      .getByRole('listbox', { name: 'Canned answers' })
      .getByRole('option', { name: /layers/ })
      .waitFor();
    await screenshot(jonas, 'chat-canned');
    await reply.press('Enter');
    expect(await reply.inputValue()).toBe('Layer merino under it and you are set down to -15°C.');
    await reply.press('Enter');
    await visitorLog(s.visitor)
      .getByText(/down to -15°C/)
      .waitFor();
  });

  it('sends a chat to staff: it leaves the helper, the visitor is told, a manager takes it from the staff queue', async () => {
    await jonas.getByRole('button', { name: 'Needs staff' }).click();
    const dialog = jonas.getByRole('dialog', { name: 'Needs staff' });
    await dialog.getByRole('button', { name: 'Refund or return' }).click();
    await dialog.getByRole('button', { name: 'Send to staff' }).click();
    await jonas.getByText(/Sent to the brand's staff/).waitFor();
    await expect.poll(() => jonas.getByRole('log', { name: 'Conversation' }).count()).toBe(0);
    await visitorLog(s.visitor)
      .getByText(/staff member will follow up/)
      .waitFor();

    const morgane = await personPage(s.browser, { width: 1440, height: 900 });
    await signIn(morgane, s.server.url, 'manager@demo.tribu');
    const queue = morgane.getByRole('region', { name: 'Needs staff' });
    await queue.getByText(QUESTION).waitFor();
    await queue.getByText('Refund or return').waitFor();
    await screenshot(morgane, 'staff-queue');
    await queue.getByRole('button', { name: /Take over: Is the Summit/ }).click();
    await morgane.getByRole('log', { name: 'Conversation' }).getByText(JONAS_SAYS).waitFor();
    await queue.getByText('Nothing waiting for the team.').waitFor();
  });

  it('shows two chats side by side on a wide screen', async () => {
    for (const q of ['Do the Ridge boots need a break-in period?', 'Is there a student discount on merino socks?']) {
      const shopper = await personPage(s.browser, { width: 1280, height: 800 });
      await shopper.goto(`${s.server.url}/demo`);
      await launcher(shopper).click();
      await shopper.getByRole('textbox', { name: 'Your message' }).fill(q);
      await shopper.getByRole('button', { name: 'Send' }).click();
      await jonas.getByRole('button', { name: `Take request: ${q}` }).click();
      await jonas.getByRole('log', { name: 'Conversation' }).first().getByText(q).waitFor();
    }
    await jonas.getByRole('button', { name: 'Side by side' }).click();
    await expect.poll(() => jonas.getByRole('log', { name: 'Conversation' }).count()).toBe(2);
    await screenshot(jonas, 'chat-side-by-side');

    // Tabs are addresses: the Community tab and back again with the browser's Back button.
    const chatAddress = jonas.url();
    await jonas.getByRole('tab', { name: 'Community' }).click();
    await expect.poll(() => new URL(jonas.url()).pathname).toBe('/backoffice');
    expect(await jonas.getByRole('log', { name: 'Conversation' }).count()).toBe(0);
    await jonas.goBack();
    await expect.poll(() => jonas.url()).toBe(chatAddress);
    await expect.poll(() => jonas.getByRole('log', { name: 'Conversation' }).count()).toBe(2);
  });
});
