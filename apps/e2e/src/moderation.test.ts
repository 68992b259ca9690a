import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { seriousViolations } from './support/axe.ts';
import { personPage, screenshot } from './support/browser.ts';
import { launcher, signIn, visitorLog, waitForLiveLauncher } from './support/people.ts';
import { hasChromium } from './support/requirements.ts';
import { useScenario } from './support/scenario.ts';

const QUESTION = 'Is the Ridge fleece warm enough for ski touring?';
const RUDE = 'Answer me now, you useless bunch of clowns';
const RUDE_MASKED = 'Answer me now, you useless bunch of c*****';
const BANNED = "Chat isn't available for you right now.";
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1440, height: 900 };

/** Shoots the page at desktop size, then at phone size, and goes back to desktop. */
async function bothSizes(page: Page, name: string) {
  await screenshot(page, `${name}-desktop`);
  await page.setViewportSize(PHONE);
  await page.waitForTimeout(150);
  await screenshot(page, `${name}-phone`);
  await page.setViewportSize(DESKTOP);
}

// One story in order: a visitor is rude, a helper reports it, the manager bans the visitor from the queue.
describe.skipIf(!hasChromium)('report → ban → the banned visitor cannot chat', () => {
  const s = useScenario();
  let manager: Page;

  it('lets the manager block a word from the moderation page', async () => {
    manager = await personPage(s.browser, DESKTOP);
    await signIn(manager, s.server.url, 'manager@demo.tribu');
    await manager.goto(`${s.server.url}/backoffice/manage/moderation`);
    await manager.getByText('All clear.').waitFor();
    await manager.getByRole('textbox', { name: 'Add a blocked word' }).fill('clown');
    await manager.getByRole('button', { name: 'Add', exact: true }).click();
    await manager.getByRole('button', { name: 'Save blocked words' }).click();
    await manager.getByText('Saved. It applies to the next visitor message.').waitFor();
  });

  it('shows the helper a rude message masked and flagged, and lets them report it with a reason', async () => {
    await signIn(s.helper, s.server.url, 'helper1@demo.tribu');
    await s.visitor.goto(`${s.server.url}/demo`);
    await waitForLiveLauncher(s.visitor);
    await launcher(s.visitor).click();
    await s.visitor.getByRole('textbox', { name: 'Your message' }).fill(QUESTION);
    await s.visitor.getByRole('button', { name: 'Send' }).click();
    await s.helper.getByRole('button', { name: /Take request: Is the Ridge fleece/ }).click();
    const log = s.helper.getByRole('log', { name: 'Conversation' });
    await log.getByText(QUESTION).waitFor();
    await s.helper.getByRole('textbox', { name: 'Reply' }).fill('Hi! It depends on the effort — are you going uphill a lot?');
    await s.helper.getByRole('button', { name: 'Send' }).click();
    await s.visitor.getByRole('textbox', { name: 'Your message' }).fill(RUDE);
    await s.visitor.getByRole('button', { name: 'Send' }).click();
    // The visitor reads their own words; the helper reads them masked, with a marker.
    await visitorLog(s.visitor).getByText(RUDE).waitFor();
    await log.getByText(RUDE_MASKED).waitFor();
    await log.getByText('flagged').waitFor();
    expect(await log.getByText(RUDE).count()).toBe(0);

    await log.getByRole('button', { name: 'Message actions' }).last().click();
    await log.getByRole('menuitem', { name: 'Report this message' }).click();
    const dialog = s.helper.getByRole('dialog', { name: 'Report this message' });
    await dialog.getByRole('radio', { name: 'Insults or harassment' }).check();
    await screenshot(s.helper, 'helper-report-dialog-desktop');
    await dialog.getByRole('button', { name: 'Send report' }).click();
    await dialog.getByText("Thanks, it's reported").waitFor();
    await dialog.getByRole('button', { name: 'Close' }).last().click();
    await screenshot(s.helper, 'helper-flagged-message-desktop');
  });

  it('brings both reports to the open queue live, with the chat around them as written', async () => {
    // One card for the message: the blocked word caught it, then Camille reported it.
    const card = manager.getByRole('article', { name: 'Chat message reported: Blocked word: clown; Insults or harassment' });
    await card.waitFor();
    await card.getByText('Reported by Camille', { exact: false }).waitFor();
    await card.getByText('Flagged automatically', { exact: false }).waitFor();
    await card.getByText(QUESTION).first().waitFor();
    await card.getByText(RUDE).waitFor();
    await manager.getByRole('navigation', { name: 'Manage' }).getByLabel('2 open reports').waitFor();
    expect(await seriousViolations(manager)).toEqual([]);
    await bothSizes(manager, 'moderation-queue');
  });

  it('bans the visitor from the queue: the report closes and the ban is listed', async () => {
    const card = manager.getByRole('article', { name: /Chat message reported/ });
    await card.getByRole('button', { name: 'Ban visitor…' }).click();
    const form = card.getByRole('form', { name: 'Ban this visitor' });
    await form.getByRole('radio', { name: '30 days' }).check();
    await form.getByRole('textbox', { name: 'Reason' }).fill('Insults a helper');
    await screenshot(manager, 'moderation-ban-form-desktop');
    await form.getByRole('button', { name: 'Ban visitor' }).click();
    await expect.poll(() => manager.getByRole('article', { name: /Chat message reported/ }).count()).toBe(0);
    await manager
      .getByRole('region', { name: 'Bans' })
      .getByText(/Insults a helper · until/)
      .waitFor();
    await manager.getByText('All clear.').waitFor();
    await screenshot(manager, 'moderation-after-ban-desktop');
  });

  it("shows the visitor's widget a polite unavailable state at once, and again after a reload, with no way to start a chat", async () => {
    await s.visitor.getByText(BANNED).waitFor();
    await expect.poll(() => s.visitor.getByRole('textbox', { name: 'Your message' }).count()).toBe(0);
    await screenshot(s.visitor, 'visitor-banned-desktop');

    await s.visitor.reload();
    // The widget may reopen the panel by itself after a reload; click only while it says it is closed.
    await expect
      .poll(
        async () => {
          if (await s.visitor.getByText(BANNED).isVisible()) return true;
          if ((await launcher(s.visitor).getAttribute('aria-expanded')) === 'false') await launcher(s.visitor).click();
          return s.visitor.getByText(BANNED).isVisible();
        },
        { timeout: 15_000, interval: 300 },
      )
      .toBe(true);
    expect(await s.visitor.getByRole('textbox', { name: 'Your message' }).count()).toBe(0);
    expect(await visitorLog(s.visitor).count()).toBe(0);
    await s.visitor.setViewportSize(PHONE);
    await screenshot(s.visitor, 'visitor-banned-phone');
  });

  it('lets a helper report a feed post, and the manager hide it from the queue with a reason', async () => {
    const jonas = await personPage(s.browser, DESKTOP);
    await signIn(jonas, s.server.url, 'helper2@demo.tribu');
    const feed = jonas.getByRole('region', { name: 'Community feed' });
    await feed.getByRole('button', { name: 'Report this post' }).first().waitFor();
    await screenshot(jonas, 'feed-report-link-desktop');
    await feed.getByRole('button', { name: 'Report this post' }).first().click();
    const dialog = jonas.getByRole('dialog', { name: 'Report this post' });
    await dialog.getByRole('radio', { name: 'Other' }).check();
    await dialog.getByRole('textbox', { name: 'In a few words' }).fill('Off-topic for the community');
    await dialog.getByRole('button', { name: 'Send report' }).click();
    await dialog.getByText("Thanks, it's reported").waitFor();

    await manager.goto(`${s.server.url}/backoffice/manage/moderation`);
    const card = manager.getByRole('article', { name: 'Feed post reported: Off-topic for the community' });
    await card.getByText('Reported by Jonas').waitFor();
    await screenshot(manager, 'moderation-feed-report-desktop');
    await card.getByRole('button', { name: 'Hide…' }).click();
    await card.getByRole('textbox', { name: 'Reason shown to the author' }).fill('Let us keep the wall about the products');
    await card.getByRole('button', { name: 'Hide', exact: true }).click();
    await expect.poll(() => manager.getByRole('article', { name: /Feed post reported/ }).count()).toBe(0);
    await manager.getByText('All clear.').waitFor();
  });

  it('lists the team with its activity for the manager', async () => {
    await manager.goto(`${s.server.url}/backoffice/manage/team`);
    await manager.getByRole('table').getByText('Camille').waitFor();
    await manager.getByRole('button', { name: 'Suspend Camille' }).waitFor();
    expect(await seriousViolations(manager)).toEqual([]);
    await bothSizes(manager, 'team');
    await manager.getByRole('button', { name: 'Suspend Camille' }).click();
    await manager.getByRole('form', { name: 'Suspend Camille' }).waitFor();
    await screenshot(manager, 'team-suspend-form-desktop');
    await manager.getByRole('button', { name: 'Cancel' }).click();
  });

  it('suspends a helper with a reason they read where they land, and reinstates them', async () => {
    await manager.getByRole('button', { name: 'Suspend Sam' }).click();
    const form = manager.getByRole('form', { name: 'Suspend Sam' });
    await form.getByRole('textbox', { name: 'Reason (Sam sees it)' }).fill('Several visitors complained about rude answers');
    await form.getByRole('button', { name: 'Suspend' }).click();
    await manager.getByRole('button', { name: 'Reinstate Sam' }).waitFor();

    const sam = await personPage(s.browser, PHONE);
    await sam.goto(`${s.server.url}/backoffice`);
    await sam.getByRole('textbox', { name: 'Email' }).fill('helper4@demo.tribu');
    await sam.getByLabel('Password').fill('tribu-demo');
    await sam.getByRole('button', { name: 'Sign in' }).click();
    await sam.getByText('Your membership of Alpine Threads is suspended: Several visitors complained about rude answers').waitFor();
    await screenshot(sam, 'suspended-member-phone');

    await manager.getByRole('button', { name: 'Reinstate Sam' }).click();
    await manager.getByRole('button', { name: 'Suspend Sam' }).waitFor();
  });

  it("keeps every action in the admin's audit log", async () => {
    const admin = await personPage(s.browser, DESKTOP);
    await signIn(admin, s.server.url, 'admin@demo.tribu');
    await admin.goto(`${s.server.url}/backoffice/manage/audit`);
    const entries = admin.getByRole('list', { name: 'Audit log entries' });
    await entries.getByText('banned a visitor').waitFor();
    await entries.getByText('“Insults a helper”').waitFor();
    await entries.getByText('hid a feed item').waitFor();
    await entries.getByText('suspended a member').waitFor();
    await entries.getByText('reinstated a member').waitFor();
    await admin.getByRole('link', { name: 'Download CSV' }).waitFor();
    expect(await seriousViolations(admin)).toEqual([]);
    await bothSizes(admin, 'audit-log');
  });
});
