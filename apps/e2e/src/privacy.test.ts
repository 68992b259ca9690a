import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { VisitorDataExport } from '@tribu/protocol';
import { personPage, screenshot } from './support/browser.ts';
import { ensureChatOpen, launcher, signIn, visitorLog } from './support/people.ts';
import { hasChromium } from './support/requirements.ts';
import { useScenario } from './support/scenario.ts';

const identity = (page: Page) =>
  page.evaluate(() => {
    const raw = localStorage.getItem('tribu:demo');
    return raw ? (JSON.parse(raw) as { visitorId: string }).visitorId : null;
  });

// One story in order: a visitor who left an email is erased by the site admin on request; another
// visitor chats with a helper, downloads their data, deletes it, and starts again as someone new.
describe.skipIf(!hasChromium)('visitor privacy', () => {
  const s = useScenario();

  it('lets the admin find a visitor by the email they left and erase them in Manage → Privacy', async () => {
    const asker = await personPage(s.browser, { width: 1280, height: 800 });
    await asker.goto(`${s.server.url}/demo`);
    await launcher(asker).getByText('Leave a question').waitFor();
    await launcher(asker).click();
    await asker.getByRole('textbox', { name: /Your email/ }).fill('erase.me@example.com');
    await asker.getByRole('textbox', { name: 'Your message' }).fill('Do the ERASEME boots come in 46?');
    await asker.getByRole('button', { name: 'Send' }).click();
    await asker.getByText('Your question is saved').waitFor();

    const admin = await personPage(s.browser, { width: 1440, height: 900 });
    await signIn(admin, s.server.url, 'admin@demo.tribu');
    await admin.goto(`${s.server.url}/backoffice/manage/privacy`);
    await admin.getByRole('searchbox', { name: 'Email or conversation id' }).fill('Erase.Me@example.com');
    await admin.getByRole('button', { name: 'Find' }).click();
    const record = admin.getByRole('article', { name: /^Visitor / });
    await record.getByText('erase.me@example.com').waitFor();
    await expect.poll(() => record.locator('dd').first().textContent()).toBe('1');
    await screenshot(admin, 'privacy-admin-found-desktop');
    const [file] = await Promise.all([admin.waitForEvent('download'), record.getByRole('button', { name: 'Download data (JSON)' }).click()]);
    const held = JSON.parse(readFileSync((await file.path())!, 'utf8')) as VisitorDataExport;
    expect(held.conversations.map((c) => [c.question, c.email])).toEqual([['Do the ERASEME boots come in 46?', 'erase.me@example.com']]);
    const phone = await personPage(s.browser, { width: 390, height: 844 });
    await signIn(phone, s.server.url, 'admin@demo.tribu');
    await phone.goto(`${s.server.url}/backoffice/manage/privacy`);
    await phone.getByRole('searchbox', { name: 'Email or conversation id' }).fill('erase.me@example.com');
    await phone.getByRole('button', { name: 'Find' }).click();
    await phone
      .getByRole('article', { name: /^Visitor / })
      .getByRole('button', { name: 'Erase data…' })
      .click();
    await screenshot(phone, 'privacy-admin-phone');
    await record.getByRole('button', { name: 'Erase data…' }).click();
    await record.getByRole('textbox', { name: 'Request received from' }).fill('Email of 24 Nov');
    await screenshot(admin, 'privacy-admin-confirm-desktop');
    await record.getByRole('button', { name: 'Erase for good' }).click();
    await record.getByText(/^Erased /).waitFor();
    expect(await record.locator('dd').nth(1).textContent()).toBe('0');
    await record.getByText('No name or email given').waitFor();

    // The erasure is in the audit log, with who asked.
    await admin.goto(`${s.server.url}/backoffice/manage/audit`);
    await admin.getByRole('list', { name: 'Audit log entries' }).getByText("erased a visitor's data").waitFor();
    await admin.getByRole('list', { name: 'Audit log entries' }).getByText("downloaded a visitor's data").waitFor();
    await admin.getByText('“Email of 24 Nov”').waitFor();

    // The email is gone with the rest: searching for it again finds nobody.
    await admin.goto(`${s.server.url}/backoffice/manage/privacy`);
    await admin.getByRole('searchbox', { name: 'Email or conversation id' }).fill('erase.me@example.com');
    await admin.getByRole('button', { name: 'Find' }).click();
    await admin.getByText('No visitor of this site matches.').waitFor();

    // The site can also keep no address hashes at all.
    await admin.goto(`${s.server.url}/backoffice/manage/site`);
    const keep = admin.getByRole('checkbox', { name: /Keep a scrambled trace of each chat's network address/ });
    expect(await keep.isChecked()).toBe(true);
    await keep.uncheck();
    await keep.scrollIntoViewIfNeeded();
    await screenshot(admin, 'privacy-site-settings-desktop');
    await admin.getByRole('button', { name: 'Save settings' }).click();
    await admin.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
    await admin.reload();
    expect(await admin.getByRole('checkbox', { name: /Keep a scrambled trace/ }).isChecked()).toBe(false);

    // The asker's open widget is told at once and starts afresh, without a reload…
    await asker.getByText('Your data was deleted.', { exact: false }).waitFor();
    expect(await asker.getByText('ERASEME', { exact: false }).count()).toBe(0);
    // …and after one it still finds nothing of theirs.
    await asker.reload();
    await ensureChatOpen(asker);
    expect(await visitorLog(asker).textContent()).not.toContain('ERASEME');
    await asker.context().close();
    await phone.context().close();
    await admin.context().close();
  });

  it('lets a visitor download their chat as a file, delete it, and start fresh', async () => {
    await signIn(s.helper, s.server.url, 'helper1@demo.tribu');
    const v = s.visitor;
    await v.goto(`${s.server.url}/demo`);
    await launcher(v)
      .getByText(/Members online now|Usually answers in/)
      .waitFor();
    await ensureChatOpen(v);
    await v.getByRole('textbox', { name: 'Your message' }).fill('Is the KEEPME tent waterproof?');
    await v.getByRole('button', { name: 'Send' }).click();
    await s.helper.getByRole('button', { name: /Take request: Is the KEEPME tent waterproof/ }).click();
    await s.helper.getByRole('textbox', { name: 'Reply' }).fill('Yes, 3000 mm columns.');
    await s.helper.getByRole('button', { name: 'Send' }).click();
    await visitorLog(v).getByText('Yes, 3000 mm columns.').waitFor();
    const firstId = await identity(v);
    expect(firstId).not.toBeNull();

    // A second tab of the same shopper, restoring the chat as pages do.
    const tab = await v.context().newPage();
    await tab.goto(`${s.server.url}/demo`);
    await ensureChatOpen(tab);
    await visitorLog(tab).getByText('Yes, 3000 mm columns.').waitFor();

    await v.getByRole('button', { name: 'Your data' }).click();
    await v.getByRole('button', { name: 'Download my data' }).waitFor();
    await screenshot(v, 'privacy-widget-desktop');
    const [download] = await Promise.all([v.waitForEvent('download'), v.getByRole('button', { name: 'Download my data' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^demo-chat-data-\d{4}-\d{2}-\d{2}\.json$/);
    const data = JSON.parse(readFileSync((await download.path())!, 'utf8')) as VisitorDataExport;
    expect(data.visitor.id).toBe(firstId);
    expect(data.conversations).toHaveLength(1);
    const c = data.conversations[0]!;
    expect(c.question).toBe('Is the KEEPME tent waterproof?');
    expect(c.status).toBe('active');
    expect(c.messages.map((m) => [m.from, m.text])).toEqual([
      ['you', 'Is the KEEPME tent waterproof?'],
      ['helper', 'Yes, 3000 mm columns.'],
    ]);
    expect(c.helpers).toHaveLength(1);
    expect(JSON.stringify(data)).not.toContain('ERASEME');

    await v.getByRole('button', { name: 'Delete my data' }).click();
    await v.getByRole('alertdialog', { name: 'Delete all your data on this site?' }).waitFor();
    await screenshot(v, 'privacy-widget-confirm-desktop');
    await v.getByRole('button', { name: 'Yes, delete everything' }).click();
    await v.getByText('Your data was deleted.').waitFor();
    await screenshot(v, 'privacy-widget-erased-desktop');
    // The other tab starts fresh too, without a reload.
    await tab.getByText('Your data was deleted.').waitFor();
    expect(await visitorLog(tab).textContent()).not.toContain('KEEPME');
    await tab.close();
    expect(await visitorLog(v).textContent()).not.toContain('KEEPME');
    expect(await identity(v)).toBeNull();
    // The helper saw the chat end, like a visitor leaving.
    await s.helper.getByText('The visitor ended the chat.').waitFor();

    // A new question starts as someone new.
    await v.getByRole('textbox', { name: 'Your message' }).fill('A brand new question');
    await v.getByRole('button', { name: 'Send' }).click();
    await visitorLog(v).getByText('A brand new question').waitFor();
    await expect.poll(() => identity(v)).not.toBeNull();
    expect(await identity(v)).not.toBe(firstId);
    await v.reload();
    await ensureChatOpen(v);
    await visitorLog(v).getByText('A brand new question').waitFor();
    expect(await visitorLog(v).textContent()).not.toContain('KEEPME');
  });

  it('shows the privacy controls on a phone', async () => {
    const phone = await personPage(s.browser, { width: 390, height: 844 });
    await phone.goto(`${s.server.url}/demo`);
    await launcher(phone).click();
    await phone.getByRole('textbox', { name: 'Your message' }).fill('Phone KEEPME question');
    await phone.getByRole('button', { name: 'Send' }).click();
    await visitorLog(phone).getByText('Phone KEEPME question').waitFor();
    await visitorLog(phone).getByText('Sending…').waitFor({ state: 'hidden' });
    await screenshot(phone, 'privacy-widget-chat-phone');
    await phone.getByRole('button', { name: 'Your data' }).click();
    await phone.getByRole('button', { name: 'Download my data' }).waitFor();
    await screenshot(phone, 'privacy-widget-phone');
    await phone.getByRole('button', { name: 'Delete my data' }).click();
    await phone.getByRole('button', { name: 'Keep my data' }).waitFor();
    await screenshot(phone, 'privacy-widget-confirm-phone');
    await phone.getByRole('button', { name: 'Keep my data' }).click();
    await phone.getByRole('button', { name: 'Delete my data' }).waitFor();
    await phone.context().close();
  });
});
