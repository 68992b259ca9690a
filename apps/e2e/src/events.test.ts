import { afterAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { personPage, screenshot } from './support/browser.ts';
import { seriousViolations } from './support/axe.ts';
import { signIn } from './support/people.ts';
import { hasChromium } from './support/requirements.ts';
import { useScenario } from './support/scenario.ts';

const MEETUP = 'Coffee with the team';
const TEST = 'Rain shell field test';

// One story: Morgane sets up a meetup with one seat; Jonas takes it; Camille finds it full and
// joins the waiting list; Jonas cannot come after all, and the seat goes to Camille at once — her
// page says so without a reload and her bell rings. Then a product test: guide, feedback, report.
describe.skipIf(!hasChromium)('events: a full meetup, the waiting list, and the seat handed on', { timeout: 120_000 }, () => {
  const s = useScenario();
  let manager: Page;
  let jonas: Page;
  afterAll(async () => {
    await manager?.close();
    await jonas?.close();
  });
  const card = (page: Page, title: string) => page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: title }) });

  it('lets the manager create a meetup with one seat, dates in the site’s time zone', async () => {
    manager = await personPage(s.browser, { width: 1440, height: 900 });
    await signIn(manager, s.server.url, 'manager@demo.tribu');
    await manager.goto(`${s.server.url}/backoffice/manage/events`);
    await manager.getByRole('navigation', { name: 'Manage' }).getByRole('link', { name: 'Events' }).waitFor();
    await manager.getByRole('button', { name: 'New event' }).click();
    await manager.getByRole('textbox', { name: 'Title' }).fill(MEETUP);
    await manager.getByRole('textbox', { name: 'Description' }).fill('An hour to meet the people behind the shop, and say what you would change.');
    await manager.getByRole('spinbutton', { name: /Seats/ }).fill('1');
    await manager.getByRole('textbox', { name: /Place/ }).fill('Atelier, 12 rue de la Paix, Paris');
    await screenshot(manager, 'events-editor-1440');
    await manager.setViewportSize({ width: 390, height: 844 });
    await screenshot(manager, 'events-editor-390');
    await manager.setViewportSize({ width: 1440, height: 900 });
    await manager.getByRole('button', { name: 'Create event' }).click();
    await manager.getByRole('heading', { name: MEETUP, level: 2 }).waitFor();
    await manager.getByText('Nobody yet.').waitFor();
    expect(await seriousViolations(manager)).toEqual([]);
  });

  it('gives the one seat to the first helper who answers', async () => {
    jonas = await personPage(s.browser, { width: 1440, height: 900 });
    await signIn(jonas, s.server.url, 'helper2@demo.tribu');
    await jonas.getByRole('navigation').getByRole('link', { name: 'Events' }).click();
    await card(jonas, MEETUP)
      .getByRole('button', { name: `I’ll come to “${MEETUP}”` })
      .click();
    await jonas.getByRole('status').getByText(`You’re going to “${MEETUP}”.`).waitFor();
    await card(jonas, MEETUP).getByText('You’re going').waitFor();
  });

  it('puts the next helper on the waiting list of the full meetup', async () => {
    await signIn(s.helper, s.server.url, 'helper1@demo.tribu');
    // The desk shows what is coming up, and leads to the Events page.
    const teaser = s.helper.getByRole('region', { name: 'Coming up' });
    await teaser.getByRole('link', { name: MEETUP }).waitFor();
    await teaser.getByText('Full (1 seat)').waitFor();
    await screenshot(s.helper, 'events-desk-1440');
    await s.helper.setViewportSize({ width: 390, height: 844 });
    await s.helper.getByRole('navigation', { name: 'Desk' }).getByRole('button', { name: 'Community' }).click();
    await teaser.waitFor();
    await screenshot(s.helper, 'events-desk-390');
    await s.helper.setViewportSize({ width: 1440, height: 900 });
    await teaser.getByRole('link', { name: 'All events' }).click();
    const meetup = card(s.helper, MEETUP);
    // A page of its own opens its own socket: on a loaded machine its first answer may take a while.
    await meetup.getByText('Full (1 seat)').waitFor({ timeout: 45_000 });
    await meetup.getByRole('button', { name: `Join the waiting list of “${MEETUP}”` }).click();
    await s.helper.getByRole('status').getByText(`“${MEETUP}” is full: you’re #1 on the waiting list.`, { exact: false }).waitFor();
    await meetup.getByText('On the waiting list · you’re next').waitFor();
    await meetup.getByText('Full (1 seat) · 1 waiting').waitFor();
    expect(await seriousViolations(s.helper)).toEqual([]);
    await screenshot(s.helper, 'events-waiting-1440');
    await s.helper.setViewportSize({ width: 390, height: 844 });
    await screenshot(s.helper, 'events-waiting-390');
    await s.helper.setViewportSize({ width: 1440, height: 900 });
  });

  it('hands the seat to the waiting helper when the other cancels: live on her page and on her bell', async () => {
    await card(jonas, MEETUP)
      .getByRole('button', { name: `I can’t come after all: “${MEETUP}”` })
      .click();
    await jonas.getByRole('status').getByText(`You left “${MEETUP}”.`).waitFor();

    const meetup = card(s.helper, MEETUP);
    await meetup.getByText('You’re going').waitFor({ timeout: 5000 });
    await meetup.getByText('Full (1 seat)', { exact: true }).waitFor();
    expect(await meetup.getByText('On the waiting list').count()).toBe(0);
    // The demo may have told Camille other things before: the bell counts at least this one.
    const bell = s.helper.getByRole('button', { name: /^Notifications\W+\d+ unread$/ });
    await bell.click();
    await s.helper.getByRole('dialog', { name: 'Notifications' }).getByText(`A seat freed up: you are going to “${MEETUP}”`).waitFor();
    await screenshot(s.helper, 'events-seat-given-1440');
    await bell.click();

    await manager.reload();
    await manager.getByRole('button', { name: new RegExp(MEETUP) }).click();
    await manager.getByRole('heading', { name: 'Going (1)' }).waitFor();
    await manager.getByRole('row', { name: /Camille/ }).waitFor();
    await manager.getByRole('heading', { name: 'Waiting list (0)' }).waitFor();
    await screenshot(manager, 'events-follow-1440');
    await manager.setViewportSize({ width: 390, height: 844 });
    await screenshot(manager, 'events-follow-390');
    await manager.setViewportSize({ width: 1440, height: 900 });
  });

  it('runs a product test: the tester reads the guide and sends feedback; the manager prints the report', async () => {
    await manager.getByRole('button', { name: 'New event' }).click();
    await manager.getByRole('combobox', { name: 'Kind' }).selectOption('product_test');
    await manager.getByRole('textbox', { name: 'Title' }).fill(TEST);
    await manager.getByRole('spinbutton', { name: /Seats/ }).fill('5');
    await manager.getByRole('textbox', { name: 'Testers’ guide' }).fill('Wear it on three rainy days.\nNote where water gets in.');
    await manager.getByRole('button', { name: 'Add a check-in' }).click();
    await manager.getByRole('textbox', { name: 'What to report' }).fill('First impressions');
    await manager.getByRole('button', { name: 'Add a question' }).click();
    await manager.getByRole('textbox', { name: 'Question 1' }).fill('How dry did you stay?');
    await manager.getByRole('button', { name: 'Add a question' }).click();
    await manager.getByRole('textbox', { name: 'Question 2' }).fill('Anything to change?');
    await manager.getByRole('combobox', { name: 'Answer' }).nth(1).selectOption('text');
    await manager.getByRole('combobox', { name: /Badge for testers/ }).selectOption({ label: 'Mentor' });
    await screenshot(manager, 'events-editor-test-1440');
    await manager.setViewportSize({ width: 390, height: 844 });
    await manager.getByRole('textbox', { name: 'Testers’ guide' }).scrollIntoViewIfNeeded();
    await screenshot(manager, 'events-editor-test-390');
    await manager.setViewportSize({ width: 1440, height: 900 });
    // Who may join: hand-picked helpers are chosen from the site's members (then back to everyone).
    await manager.getByRole('radio', { name: 'Hand-picked helpers' }).check();
    await manager.getByRole('group', { name: 'Invited helpers' }).getByRole('checkbox', { name: 'Camille' }).waitFor();
    await manager.getByRole('radio', { name: 'Hand-picked helpers' }).scrollIntoViewIfNeeded();
    await screenshot(manager, 'events-editor-picked-1440');
    await manager.getByRole('radio', { name: 'Everyone on the site' }).check();
    await manager.getByRole('button', { name: 'Create event' }).click();
    await manager.getByRole('heading', { name: TEST, level: 2 }).waitFor();

    const test = card(s.helper, TEST);
    await test.getByRole('button', { name: `I’ll come to “${TEST}”` }).click({ timeout: 5000 });
    await test.getByRole('heading', { name: 'Testers’ guide' }).waitFor();
    const form = s.helper.getByRole('form', { name: `Your feedback on “${TEST}”` });
    await form.getByRole('group', { name: 'How dry did you stay?' }).getByText('4').click();
    await form.getByRole('textbox', { name: 'Anything to change?' }).fill('A longer hem at the back.');
    await form.getByRole('button', { name: 'Send my feedback' }).click();
    await form.getByText('Thank you — your feedback is in.').waitFor();
    expect(await seriousViolations(s.helper)).toEqual([]);
    await test.scrollIntoViewIfNeeded();
    await screenshot(s.helper, 'events-test-feedback-1440');
    await s.helper.setViewportSize({ width: 390, height: 844 });
    await screenshot(s.helper, 'events-test-feedback-390');

    await manager.getByText('Feedback: 1 of 1 testers').waitFor({ timeout: 5000 });
    await manager.getByRole('link', { name: 'Printable report' }).click();
    await manager.getByRole('heading', { name: TEST, level: 1 }).waitFor({ timeout: 45_000 });
    await manager.getByText('Average 4 / 5 from 1 answer').waitFor();
    await manager.getByText('“A longer hem at the back.”').waitFor();
    expect(await seriousViolations(manager)).toEqual([]);
    await screenshot(manager, 'events-report-1440');
    await manager.setViewportSize({ width: 390, height: 844 });
    await screenshot(manager, 'events-report-390');
    await manager.setViewportSize({ width: 1440, height: 900 });
    await manager.emulateMedia({ media: 'print' });
    expect(await manager.getByRole('button', { name: 'Print this report' }).isVisible()).toBe(false);
    await screenshot(manager, 'events-report-print');
  });

  it('tells the helper when the manager cancels the meetup, and takes the buttons away', async () => {
    await manager.emulateMedia({ media: 'screen' });
    await manager.goto(`${s.server.url}/backoffice/manage/events`);
    await manager.getByRole('button', { name: new RegExp(MEETUP) }).click();
    await manager.getByRole('button', { name: 'Cancel the event' }).click();
    await manager.getByText('Everyone who answered (1) is told on their bell. This cannot be undone.').waitFor();
    await manager.getByRole('button', { name: 'Yes, cancel it' }).click();
    await manager.getByText('Cancelled', { exact: true }).first().waitFor();

    await s.helper.setViewportSize({ width: 1440, height: 900 });
    const meetup = card(s.helper, MEETUP);
    await meetup.getByText('This event was cancelled.').waitFor({ timeout: 5000 });
    expect(await meetup.getByRole('button').count()).toBe(0);
    await s.helper.getByRole('button', { name: /^Notifications\W+\d+ unread$/ }).click();
    await s.helper.getByRole('dialog', { name: 'Notifications' }).getByText(`“${MEETUP}” was cancelled`).waitFor();
    await meetup.scrollIntoViewIfNeeded();
    await screenshot(s.helper, 'events-cancelled-1440');
  });
});
