import { describe, expect, it } from 'vitest';
import { screenshot } from './support/browser.ts';
import { hasChromium } from './support/requirements.ts';
import { useScenario } from './support/scenario.ts';

describe.skipIf(!hasChromium)('a network drop during a chat', () => {
  const s = useScenario();

  it('shows "reconnecting", then sends the messages typed meanwhile once, in order', async () => {
    await s.helper.goto(`${s.server.url}/backoffice`);
    await s.helper.getByLabel('Email').fill('helper4@demo.tribu');
    await s.helper.getByLabel('Password').fill('tribu-demo');
    await s.helper.getByRole('button', { name: 'Sign in' }).click();
    await s.visitor.goto(`${s.server.url}/demo`);
    await s.visitor.getByRole('button', { name: 'Chat with the community' }).click();
    const box = s.visitor.getByRole('textbox', { name: 'Your message' });
    await box.fill('Before the drop');
    await box.press('Enter');
    await s.helper.getByRole('button', { name: /Take request: Before the drop/ }).click();

    await s.server.restart({
      onDown: async () => {
        await s.visitor.getByText('Reconnecting…').waitFor();
        await box.fill('Typed while offline 1');
        await box.press('Enter');
        await box.fill('Typed while offline 2');
        await box.press('Enter');
        await s.visitor.getByText('Sending…').first().waitFor();
        await screenshot(s.visitor, 'visitor-reconnecting');
      },
    });

    const helperLog = s.helper.getByRole('log', { name: 'Conversation' });
    await helperLog.getByText('Typed while offline 2').waitFor({ timeout: 30_000 });
    const texts = await helperLog.locator('.bubble').allTextContents();
    expect(texts.filter((t) => t.startsWith('Typed while offline'))).toEqual(['Typed while offline 1', 'Typed while offline 2']);
    await s.visitor.getByText('Reconnecting…').waitFor({ state: 'detached' });
    expect(await s.visitor.getByText('Sending…').count()).toBe(0);
  });

  it('keeps a message typed offline across a reload of the tab, then sends it once', async () => {
    // The visitor's network to the chat server is cut (pages still load): every socket attempt fails.
    let cut = true;
    await s.visitor.routeWebSocket(/\/socket\.io\//, (ws) => (cut ? ws.close() : ws.connectToServer()));
    await s.visitor.route(/\/socket\.io\//, (r) => (cut ? r.abort() : r.continue()));
    await s.visitor.reload();
    const box = s.visitor.getByRole('textbox', { name: 'Your message' });
    await box.fill('Sent offline, then the tab reloaded');
    await box.press('Enter');
    await s.visitor.getByText('Sending…').waitFor();

    await s.visitor.reload();
    // Still not acknowledged after the reload: shown, still being sent, not silently dropped.
    const visitorLog = s.visitor.getByRole('log');
    await visitorLog.getByText('Sent offline, then the tab reloaded').waitFor();
    await s.visitor.getByText('Sending…').waitFor();
    await screenshot(s.visitor, 'visitor-outbox-after-reload');

    cut = false;
    const helperLog = s.helper.getByRole('log', { name: 'Conversation' });
    await helperLog.getByText('Sent offline, then the tab reloaded').waitFor({ timeout: 30_000 });
    await s.visitor.getByText('Sending…').waitFor({ state: 'detached', timeout: 30_000 });
    // Once on both sides, even after another reload (the outbox is empty once acknowledged).
    expect(await helperLog.getByText('Sent offline, then the tab reloaded').count()).toBe(1);
    await s.visitor.reload();
    await visitorLog.getByText('Sent offline, then the tab reloaded').waitFor();
    expect(await visitorLog.getByText('Sent offline, then the tab reloaded').count()).toBe(1);
    expect(await s.visitor.getByText('Sending…').count()).toBe(0);
  });
});
