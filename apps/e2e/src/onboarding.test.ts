import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { seriousViolations } from './support/axe.ts';
import { launchBrowser, personPage, screenshot } from './support/browser.ts';
import { ensureChatOpen, signIn, visitorLog } from './support/people.ts';
import { freshDatabase, psql } from './support/postgres.ts';
import { hasChromium } from './support/requirements.ts';
import { printServerOutputOnFailure, startServer, type RunningServer } from './support/server.ts';

describe.skipIf(!hasChromium)('onboarding: a newcomer gets started, a manager gives them a mentor', () => {
  let db: { url: string; drop: () => void };
  let server: RunningServer;
  let browser: Browser;
  let lea: Page;
  let manager: Page;

  beforeAll(async () => {
    db = freshDatabase();
    server = await startServer({ DATABASE_URL: db.url });
    // Léa just joined the demo shop: her own password is the demo one, nothing done yet.
    psql(
      db.url,
      `insert into users (email, display_name, password_hash)
         select 'lea@demo.tribu', 'Léa', password_hash from users where email = 'helper1@demo.tribu';
       insert into memberships (user_id, site_id, role)
         select u.id, s.id, 'helper' from users u, sites s where u.email = 'lea@demo.tribu' and s.key = 'demo';`,
    );
    browser = await launchBrowser();
    lea = await personPage(browser, { width: 1440, height: 900 });
    manager = await personPage(browser, { width: 1440, height: 900 });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    db?.drop();
  });
  printServerOutputOnFailure(() => server);

  const card = () => lea.getByRole('region', { name: 'Getting started' });
  const progress = () => card().getByRole('progressbar', { name: 'Steps done' });

  it('shows a newcomer their first steps on the desk, and ticks them as they go', async () => {
    await signIn(lea, server.url, 'lea@demo.tribu');
    await card().waitFor();
    await expect.poll(() => progress().getAttribute('aria-valuetext')).toBe('0 of 4');
    const steps = card().getByRole('listitem');
    expect(await steps.allInnerTexts()).toHaveLength(4);
    await expect.poll(() => steps.first().textContent()).toContain('not done yet');
    await screenshot(lea, 'onboarding-desk-start');
    expect(await seriousViolations(lea)).toEqual([]);

    await card().getByRole('link', { name: 'Read the charter' }).click();
    await lea.getByRole('heading', { name: 'How we help at Alpine Threads' }).waitFor();
    await lea.getByText('Be honest.', { exact: false }).first().waitFor();
    expect(await seriousViolations(lea)).toEqual([]);
    await screenshot(lea, 'onboarding-charter');
    await lea.getByRole('button', { name: 'I have read the charter and I accept it' }).click();
    await lea.getByText(/You accepted this charter on/).waitFor();
    await lea.getByRole('link', { name: 'Back to the desk' }).click();
    await expect.poll(() => progress().getAttribute('aria-valuetext')).toBe('1 of 4');

    await card().getByRole('link', { name: 'Watch chats' }).click();
    await lea.getByRole('heading', { name: 'Watch how peers answer' }).waitFor();
    const chats = lea.getByRole('list', { name: 'Chats to watch' }).getByRole('link');
    await chats.first().waitFor();
    // The demo has far more answered chats than the list shows: a full list of 12, one per question.
    expect(await chats.count()).toBe(12);
    await screenshot(lea, 'onboarding-observe-list');
    for (let i = 0; i < 3; i++) {
      await lea.getByRole('list', { name: 'Chats to watch' }).getByRole('link').nth(i).click();
      await lea.getByRole('note').getByText('Read-only').waitFor();
      const log = lea.getByRole('log', { name: 'Conversation, read-only' });
      await log.getByText('Visitor ·', { exact: false }).first().waitFor();
      // Nothing to answer with: watching only.
      expect(await lea.getByRole('textbox').count()).toBe(0);
      if (i === 0) {
        expect(await seriousViolations(lea)).toEqual([]);
        await screenshot(lea, 'onboarding-observe-chat');
      }
      await lea.getByRole('link', { name: '← All chats to watch' }).click();
      await lea.getByRole('heading', { name: 'Watch how peers answer' }).waitFor();
    }
    await lea.getByText('suggested chats watched — well done!').waitFor();
    await lea.goto(`${server.url}/backoffice`);
    await expect.poll(() => progress().getAttribute('aria-valuetext')).toBe('2 of 4');
    expect(await card().getByRole('listitem').filter({ hasText: '3 chats watched' }).textContent()).toContain('done');
  });

  it('lets a manager give the newcomer a mentor, whom the newcomer then sees', async () => {
    await signIn(manager, server.url, 'manager@demo.tribu');
    await manager.goto(`${server.url}/backoffice/manage/newcomers`);
    const table = manager.getByRole('table');
    const row = table.getByRole('row').filter({ hasText: 'Léa' });
    await row.waitFor();
    expect(await row.textContent()).toContain('2 of 4');
    // Noé, the demo newcomer, already has Camille.
    expect(await table.getByRole('row').filter({ hasText: 'Noé' }).getByRole('combobox').inputValue()).not.toBe('');
    const select = manager.getByRole('combobox', { name: 'Mentor for Léa' });
    const jonasId = await select.locator('option', { hasText: 'Jonas' }).getAttribute('value');
    await select.selectOption(jonasId!);
    await manager.getByRole('status').getByText("Jonas is now Léa's mentor; both were told.").waitFor();
    expect(await seriousViolations(manager)).toEqual([]);
    await screenshot(manager, 'onboarding-newcomers');

    // Léa's desk shows her mentor without a reload (the notification brings it).
    const mentor = card().getByRole('button', { name: /Your mentor: Jonas/ });
    await mentor.waitFor({ timeout: 10_000 });
    await mentor.click();
    await lea.getByRole('dialog', { name: 'Profile of Jonas' }).waitFor();
    await lea.keyboard.press('Escape');
    await screenshot(lea, 'onboarding-desk-mentor');

    // Jonas sees the newcomer he now guides, and where she stands, on his own desk.
    const jonas = await personPage(browser, { width: 1440, height: 900 });
    await signIn(jonas, server.url, 'helper2@demo.tribu');
    const mentees = jonas.getByRole('region', { name: 'Newcomers you mentor' });
    await mentees.getByRole('button', { name: /Léa\s*: profile/ }).waitFor();
    expect(await mentees.textContent()).toContain('2 of 4 first steps');
    expect(await jonas.getByRole('region', { name: 'Getting started' }).count()).toBe(0);
    await screenshot(jonas, 'onboarding-mentor-desk');
    await jonas.close();
  });

  it('fits a phone: the checklist, a watched chat and the Newcomers page', async () => {
    await lea.setViewportSize({ width: 390, height: 844 });
    await lea.goto(`${server.url}/backoffice`);
    // On a phone the desk opens on the request board; the checklist is with the feed, one tap away.
    await lea.getByRole('button', { name: 'Community', exact: true }).click();
    await card().scrollIntoViewIfNeeded();
    await screenshot(lea, 'onboarding-desk-phone');
    await lea.goto(`${server.url}/backoffice/observe`);
    await lea.getByRole('list', { name: 'Chats to watch' }).getByRole('link').first().click();
    await lea.getByRole('note').getByText('Read-only').waitFor();
    await screenshot(lea, 'onboarding-observe-chat-phone');
    await manager.setViewportSize({ width: 390, height: 844 });
    await manager.reload();
    await manager.getByRole('combobox', { name: 'Mentor for Léa' }).waitFor();
    await screenshot(manager, 'onboarding-newcomers-phone');
  });

  it('completes with a profile and a first answered chat, closes, and comes back only to accept a changed charter', async () => {
    await lea.setViewportSize({ width: 1440, height: 900 });
    await manager.setViewportSize({ width: 1440, height: 900 });
    await lea.goto(`${server.url}/backoffice/profile`);
    await lea.getByLabel('Bio').fill('Climber from Annecy; I test every glove.');
    await lea.getByRole('group', { name: 'Languages' }).getByRole('button', { name: 'French' }).click();
    await lea.getByRole('button', { name: 'Save changes' }).click();
    await lea.getByText('Saved.', { exact: false }).waitFor();
    await lea.goto(`${server.url}/backoffice`);
    await expect.poll(() => progress().getAttribute('aria-valuetext')).toBe('3 of 4');

    const visitor = await personPage(browser, { width: 1280, height: 800 });
    await visitor.goto(`${server.url}/demo`);
    await ensureChatOpen(visitor);
    await visitor.getByRole('textbox', { name: 'Your message' }).fill('Are the Ridge gloves warm enough for ice climbing?');
    await visitor.getByRole('button', { name: 'Send' }).click();
    const board = lea.getByRole('region', { name: 'Incoming requests' });
    await board.getByRole('button', { name: /Take request: Are the Ridge gloves/ }).click();
    await lea.getByRole('textbox', { name: 'Reply' }).fill('Yes for approaches; on the ice itself I switch to thinner ones.');
    await lea.getByRole('button', { name: 'Send' }).click();
    await visitorLog(visitor).getByText('on the ice itself').waitFor();
    await lea.getByRole('tab', { name: /Community/ }).click();
    await expect.poll(() => progress().getAttribute('aria-valuetext')).toBe('4 of 4');
    await card().getByText("You're all set.", { exact: false }).waitFor();
    await screenshot(lea, 'onboarding-desk-complete');
    await card().getByRole('button', { name: 'Close the checklist' }).click();
    await expect.poll(() => card().count()).toBe(0);
    await visitor.close();

    // Morgane rewrites the charter: Léa is asked to accept the new version, once.
    await manager.goto(`${server.url}/backoffice/manage/newcomers`);
    const text = manager.getByRole('textbox', { name: 'Charter text', exact: true });
    await text.fill(`${await text.inputValue()}\n\nThank peers in the feed when they help you.`);
    await manager.getByRole('button', { name: 'Save the charter' }).click();
    await manager.getByRole('status').getByText('Charter saved.', { exact: false }).waitFor();
    // Léa still has her chat open: the note sits in the Community tab of the desk.
    // (Her open chat comes back as a tab once the desk has loaded; then she turns to Community.)
    await lea.goto(`${server.url}/backoffice`);
    await lea.getByRole('tab', { name: /Are the Ridge gloves/ }).waitFor();
    await lea.getByRole('tab', { name: /Community/ }).click();
    const note = lea.getByRole('region', { name: 'Charter updated' });
    await note.getByRole('link', { name: 'Read the new charter' }).click();
    await lea.getByText('The charter changed since you accepted it', { exact: false }).waitFor();
    await lea.getByText('Thank peers in the feed when they help you.').waitFor();
    await lea.getByRole('button', { name: 'I have read the charter and I accept it' }).click();
    await lea.getByText(/You accepted this charter on/).waitFor();
    await lea.getByRole('link', { name: 'Back to the desk' }).click();
    await lea.getByRole('region', { name: 'Incoming requests' }).waitFor();
    expect(await lea.getByRole('region', { name: 'Charter updated' }).count()).toBe(0);
    expect(await card().count()).toBe(0);
  });
});
