import { afterAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { personPage, screenshot } from './support/browser.ts';
import { seriousViolations } from './support/axe.ts';
import { signIn } from './support/people.ts';
import { hasChromium } from './support/requirements.ts';
import { useScenario } from './support/scenario.ts';

const TITLE = 'First answer of the month';
const QUESTION = 'Does the rain shell have pit zips?';

// One story: Morgane creates a mission, Camille joins it on her desk, answers a chat, and sees the
// bar fill and the reward (points and a badge) arrive live.
describe.skipIf(!hasChromium)('missions: a manager sets one, a helper joins and completes it', () => {
  const s = useScenario();
  let manager: Page;
  afterAll(async () => {
    await manager?.close();
  });
  const toasts = () => s.helper.getByRole('status', { name: 'Recognition' });
  const bar = () => s.helper.getByRole('progressbar', { name: `Progress on “${TITLE}”` });

  it('lets the manager create a mission from the Missions page', async () => {
    manager = await personPage(s.browser, { width: 1440, height: 900 });
    await signIn(manager, s.server.url, 'manager@demo.tribu');
    // The demo counts a chat from 30 s; this story's chat lasts seconds.
    await manager.goto(`${s.server.url}/backoffice/recognition/settings`);
    await manager.getByRole('spinbutton', { name: /Minimum chat length/ }).fill('0');
    await manager.getByRole('button', { name: 'Save rules' }).click();
    await manager.getByText('Saved. New chats score with these rules.').waitFor();

    await manager.goto(`${s.server.url}/backoffice/manage/missions`);
    await manager.getByRole('navigation', { name: 'Manage' }).getByRole('link', { name: 'Missions' }).waitFor();
    await manager.getByRole('button', { name: 'New mission' }).click();
    await manager.getByRole('textbox', { name: 'Title' }).fill(TITLE);
    await manager.getByRole('textbox', { name: 'Why it matters' }).fill('Weekday evenings are when visitors wait longest.');
    await manager.getByRole('combobox', { name: 'Goal' }).selectOption('chats');
    await manager.getByRole('spinbutton', { name: 'How many' }).fill('1');
    await manager.getByRole('spinbutton', { name: 'Points' }).fill('15');
    await manager.getByRole('combobox', { name: 'Badge' }).selectOption({ label: 'Mentor' });
    await screenshot(manager, 'missions-editor-1440');
    await manager.setViewportSize({ width: 390, height: 844 });
    await screenshot(manager, 'missions-editor-390');
    await manager.setViewportSize({ width: 1440, height: 900 });
    await manager.getByRole('button', { name: 'Create mission' }).click();
    await manager.getByRole('heading', { name: TITLE }).waitFor();
    await manager.getByText('Nobody has joined yet.').waitFor();
    expect(await seriousViolations(manager)).toEqual([]);
  });

  it('shows the mission on the helper desk; joining is one click and the bar starts empty', async () => {
    await signIn(s.helper, s.server.url, 'helper1@demo.tribu');
    const panel = s.helper.getByRole('region', { name: 'Missions' });
    await panel.getByRole('heading', { name: TITLE }).waitFor();
    await panel.getByText('Answer 1 chat').waitFor();
    await panel.getByRole('button', { name: `Not for me: “${TITLE}”` }).waitFor();
    await panel.getByRole('button', { name: `Join “${TITLE}”` }).click();
    await bar().waitFor();
    expect(await bar().getAttribute('aria-valuenow')).toBe('0');
    expect(await bar().getAttribute('aria-valuetext')).toBe('0 of 1');
    expect(await seriousViolations(s.helper)).toEqual([]);
    await screenshot(s.helper, 'missions-desk-1440');
  });

  it('fills the bar and gives the points and the badge live when the helper answers a chat', async () => {
    await s.visitor.goto(`${s.server.url}/demo`);
    await s.visitor.getByRole('button', { name: 'Chat with the community' }).click();
    await s.visitor.getByRole('textbox', { name: 'Your message' }).fill(QUESTION);
    await s.visitor.getByRole('button', { name: 'Send' }).click();
    await s.helper.getByRole('button', { name: `Take request: ${QUESTION}` }).click();
    await s.helper.getByRole('textbox', { name: 'Reply' }).fill('Yes — two long ones, with two-way zips.');
    await s.helper.getByRole('button', { name: 'Send' }).click();
    await s.visitor.getByText('two-way zips').waitFor();
    await s.visitor.getByRole('textbox', { name: 'Your message' }).fill('Perfect, thanks!');
    await s.visitor.getByRole('button', { name: 'Send' }).click();
    await s.helper.getByRole('log', { name: 'Conversation' }).getByText('Perfect, thanks!').waitFor();
    await s.helper.getByRole('button', { name: 'End chat' }).click();
    // An answered chat ends once its few seconds of Undo have passed.
    await s.helper.getByRole('log', { name: 'Conversation' }).getByText('You ended the chat.').waitFor({ timeout: 15_000 });

    await toasts().getByText('+15 points — mission completed').waitFor({ timeout: 5000 });
    await toasts().getByText('New badge: Mentor').waitFor({ timeout: 5000 });
    // Back on the Community tab (no chat open), the mission shows done.
    await s.helper.getByRole('tab', { name: 'Community' }).click();
    await expect.poll(() => bar().getAttribute('aria-valuenow')).toBe('100');
    expect(await bar().getAttribute('aria-valuetext')).toBe('1 of 1');
    await s.helper.getByText('Done — you earned 15 points and the “Mentor” badge. Thank you!').waitFor();
    await screenshot(s.helper, 'missions-desk-done-1440');
    await s.helper.setViewportSize({ width: 390, height: 844 });
    // On a phone the missions are with the feed, one tap away from the request board.
    await s.helper.getByRole('button', { name: 'Community', exact: true }).click();
    await bar().scrollIntoViewIfNeeded();
    await screenshot(s.helper, 'missions-desk-390');
  });

  it('lets the manager follow who joined and how far they are', async () => {
    await manager.reload();
    await manager.getByRole('button', { name: new RegExp(TITLE) }).click();
    await manager.getByRole('heading', { name: '1 joined' }).waitFor();
    const row = manager.getByRole('row', { name: /Camille/ });
    await expect.poll(() => row.getByRole('progressbar').getAttribute('aria-valuetext')).toBe('1 of 1');
    await screenshot(manager, 'missions-manage-1440');
    await manager.setViewportSize({ width: 390, height: 844 });
    await screenshot(manager, 'missions-manage-390');
    await manager.setViewportSize({ width: 1440, height: 900 });
  });

  it('sets a mission aside in one click, and completes one a manager checks once the evidence is approved', async () => {
    const create = async (title: string, goal: string) => {
      await manager.getByRole('button', { name: 'New mission' }).click();
      await manager.getByRole('textbox', { name: 'Title' }).fill(title);
      await manager.getByRole('combobox', { name: 'Goal' }).selectOption(goal);
      await manager.getByRole('spinbutton', { name: 'How many' }).fill('1');
      await manager.getByRole('spinbutton', { name: 'Points' }).fill('10');
      await manager.getByRole('button', { name: 'Create mission' }).click();
      await manager.getByRole('heading', { name: title }).waitFor();
    };
    await create('Three tips for winter', 'tips');
    await create('Film a fitting video', 'checked');

    await s.helper.setViewportSize({ width: 1440, height: 900 });
    const panel = s.helper.getByRole('region', { name: 'Missions' });
    await panel.getByRole('button', { name: 'Not for me: “Three tips for winter”' }).click();
    await panel.getByRole('button', { name: '1 set aside · show' }).waitFor();
    expect(await panel.getByRole('heading', { name: 'Three tips for winter' }).count()).toBe(0);

    await panel.getByRole('button', { name: 'Join “Film a fitting video”' }).click();
    await panel.getByRole('textbox', { name: 'What you did' }).fill('A 2-minute video on the size guide page.');
    await panel.getByRole('button', { name: 'Send for review' }).click();
    await panel.getByText('Sent. A manager will have a look.').waitFor();
    await screenshot(s.helper, 'missions-desk-evidence-1440');

    await manager.getByRole('button', { name: /Film a fitting video/ }).click();
    await manager.getByText('A 2-minute video on the size guide page.').waitFor();
    expect(await seriousViolations(manager)).toEqual([]);
    await screenshot(manager, 'missions-evidence-1440');
    await manager.getByRole('button', { name: "Approve Camille's evidence" }).click();
    await toasts().getByText('+10 points — mission completed').waitFor({ timeout: 5000 });
    const video = s.helper.getByRole('progressbar', { name: 'Progress on “Film a fitting video”' });
    await expect.poll(() => video.getAttribute('aria-valuenow')).toBe('100');
  });
});
