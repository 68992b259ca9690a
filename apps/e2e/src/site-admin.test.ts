import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { seriousViolations } from './support/axe.ts';
import { personPage, screenshot } from './support/browser.ts';
import { ensureChatOpen, launcher, signIn, visitorLog } from './support/people.ts';
import { hasChromium } from './support/requirements.ts';
import { useScenario } from './support/scenario.ts';

const NEW_TEXT = 'Ask a fellow hiker';
const NEW_COLOR = '#8a1c12';

/** The launcher's text and background colour as the visitor's browser draws them. */
const launcherLook = (page: Page) => launcher(page).evaluate((el) => ({ text: el.textContent ?? '', background: getComputedStyle(el).backgroundColor }));

describe.skipIf(!hasChromium)('site administration in the backoffice', () => {
  const s = useScenario();
  let admin: Page;

  beforeAll(async () => {
    admin = s.helper;
    await signIn(admin, s.server.url, 'admin@demo.tribu');
  });

  it('changes the launcher text and colour with a live preview, and the visitor sees them without a restart', async () => {
    await s.visitor.goto(`${s.server.url}/demo`);
    expect((await launcherLook(s.visitor)).text).toContain('Ask the community');

    await admin.goto(`${s.server.url}/backoffice/manage/site`);
    await admin.getByRole('heading', { name: 'Site settings', level: 1 }).waitFor();
    const preview = admin.getByTestId('preview-launcher');
    await expect.poll(() => preview.textContent()).toContain('Ask the community');

    // A wrong origin is explained beside the field, as it is typed.
    const origins = admin.getByRole('textbox', { name: 'Allowed origins' });
    await origins.fill('self\nshop.example/products');
    await admin.getByText('"shop.example/products" must start with https://').waitFor();
    await origins.fill('self');

    await admin.getByRole('textbox', { name: 'Launcher text' }).fill(NEW_TEXT);
    await expect.poll(() => preview.textContent()).toContain(NEW_TEXT);
    await admin.getByRole('textbox', { name: 'Brand colour', exact: true }).fill(NEW_COLOR);
    await expect.poll(() => preview.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(138, 28, 18)');
    // A pale colour is flagged; the chosen one is fine.
    await admin.getByRole('textbox', { name: 'Brand colour', exact: true }).fill('#f4f4f4');
    await admin.getByText('hard to spot on a white page').waitFor();
    await admin.getByRole('textbox', { name: 'Brand colour', exact: true }).fill(NEW_COLOR);
    await expect.poll(() => admin.getByText('hard to spot on a white page').count()).toBe(0);
    await admin.getByRole('radio', { name: /Hide the launcher/ }).check();
    await admin.getByRole('button', { name: 'Nobody online' }).click();
    await admin.getByText('The launcher is hidden while nobody can answer').waitFor();
    await admin.getByRole('button', { name: 'Helpers online' }).click();

    await admin.getByRole('textbox', { name: 'Launcher text' }).scrollIntoViewIfNeeded();
    await screenshot(admin, 'site-settings-desktop');
    await admin.getByRole('button', { name: 'Save settings' }).click();
    await admin.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();

    // The widget's state endpoint may be cached for a few seconds: reload until it shows, no restart.
    await expect
      .poll(
        async () => {
          await s.visitor.reload();
          const look = await launcherLook(s.visitor);
          return `${look.text.includes(NEW_TEXT)} ${look.background}`;
        },
        { timeout: 30_000, interval: 2_000 },
      )
      .toBe('true rgb(138, 28, 18)');
    await screenshot(s.visitor, 'site-settings-visitor-after');
  });

  it('changes a role and invites an admin from People and roles, with nothing an assistive technology trips on', async () => {
    const people = admin.getByRole('region', { name: 'People and roles' });
    await people.scrollIntoViewIfNeeded();
    expect(await people.getByRole('combobox', { name: 'Role of Alex (admin)' }).isDisabled()).toBe(true);
    await people.getByRole('combobox', { name: 'Role of Camille' }).selectOption('moderator');
    await people.getByRole('status').filter({ hasText: 'Camille is now a community manager.' }).waitFor();

    await people.getByRole('textbox', { name: 'Name' }).fill('Dana');
    await people.getByRole('textbox', { name: 'Email' }).fill('dana@alpine.example');
    await people.getByRole('combobox', { name: 'Role', exact: true }).selectOption('admin');
    await people.getByRole('button', { name: 'Send invitation' }).click();
    const sent = people.getByRole('status').filter({ hasText: 'Invitation ready for dana@alpine.example' });
    await sent.waitFor();
    expect(await sent.getByRole('textbox', { name: 'Invitation link' }).inputValue()).toContain('/backoffice/invite/');
    await screenshot(admin, 'site-settings-roles-desktop');
    expect(await seriousViolations(admin)).toEqual([]);
    await people.getByRole('combobox', { name: 'Role of Camille' }).selectOption('helper');
    await people.getByRole('status').filter({ hasText: 'Camille is now a helper.' }).waitFor();
  });

  it('shows the settings on a phone', async () => {
    const phone = await personPage(s.browser, { width: 390, height: 844 });
    await signIn(phone, s.server.url, 'admin@demo.tribu');
    await phone.goto(`${s.server.url}/backoffice/manage/site`);
    await phone.getByRole('heading', { name: 'Site settings', level: 1 }).waitFor();
    await expect.poll(() => phone.getByRole('textbox', { name: 'Launcher text' }).inputValue()).toBe(NEW_TEXT);
    await screenshot(phone, 'site-settings-phone');
    // With unsaved changes, Save stays at the bottom of the screen.
    await phone.getByRole('textbox', { name: 'Chat title' }).fill('Hikers answer');
    await phone.getByRole('button', { name: 'Save settings' }).waitFor();
    expect(await phone.getByRole('button', { name: 'Save settings' }).isVisible()).toBe(true);
    await screenshot(phone, 'site-settings-phone-unsaved');
    await phone.getByRole('button', { name: 'Discard changes' }).click();
    await phone.getByRole('region', { name: 'Widget preview' }).scrollIntoViewIfNeeded();
    await screenshot(phone, 'site-settings-phone-preview');
    await phone.getByRole('region', { name: 'People and roles' }).scrollIntoViewIfNeeded();
    await screenshot(phone, 'site-settings-phone-roles');
    await phone.context().close();
  });

  it('asks visitors to accept the privacy notice once the admin ticks it: the widget holds the first message until they do', async () => {
    await admin.goto(`${s.server.url}/backoffice/manage/site`);
    await admin.getByRole('heading', { name: 'Site settings', level: 1 }).waitFor();
    const before = admin.getByRole('group', { name: 'Before the chat' });
    expect(await before.getByRole('group', { name: "Visitor's name" }).getByRole('radio', { name: 'Not asked' }).isChecked()).toBe(true);
    expect(await before.getByRole('group', { name: "Visitor's email" }).getByRole('radio', { name: 'Not asked' }).isChecked()).toBe(true);
    const consent = before.getByRole('checkbox', { name: /Ask visitors to accept the privacy notice before they chat/ });
    await consent.check();
    await before.scrollIntoViewIfNeeded();
    await screenshot(admin, 'site-settings-prechat-desktop');
    await admin.getByRole('button', { name: 'Save settings' }).click();
    await admin.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();

    const phone = await personPage(s.browser, { width: 390, height: 844 });
    await signIn(phone, s.server.url, 'admin@demo.tribu');
    await phone.goto(`${s.server.url}/backoffice/manage/site`);
    const phoneBefore = phone.getByRole('group', { name: 'Before the chat' });
    await expect.poll(() => phoneBefore.getByRole('checkbox', { name: /Ask visitors to accept/ }).isChecked()).toBe(true);
    await phoneBefore.scrollIntoViewIfNeeded();
    await screenshot(phone, 'site-settings-prechat-phone');
    await phone.context().close();

    const helper = await personPage(s.browser, { width: 1280, height: 800 });
    await signIn(helper, s.server.url, 'helper1@demo.tribu');
    const visitor = await personPage(s.browser, { width: 1280, height: 800 });
    const notice = visitor.getByRole('checkbox', { name: 'I agree that my messages are kept to answer me, as described in the privacy policy.' });
    // The widget's state endpoint may be cached for a few seconds: reload until it asks, no restart.
    await expect
      .poll(
        async () => {
          await visitor.goto(`${s.server.url}/demo`);
          await ensureChatOpen(visitor);
          return notice.isVisible();
        },
        { timeout: 30_000, interval: 2_000 },
      )
      .toBe(true);

    const question = 'Do the Ridge socks come in size 46?';
    await visitor.getByRole('textbox', { name: 'Your message' }).fill(question);
    await visitor.getByRole('button', { name: 'Send' }).click();
    await visitor.getByRole('alert').filter({ hasText: 'Please fill in the fields above to start the chat.' }).waitFor();
    expect(await visitor.getByRole('textbox', { name: 'Your message' }).inputValue()).toBe(question);
    expect(await visitorLog(visitor).getByText(question).count()).toBe(0);
    await screenshot(visitor, 'widget-consent');

    await notice.check();
    await visitor.getByRole('button', { name: 'Send' }).click();
    await visitorLog(visitor).getByText(question).waitFor();
    await helper.getByRole('region', { name: 'Incoming requests' }).getByText(question).waitFor();
    await visitor.context().close();
    await helper.context().close();
  });

  it('lets the operator create a site, with the first admin invited and the embed tag to copy', async () => {
    await admin.getByRole('link', { name: 'Operator' }).click();
    await admin.getByRole('heading', { name: 'Sites on this install' }).waitFor();
    await admin.getByRole('row', { name: /Alpine Threads/ }).waitFor();

    await admin.getByRole('textbox', { name: 'Site name' }).fill('Bikes & Co');
    expect(await admin.getByRole('textbox', { name: 'Site key' }).inputValue()).toBe('bikes-co');
    await admin.getByRole('textbox', { name: 'Allowed origins' }).fill('https://bikes.example');
    await admin.getByRole('textbox', { name: "First admin's name" }).fill('Zoé');
    await admin.getByRole('textbox', { name: "First admin's email" }).fill('zoe@bikes.example');
    await admin.getByRole('button', { name: 'Create site and invite admin' }).click();

    const done = admin.getByRole('status').filter({ hasText: 'Bikes & Co is ready' });
    await done.waitFor();
    expect(await done.getByRole('textbox', { name: 'Invitation link' }).inputValue()).toContain('/backoffice/invite/');
    expect(await done.getByRole('textbox', { name: 'Embed tag' }).inputValue()).toContain('data-site="bikes-co"');
    await admin.getByRole('row', { name: /Bikes & Co/ }).waitFor();
    await screenshot(admin, 'operator-desktop');
    expect(await seriousViolations(admin)).toEqual([]);

    // The same key again is refused beside the field.
    await admin.getByRole('textbox', { name: 'Site name' }).fill('Bikes & Co');
    await admin.getByRole('textbox', { name: "First admin's name" }).fill('Zoé');
    await admin.getByRole('textbox', { name: "First admin's email" }).fill('zoe@bikes.example');
    await admin.getByRole('button', { name: 'Create site and invite admin' }).click();
    await admin.getByText('The key "bikes-co" is taken; choose another').waitFor();

    const phone = await personPage(s.browser, { width: 390, height: 844 });
    await signIn(phone, s.server.url, 'admin@demo.tribu');
    await phone.goto(`${s.server.url}/backoffice/operator`);
    await phone.getByRole('row', { name: /Bikes & Co/ }).waitFor();
    await screenshot(phone, 'operator-phone');
    await phone.context().close();
  });

  it('keeps the operator page from a helper, and site settings from helpers and community managers', async () => {
    const helper = await personPage(s.browser, { width: 1280, height: 800 });
    await signIn(helper, s.server.url, 'helper1@demo.tribu');
    expect(await helper.getByRole('link', { name: 'Operator' }).count()).toBe(0);
    await helper.goto(`${s.server.url}/backoffice/operator`);
    await helper.getByText('This page is for the operator of this Tribu install').waitFor();
    await helper.goto(`${s.server.url}/backoffice/manage/site`);
    await helper.getByText("Only this site's admins can open this page").waitFor();
    await helper.context().close();

    // A community manager manages the community, not the site's settings.
    const manager = await personPage(s.browser, { width: 1280, height: 800 });
    await signIn(manager, s.server.url, 'manager@demo.tribu');
    await manager.goto(`${s.server.url}/backoffice/manage/site`);
    await manager.getByRole('alert').getByText("Only this site's admins can open this page").waitFor();
    expect(await manager.getByRole('link', { name: 'Site settings' }).count()).toBe(0);
    await manager.context().close();
  });
});
