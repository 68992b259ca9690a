import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { seriousViolations } from './support/axe.ts';
import { launchBrowser, personPage, screenshot } from './support/browser.ts';
import { ensureChatOpen, signIn, visitorLog } from './support/people.ts';
import { hasChromium } from './support/requirements.ts';
import { printServerOutputOnFailure, startServer, type RunningServer } from './support/server.ts';

const DESKTOP = { width: 1440, height: 900 };
const PHONE = { width: 390, height: 844 };

describe.skipIf(!hasChromium)('recruitment: someone applies, a manager accepts, the invitation lets them in', () => {
  let server: RunningServer;
  let browser: Browser;
  let zoe: Page;
  let manager: Page;
  let link = '';

  beforeAll(async () => {
    // No SMTP_URL: the manager gets the invitation link to pass on.
    server = await startServer();
    browser = await launchBrowser();
    zoe = await personPage(browser, DESKTOP);
    const context = await browser.newContext({ viewport: DESKTOP });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
    manager = await context.newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
  printServerOutputOnFailure(() => server);

  it('takes an application on the public "Become a helper" page, without signing in', async () => {
    await zoe.goto(`${server.url}/backoffice/join/demo`);
    await zoe.getByRole('heading', { name: 'Become a helper' }).waitFor();
    await zoe.getByRole('list', { name: 'What helpers do' }).getByText('No quotas, no pressure.').waitFor();
    expect(await seriousViolations(zoe)).toEqual([]);
    await screenshot(zoe, 'recruitment-join-desktop');

    const form = zoe.getByRole('form', { name: 'Application' });
    await form.getByRole('textbox', { name: 'Your name' }).fill('Zoé Martin');
    await form.getByRole('textbox', { name: 'Email' }).fill('zoe.martin@example.com');
    await form.getByRole('checkbox', { name: 'Français' }).check();
    await form.getByRole('checkbox', { name: 'English' }).check();
    await form
      .getByRole('textbox', { name: 'Why would you like to help?' })
      .fill('I hike every weekend in your gear and love helping people pick the right size.');
    await form.getByRole('textbox', { name: 'Your experience with Alpine Threads' }).fill('Customer for four years: Summit Jacket, merino layers.');
    await form.getByRole('textbox', { name: 'Which Alpine Threads products do you use, and for what?' }).fill('The Summit Jacket for alpine hikes.');
    await form.getByRole('button', { name: 'Send my application' }).click();
    await zoe.getByRole('heading', { name: 'Your application is on its way, Zoé' }).waitFor();
    await zoe.getByText('zoe.martin@example.com').waitFor();
    await screenshot(zoe, 'recruitment-join-thanks');

    const phone = await personPage(browser, PHONE);
    await phone.goto(`${server.url}/backoffice/join/demo`);
    await phone.getByRole('button', { name: 'Send my application' }).waitFor();
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await screenshot(phone, 'recruitment-join-phone');
    await phone.context().close();
  });

  it('lets the community manager read it, accept it and copy the invitation link', async () => {
    await signIn(manager, server.url, 'manager@demo.tribu');
    await manager.goto(`${server.url}/backoffice/manage/applications`);
    const funnel = manager.getByRole('region', { name: 'Recruitment funnel' });
    await funnel.getByText('Communities usually see about 1 in 4.', { exact: false }).waitFor();
    const newTab = manager.getByRole('tab', { name: /^New/ });
    expect(await newTab.getAttribute('aria-selected')).toBe('true');
    expect(await newTab.textContent()).toContain('3');

    const card = manager.getByRole('article', { name: 'Application from Zoé Martin' });
    await card.getByText('I hike every weekend in your gear', { exact: false }).waitFor();
    await card.getByText('The Summit Jacket for alpine hikes.').waitFor();
    // The applicant's languages, named in the reader's language (an English-speaking manager reads French).
    await card.getByText('French', { exact: true }).waitFor();
    expect(await seriousViolations(manager)).toEqual([]);
    await screenshot(manager, 'recruitment-applications-desktop');

    await card.getByRole('button', { name: 'Accept' }).click();
    const ready = manager.getByRole('status', { name: 'Invitation ready' });
    await ready.getByText('Zoé Martin is accepted.').waitFor();
    const field = ready.getByRole('textbox', { name: 'Invitation link for Zoé Martin' });
    link = await field.inputValue();
    expect(link).toMatch(/\/backoffice\/invite\/[A-Za-z0-9_-]{43}$/);
    await ready.getByRole('button', { name: 'Copy invitation link for Zoé Martin' }).click();
    await ready.getByRole('button', { name: 'Copy invitation link for Zoé Martin' }).getByText('Copied').waitFor();
    expect(await manager.evaluate(() => navigator.clipboard.readText())).toBe(link);
    await screenshot(manager, 'recruitment-applications-accepted');

    // She moved to the Accepted tab, not joined yet.
    await manager.getByRole('tab', { name: /^Accepted/ }).click();
    await manager.getByRole('article', { name: 'Application from Zoé Martin' }).waitFor();

    await manager.setViewportSize(PHONE);
    await manager.getByRole('tab', { name: /^New/ }).click();
    await manager.getByRole('article', { name: 'Application from Tom Becker' }).waitFor();
    const list = await manager.getByRole('region', { name: 'Applications by status' }).boundingBox();
    expect(list!.x + list!.width).toBeLessThanOrEqual(PHONE.width);
    await screenshot(manager, 'recruitment-applications-phone');
  });

  it('lets the new helper set a password, accept the charter and land on the desk with the getting-started steps', async () => {
    expect(link).not.toBe('');
    await zoe.goto(link);
    const form = zoe.getByRole('form', { name: 'Join the community' });
    await zoe.getByRole('heading', { name: 'Welcome to the Alpine Threads community' }).waitFor();
    await form.getByText('zoe.martin@example.com').waitFor();
    expect(await form.getByRole('textbox', { name: 'Your name, as peers and visitors will see it' }).inputValue()).toBe('Zoé Martin');
    await form.getByLabel('Password').fill('a walk in the woods');
    const charter = form.getByRole('checkbox', { name: 'I have read the charter and I accept it' });
    if (await charter.count()) await charter.check();
    expect(await seriousViolations(zoe)).toEqual([]);
    await screenshot(zoe, 'recruitment-invitation');
    await form.getByRole('button', { name: 'Join Alpine Threads' }).click();

    await zoe.getByRole('region', { name: 'Incoming requests' }).waitFor();
    await zoe.getByRole('region', { name: 'Getting started' }).waitFor();
    await screenshot(zoe, 'recruitment-first-desk');

    // The link worked once.
    const again = await personPage(browser, DESKTOP);
    await again.goto(link);
    await again.getByRole('alert').getByText('This invitation has already been used.', { exact: false }).waitFor();
    await again.context().close();

    // The manager sees her as joined.
    await manager.setViewportSize(DESKTOP);
    await manager.reload();
    await manager.getByRole('tab', { name: /^Accepted/ }).click();
    await manager.getByRole('article', { name: 'Application from Zoé Martin' }).getByText('Joined the community', { exact: false }).waitFor();
  });

  it('offers the public page in the widget to a visitor who rates an answer 5 stars', async () => {
    const helper = await personPage(browser, DESKTOP);
    const visitor = await personPage(browser, { width: 1280, height: 800 });
    await signIn(helper, server.url, 'helper1@demo.tribu');
    await visitor.goto(`${server.url}/demo`);
    await ensureChatOpen(visitor);
    await visitor.getByRole('textbox', { name: 'Your message' }).fill('Is the Summit Jacket warm enough for winter?');
    await visitor.getByRole('button', { name: 'Send' }).click();
    const board = helper.getByRole('region', { name: 'Incoming requests' });
    await board
      .getByRole('button', { name: /Take request/ })
      .first()
      .click();
    await helper.getByRole('textbox', { name: 'Reply' }).fill('With a fleece under it, yes: I wear it at -10 °C.');
    await helper.getByRole('button', { name: 'Send' }).click();
    await visitorLog(visitor).getByText('I wear it at -10 °C').waitFor();
    await helper.getByRole('button', { name: 'End chat' }).click();
    await visitor.getByRole('button', { name: /^5 stars/ }).click();
    await visitor.getByRole('button', { name: 'Send rating' }).click();
    const join = visitor.getByRole('link', { name: 'Love Alpine Threads? Become a helper' });
    await join.waitFor();
    expect(await join.getAttribute('target')).toBe('_blank');
    await screenshot(visitor, 'recruitment-widget-link');
    const [tab] = await Promise.all([visitor.context().waitForEvent('page'), join.click()]);
    await tab.getByRole('heading', { name: 'Become a helper' }).waitFor();
    expect(new URL(tab.url()).pathname).toBe('/backoffice/join/demo');
    await helper.context().close();
    await visitor.context().close();
  });
});
