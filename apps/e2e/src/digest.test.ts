import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, personPage, screenshot } from './support/browser.ts';
import { seriousViolations } from './support/axe.ts';
import { signIn } from './support/people.ts';
import { hasChromium } from './support/requirements.ts';
import { printServerOutputOnFailure, startServer, type RunningServer } from './support/server.ts';
import { startSmtpSink } from './support/smtp-sink.ts';

const SUBJECT = 'Alpine Threads, two weeks together';
const NOTE = 'Thank you all: the new jackets brought many questions and you answered them.';

// Morgane (a manager) drafts the last period's digest, writes her note, previews it, sends herself a
// test, then sends it: every helper gets it with a one-click unsubscribe, and it moves to the archive.
describe.skipIf(!hasChromium)('the digest: a manager edits and sends it, and it appears in the archive', () => {
  let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
  let server: RunningServer;
  let browser: Browser;
  let manager: Page;
  beforeAll(async () => {
    smtp = await startSmtpSink();
    server = await startServer({ SMTP_URL: smtp.url });
    browser = await launchBrowser();
    manager = await personPage(browser, { width: 1440, height: 900 });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await smtp?.close();
  });
  printServerOutputOnFailure(() => server);

  const mailsTo = (address: string) => smtp.mails.filter((m) => m.includes(`To: ${address}`) && m.includes(SUBJECT));
  const frame = () => manager.frameLocator('iframe[title="The digest as HTML"]');

  it('drafts the last period and lets the manager write a note and preview it as HTML and text', async () => {
    await signIn(manager, server.url, 'manager@demo.tribu');
    await manager.goto(`${server.url}/backoffice/manage/digest`);
    await manager.getByRole('navigation', { name: 'Manage' }).getByRole('link', { name: 'Digest' }).waitFor();
    await manager.getByText('No draft waiting.').waitFor();
    await manager.getByRole('button', { name: 'Draft last period' }).click();
    await manager.getByRole('heading', { name: 'Draft' }).waitFor();
    await manager.getByRole('textbox', { name: 'Subject' }).fill(SUBJECT);
    await manager.getByRole('textbox', { name: 'Your note' }).fill(NOTE);
    await manager.getByText('Save to see your changes here.').waitFor();
    await manager.getByRole('button', { name: 'Save draft' }).click();
    await manager.getByRole('status').getByText('Saved.').waitFor();
    await frame().getByText(NOTE).waitFor();
    await frame().getByRole('heading', { name: 'A word from the team' }).waitFor();
    await screenshot(manager, 'digest-draft-1440');
    await manager.getByRole('tab', { name: 'Plain text' }).click();
    expect(await manager.getByLabel('The digest as plain text').textContent()).toContain(`A WORD FROM THE TEAM\n${NOTE}`);
    await manager.getByRole('tab', { name: 'HTML' }).click();
    expect(await seriousViolations(manager)).toEqual([]);
    await manager.setViewportSize({ width: 390, height: 844 });
    await screenshot(manager, 'digest-draft-390');
    await manager.setViewportSize({ width: 1440, height: 900 });
  });

  it('sends a test to the manager alone', async () => {
    await manager.getByRole('button', { name: 'Send me a test' }).click();
    await manager.getByRole('status').getByText('Test sent to manager@demo.tribu.').waitFor();
    await expect.poll(() => mailsTo('manager@demo.tribu').length, { timeout: 10_000 }).toBe(1);
    expect(mailsTo('manager@demo.tribu')[0]).toContain(`Subject: [Test] ${SUBJECT}`);
    expect(mailsTo('helper1@demo.tribu')).toEqual([]);
  });

  it('sends it to the helpers after a confirmation, once each, and files it in the archive', async () => {
    await manager.getByRole('button', { name: 'Send to helpers…' }).click();
    const confirm = manager.getByRole('group', { name: 'Confirm sending' });
    await confirm.getByText(/^Send to \d+ members\?$/).waitFor();
    await confirm.getByRole('button', { name: 'Yes, send it' }).click();
    const archive = manager.getByRole('list', { name: 'Sent digests' });
    await archive.getByRole('button', { name: /Sent to \d+/ }).waitFor({ timeout: 20_000 });
    await manager.getByText('No draft waiting.').waitFor();
    // Every helper of the demo, once; the manager's own copy besides the test.
    for (const who of ['helper1', 'helper2', 'helper3', 'helper4', 'helper5', 'newcomer']) {
      await expect.poll(() => mailsTo(`${who}@demo.tribu`).length, { timeout: 10_000 }).toBe(1);
    }
    expect(mailsTo('manager@demo.tribu')).toHaveLength(2);
    // Headers as a mail program reads them: folded lines joined (RFC 5322 unfolding).
    const mail = mailsTo('helper1@demo.tribu')[0]!.replace(/\r\n(?=[ \t])/g, '');
    expect(mail).toContain(`Subject: ${SUBJECT}`);
    expect(mail).toMatch(/List-Unsubscribe: <http:\/\/localhost:\d+\/api\/digest\/unsubscribe\?token=[0-9a-f-]{36}\.[A-Za-z0-9_-]{43}>/);
    expect(mail).toContain('List-Unsubscribe-Post: List-Unsubscribe=One-Click');
    expect(mail).toContain(NOTE);
    // The archived digest reads as it went out.
    await archive.getByRole('button').first().click();
    await manager.getByRole('heading', { name: SUBJECT }).waitFor();
    await frame().getByText(NOTE).waitFor();
    await screenshot(manager, 'digest-archive-1440');
    expect(await seriousViolations(manager)).toEqual([]);
    await manager.setViewportSize({ width: 390, height: 844 });
    await screenshot(manager, 'digest-archive-390');
    await manager.setViewportSize({ width: 1440, height: 900 });
  });

  it('lets a helper unsubscribe from the mail’s link with one button, and sends them nothing more', async () => {
    const mail = mailsTo('helper2@demo.tribu')[0]!;
    const link = /http:\/\/localhost:\d+\/backoffice\/unsubscribe#[0-9a-f-]{36}\.[A-Za-z0-9_-]{43}/.exec(mail)![0];
    for (const [width, height] of [
      [390, 844],
      [1440, 900],
    ] as const) {
      const page = await personPage(browser, { width, height });
      await page.goto(link);
      await page.getByRole('button', { name: 'Unsubscribe' }).waitFor();
      await screenshot(page, `digest-unsubscribe-${width}`);
      expect(await seriousViolations(page)).toEqual([]);
      await page.getByRole('button', { name: 'Unsubscribe' }).click();
      await page.getByRole('status').getByText('No more digests will come to you.').waitFor();
      if (width === 1440) await screenshot(page, 'digest-unsubscribed-1440');
      await page.close();
    }
    // A tampered link is refused with words a person understands.
    const page = await personPage(browser, { width: 390, height: 844 });
    await page.goto(link.slice(0, -3) + 'xyz');
    await page.getByRole('button', { name: 'Unsubscribe' }).click();
    await page.getByRole('alert').getByText('This unsubscribe link is not valid; turn the digest off under My profile instead').waitFor();
    await page.close();
    // The helper's profile says so too.
    const helper = await personPage(browser, { width: 1440, height: 900 });
    await signIn(helper, server.url, 'helper2@demo.tribu');
    await helper.goto(`${server.url}/backoffice/profile`);
    const section = helper.getByRole('region', { name: 'Community digest' });
    expect(await section.getByRole('checkbox', { name: 'Send me the community digest by mail' }).isChecked()).toBe(false);
    expect(await section.getByRole('checkbox', { name: 'Name me when one of my answers is among the best-rated' }).isChecked()).toBe(false);
    await section.scrollIntoViewIfNeeded();
    await screenshot(helper, 'digest-profile-1440');
    await helper.setViewportSize({ width: 390, height: 844 });
    await section.scrollIntoViewIfNeeded();
    await screenshot(helper, 'digest-profile-390');
    await helper.close();
  });

  it('shows the digest frequency in the site settings', async () => {
    const admin = await personPage(browser, { width: 1440, height: 900 });
    await signIn(admin, server.url, 'admin@demo.tribu');
    await admin.goto(`${server.url}/backoffice/manage/site`);
    const card = admin.getByRole('region', { name: 'Community digest' });
    const select = card.getByRole('combobox', { name: 'Draft a digest' });
    expect(await select.inputValue()).toBe('fortnightly');
    await select.selectOption('monthly');
    await admin.getByRole('button', { name: 'Save settings' }).click();
    await admin.getByText('Saved. Visitors see the new settings within seconds.').waitFor();
    await card.scrollIntoViewIfNeeded();
    await screenshot(admin, 'digest-settings-1440');
    await admin.setViewportSize({ width: 390, height: 844 });
    await card.scrollIntoViewIfNeeded();
    await screenshot(admin, 'digest-settings-390');
    await admin.close();
    await manager.reload();
    await manager.getByText('Tribu drafts one every month.').waitFor();
  });
});
