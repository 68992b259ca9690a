import { afterAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { personPage, screenshot } from './support/browser.ts';
import { seriousViolations } from './support/axe.ts';
import { signIn } from './support/people.ts';
import { hasChromium } from './support/requirements.ts';
import { useScenario } from './support/scenario.ts';

const QUESTION = 'Is the merino base layer itchy?';
const STICKERS = 'Alpine Threads sticker pack';

// One story in order: Camille answers a chat and is recognised live, spends her points, Morgane approves.
// The demo scores as documented (a chat counts from 30 s) and sells a 2-point sticker pack; this
// story's chat lasts seconds, so the manager first lowers the minimum under Recognition settings.
describe.skipIf(!hasChromium)('recognition: points, badges, leaderboards and rewards', () => {
  const s = useScenario();
  let manager: Page;
  let jonas: Page;
  afterAll(async () => {
    await manager?.close();
    await jonas?.close();
  });

  const toasts = () => s.helper.getByRole('status', { name: 'Recognition' });
  const nav = (page: Page, name: string) => page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name });

  it('lets the manager count chats of any length, as the demo story needs', async () => {
    const setup = await personPage(s.browser, { width: 1440, height: 900 });
    await signIn(setup, s.server.url, 'manager@demo.tribu');
    await setup.goto(`${s.server.url}/backoffice/recognition/settings`);
    const minimum = setup.getByRole('spinbutton', { name: /Minimum chat length/ });
    expect(await minimum.inputValue()).toBe('30');
    await minimum.fill('0');
    await setup.getByRole('button', { name: 'Save rules' }).click();
    await setup.getByText('Saved. New chats score with these rules.').waitFor();
    await setup.close();
  });

  it('shows the helper points and the first badge live when the chat ends, and the rating bonus', async () => {
    await signIn(s.helper, s.server.url, 'helper1@demo.tribu');
    await s.visitor.goto(`${s.server.url}/demo`);
    await s.visitor.getByRole('button', { name: 'Chat with the community' }).click();
    await s.visitor.getByRole('textbox', { name: 'Your message' }).fill(QUESTION);
    await s.visitor.getByRole('button', { name: 'Send' }).click();
    await s.helper.getByRole('button', { name: `Take request: ${QUESTION}` }).click();
    await s.helper.getByRole('textbox', { name: 'Reply' }).fill('Not at all — it is 17.5 micron merino, soft on bare skin.');
    await s.helper.getByRole('button', { name: 'Send' }).click();
    await s.visitor.getByText('soft on bare skin').waitFor();
    await s.visitor.getByRole('textbox', { name: 'Your message' }).fill('Great, ordering one!');
    await s.visitor.getByRole('button', { name: 'Send' }).click();
    await s.helper.getByRole('log', { name: 'Conversation' }).getByText('Great, ordering one!').waitFor();

    await s.helper.getByRole('button', { name: 'End chat' }).click();
    // An answered chat ends once its few seconds of Undo have passed.
    await s.helper.getByRole('log', { name: 'Conversation' }).getByText('You ended the chat.').waitFor({ timeout: 15_000 });
    await toasts().getByText('+2 points — answered chat, fast answer').waitFor({ timeout: 5000 });
    await toasts().getByText('New badge: First answer').waitFor({ timeout: 5000 });
    await screenshot(s.helper, 'desk-toasts-1440');

    await s.visitor.getByRole('button', { name: /^5 stars/ }).click();
    await s.visitor.getByRole('button', { name: 'Send rating' }).click();
    await toasts().getByText('+1 point — great rating').waitFor({ timeout: 5000 });
  });

  it('shows the balance, the tier progress, the badge earned and the history on the Recognition page', async () => {
    await nav(s.helper, 'Recognition').click();
    await s.helper.getByRole('heading', { name: 'Thank you, Camille!' }).waitFor();
    await expect.poll(() => s.helper.getByTestId('balance').textContent()).toBe('3');
    await s.helper.getByRole('listitem', { name: 'First answer: earned' }).waitFor();
    await s.helper.getByRole('listitem', { name: 'Regular: locked' }).getByRole('progressbar', { name: 'Progress to Regular' }).waitFor();
    await s.helper.getByText('47 points to Regular').waitFor();
    const history = s.helper.getByRole('region', { name: 'History' });
    await history.getByText('Answered chat').waitFor();
    await history.getByText('4–5 star rating bonus').waitFor();
    // A helper is no manager: the settings link is not offered.
    expect(await s.helper.getByRole('link', { name: 'Recognition settings' }).count()).toBe(0);
    expect(await seriousViolations(s.helper)).toEqual([]);
    await screenshot(s.helper, 'recognition-1440');
    await s.helper.setViewportSize({ width: 1024, height: 768 });
    await screenshot(s.helper, 'recognition-1024');
    await s.helper.setViewportSize({ width: 390, height: 844 });
    await screenshot(s.helper, 'recognition-phone');
    await s.helper.setViewportSize({ width: 1440, height: 900 });
  });

  it('lets the helper redeem the sticker pack; her points are reserved at once', async () => {
    await nav(s.helper, 'Rewards').click();
    const card = s.helper.getByRole('listitem').filter({ has: s.helper.getByRole('heading', { name: STICKERS }) });
    // A reward beyond the balance says why it cannot be taken.
    const jacket = s.helper.getByRole('listitem').filter({ has: s.helper.getByRole('heading', { name: 'Summit Jacket' }) });
    await jacket.getByText('997 points more needed').waitFor();
    expect(await jacket.getByRole('button', { name: 'Redeem Summit Jacket' }).isDisabled()).toBe(true);
    await card.getByRole('button', { name: `Redeem ${STICKERS}` }).click();
    await s.helper
      .getByRole('dialog', { name: `Redeem ${STICKERS}` })
      .getByRole('button', { name: 'Confirm redemption' })
      .click();
    const mine = s.helper.getByRole('region', { name: 'My redemptions' });
    await mine.getByText('Requested').waitFor();
    await s.helper.getByLabel('Your balance').getByText('1', { exact: true }).waitFor();
  });

  it('lets the manager approve it; the helper sees it approved live', async () => {
    manager = await personPage(s.browser, { width: 1440, height: 900 });
    await signIn(manager, s.server.url, 'manager@demo.tribu');
    await nav(manager, 'Rewards').click();
    const queue = manager.getByRole('region', { name: 'Redemptions to handle' });
    await queue.getByRole('button', { name: `Approve Camille's ${STICKERS}` }).click();
    await s.helper.getByRole('region', { name: 'My redemptions' }).getByText('Approved', { exact: true }).waitFor();
    await toasts().getByText(`${STICKERS}: approved`).waitFor();
    await queue.getByRole('textbox', { name: /Message or code for Camille/ }).fill('Posted today — code STICK-7K2Q');
    await queue.getByRole('button', { name: `Fulfil Camille's ${STICKERS}` }).click();
    await s.helper.getByRole('region', { name: 'My redemptions' }).getByText('Posted today — code STICK-7K2Q').waitFor();
    await s.helper.getByRole('region', { name: 'My redemptions' }).getByText('Fulfilled', { exact: true }).waitFor();
    expect(await seriousViolations(s.helper)).toEqual([]);
    await screenshot(s.helper, 'rewards-1440');
    await s.helper.setViewportSize({ width: 390, height: 844 });
    await screenshot(s.helper, 'rewards-phone');
    await s.helper.setViewportSize({ width: 1440, height: 900 });
    await manager.evaluate(() => window.scrollTo(0, 0));
    await screenshot(manager, 'rewards-manager-1440');
  });

  it('lets the manager add a reward to the catalogue; the helper sees it appear live', async () => {
    await manager.getByRole('button', { name: 'Add a reward' }).click();
    const editor = manager.getByRole('dialog', { name: 'New reward' });
    // Exact names: the French version's fields below are named after these ones.
    await editor.getByRole('textbox', { name: 'Name', exact: true }).fill('Coffee with the team');
    await editor.getByRole('textbox', { name: 'Description', exact: true }).fill('An hour with the designers, on us.');
    await editor.getByRole('spinbutton', { name: 'Cost (points)' }).fill('5');
    await editor.getByRole('checkbox', { name: 'Unlimited stock' }).uncheck();
    await editor.getByRole('spinbutton', { name: 'Stock' }).fill('4');
    await editor.getByRole('button', { name: 'Save reward' }).click();
    const card = s.helper.getByRole('listitem').filter({ has: s.helper.getByRole('heading', { name: 'Coffee with the team' }) });
    await card.getByText('4 left').waitFor();
    await card.getByText('4 points more needed').waitFor();
  });

  it('lets the manager preview new scoring against last month and grant points with a reason', async () => {
    // Jonas comes online, so the manager can pick him too (members are offered from the board and who is online).
    jonas = await personPage(s.browser, { width: 1024, height: 768 });
    await signIn(jonas, s.server.url, 'helper2@demo.tribu');
    await nav(jonas, 'Recognition').click();
    await jonas.getByRole('heading', { name: 'Welcome, Jonas' }).waitFor();
    await jonas.getByText('Answer your first chat to earn your first badge.').waitFor();
    await screenshot(jonas, 'recognition-empty-1024');
    await nav(manager, 'Recognition').click();
    await manager.getByRole('link', { name: 'Recognition settings' }).click();
    await manager.getByRole('heading', { name: 'Recognition settings' }).waitFor();
    // The preview updates by itself a moment after a change.
    await manager.getByRole('spinbutton', { name: /Points per answered chat/ }).fill('5');
    const preview = manager.getByRole('region', { name: 'Preview' });
    await preview.getByText(/With these rules, last month’s top 10/).waitFor();
    await preview.getByRole('cell', { name: 'Camille' }).waitFor();
    await manager.getByRole('link', { name: 'Export ledger (CSV)' }).waitFor();

    const grant = manager.getByRole('region', { name: 'Grant or revoke points' });
    const give = async (who: string, points: number, reason: string) => {
      await grant.getByRole('combobox', { name: 'Member' }).selectOption({ label: who });
      await grant.getByRole('spinbutton', { name: 'Points' }).fill(String(points));
      await grant.getByRole('textbox', { name: /Reason/ }).fill(reason);
      await grant.getByRole('button', { name: 'Grant points' }).click();
      await grant.getByText(new RegExp(`Granted ${points} points\\. ${who} now has`)).waitFor();
    };
    await give('Camille', 5, 'Thanks for the lovely answers this week');
    await toasts().getByText('+5 points — granted by a manager').waitFor();
    await give('Jonas', 12, 'Ran the ski-touring Q&A in the feed');
    // Jonas, on his Recognition page, sees the grant arrive live: a toast and the new balance.
    await jonas.getByRole('status', { name: 'Recognition' }).getByText('+12 points — granted by a manager').waitFor();
    await expect.poll(() => jonas.getByTestId('balance').textContent()).toBe('12');
    await jonas.getByRole('region', { name: 'History' }).getByText('Granted by Morgane: Ran the ski-touring Q&A in the feed').waitFor();

    await manager.getByRole('button', { name: 'Add a badge' }).click();
    const custom = manager
      .getByRole('region', { name: 'Badges' })
      .getByRole('listitem')
      .filter({ has: manager.getByRole('button', { name: /Remove badge/ }) });
    await custom.getByRole('textbox', { name: 'Name' }).fill('Trail guide');
    await custom.getByRole('textbox', { name: 'Criterion shown to helpers' }).fill('Answer 3 chats within a minute');
    await custom.getByRole('combobox', { name: 'Counts' }).selectOption({ label: 'Fast first answers' });
    await custom.getByRole('spinbutton', { name: 'Target' }).fill('3');
    await manager.getByRole('button', { name: 'Save rules' }).click();
    await manager.getByText('Saved. New chats score with these rules.').waitFor();
    await manager.getByRole('button', { name: 'Preview these rules' }).click();
    await preview.getByRole('cell', { name: 'Camille' }).waitFor();
    await manager.evaluate(() => window.scrollTo(0, 0));
    await screenshot(manager, 'recognition-settings-1440');
    await manager.setViewportSize({ width: 390, height: 844 });
    await screenshot(manager, 'recognition-settings-phone');
    await manager.setViewportSize({ width: 1440, height: 900 });
    expect(await seriousViolations(manager)).toEqual([]);
  });

  it('ranks the helpers on the leaderboards, her row highlighted, with the tie rule', async () => {
    await nav(s.helper, 'Recognition').click();
    // The manager's own badge shows with its public criterion and Camille's progress (one fast answer).
    const trail = s.helper.getByRole('listitem', { name: 'Trail guide: locked' });
    await trail.getByText('Answer 3 chats within a minute').waitFor();
    await trail.getByText('1 / 3').waitFor();
    const board = s.helper.getByRole('region', { name: 'Leaderboard' });
    const mine = board.locator('[aria-current="true"]');
    await expect.poll(() => mine.textContent()).toMatch(/Camille.*8 pts/);
    await expect.poll(() => board.getByRole('listitem').first().textContent()).toMatch(/Jonas.*12 pts/);
    await board.getByRole('tab', { name: 'All time' }).click();
    await expect.poll(() => board.getByRole('tab', { name: 'All time' }).getAttribute('aria-selected')).toBe('true');
    await mine.getByText('Camille').waitFor();
    await board.getByText(/reached them first/).waitFor();
    await screenshot(s.helper, 'leaderboard-1440');

    // A peer's standing in their public profile: points · tier · badges.
    await nav(s.helper, 'Desk').click();
    await s.helper.getByRole('region', { name: 'Online now' }).getByRole('button', { name: /Jonas/ }).click();
    const standing = s.helper.getByRole('dialog', { name: 'Profile of Jonas' }).getByRole('region', { name: 'Recognition' });
    await standing.getByText('12 points').waitFor();
    await standing.getByText('Newcomer').waitFor();
    await screenshot(s.helper, 'peer-standing-1440');
    await s.helper.getByRole('dialog', { name: 'Profile of Jonas' }).getByRole('button', { name: 'Close' }).click();
  });

  it('gives the points back when the manager declines a redemption, with the reason', async () => {
    await nav(s.helper, 'Rewards').click();
    const coffee = s.helper.getByRole('listitem').filter({ has: s.helper.getByRole('heading', { name: 'Coffee with the team' }) });
    await coffee.getByRole('button', { name: 'Redeem Coffee with the team' }).click();
    await s.helper.getByRole('dialog', { name: 'Redeem Coffee with the team' }).getByRole('button', { name: 'Confirm redemption' }).click();
    await s.helper.getByLabel('Your balance').getByText('1', { exact: true }).waitFor();

    const queue = manager.getByRole('region', { name: 'Redemptions to handle' });
    await nav(manager, 'Rewards').click();
    await queue.getByRole('textbox', { name: /Message or code for Camille/ }).fill('The team is away until January, sorry!');
    await queue.getByRole('button', { name: "Reject Camille's Coffee with the team" }).click();
    const mine = s.helper.getByRole('region', { name: 'My redemptions' });
    await mine.getByText('Rejected', { exact: true }).waitFor();
    await mine.getByText('The team is away until January, sorry! · 5 points returned').waitFor();
    await s.helper.getByLabel('Your balance').getByText('6', { exact: true }).waitFor();
    await nav(s.helper, 'Recognition').click();
    await s.helper.getByRole('region', { name: 'History' }).getByText('Refund: The team is away until January, sorry!').waitFor();
  });

  it('keeps the settings to managers: a helper who opens the address is told so', async () => {
    await s.helper.goto(`${s.server.url}/backoffice/recognition/settings`);
    // The old address leads to Manage › Recognition settings, which a helper may not open.
    await s.helper.waitForURL(/\/backoffice\/manage\/recognition$/);
    await s.helper.getByText("Only this site's community managers and admins can open this page.").waitFor();
    expect(await s.helper.getByRole('button', { name: 'Save rules' }).count()).toBe(0);
  });

  it('lets the manager set aside a chat that was out of scope: its points go back once, the badge stays', async () => {
    await nav(manager, 'Recognition').click();
    await manager.getByRole('link', { name: 'Recognition settings' }).click();
    const scored = manager.getByRole('region', { name: 'Chats that earned points' });
    await scored.getByRole('button', { name: `Set aside: ${QUESTION}` }).click();
    await scored.getByRole('textbox', { name: 'Why is this chat set aside?' }).fill('The visitor was testing us, not shopping');
    await scored.getByRole('button', { name: 'Set aside', exact: true }).click();
    await scored.getByText(/Set aside: 3 points taken back/).waitFor();
    await scored.getByRole('listitem').filter({ hasText: QUESTION }).getByText('Set aside').waitFor();
    await nav(s.helper, 'Recognition').click();
    const history = s.helper.getByRole('region', { name: 'History' });
    await history.getByText('Chat set aside by Morgane: The visitor was testing us, not shopping').waitFor();
    await s.helper.getByRole('listitem', { name: /First answer: earned/ }).waitFor();
  });
});
