import { afterAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { seriousViolations } from './support/axe.ts';
import { personPage, screenshot } from './support/browser.ts';
import { signIn } from './support/people.ts';
import { hasChromium } from './support/requirements.ts';
import { useScenario } from './support/scenario.ts';

const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

// A helper pledges her usual hours against the gaps; the manager sees them on Numbers beside the
// real coverage and sets the "we miss you" note; a visitor of the offline shop reads when someone
// is usually there.
describe.skipIf(!hasChromium)('coverage pledges and the note, on screen', () => {
  const s = useScenario({ visitor: { width: 1440, height: 900 } });
  let manager: Page;
  afterAll(async () => manager?.close());
  // Two days from now in the demo site's zone: a slot that is always ahead of us.
  const day = () => {
    const today = new Intl.DateTimeFormat('en-GB', { weekday: 'long', timeZone: 'Europe/Paris' }).format(new Date());
    return DAYS[(DAYS.indexOf(today) + 2) % 7]!;
  };

  it('lets a helper pledge soft hours on her profile, drawn against the gaps', async () => {
    await signIn(s.helper, s.server.url, 'helper1@demo.tribu');
    await s.helper.goto(`${s.server.url}/backoffice/profile`);
    const card = s.helper.getByRole('region', { name: 'When I’m usually around' });
    await card.waitFor();
    await card.getByRole('combobox', { name: 'Day' }).selectOption({ label: day() });
    await card.getByRole('combobox', { name: 'From' }).selectOption({ label: '18:00' });
    await card.getByRole('combobox', { name: 'To' }).selectOption({ label: '21:00' });
    await card.getByRole('button', { name: 'Add these hours' }).click();
    await card.getByText(`${day()} 18:00–21:00, usually`).waitFor();
    await card.scrollIntoViewIfNeeded();
    await screenshot(s.helper, 'pledges-profile-1440');
    expect(await seriousViolations(s.helper)).toEqual([]);
    await s.helper.setViewportSize({ width: 390, height: 844 });
    await card.scrollIntoViewIfNeeded();
    await screenshot(s.helper, 'pledges-profile-390');
    await s.helper.setViewportSize({ width: 1440, height: 900 });
  });

  it('shows the manager the pledged coverage beside the real one, and the note to send', async () => {
    manager = await personPage(s.browser, { width: 1440, height: 900 });
    await signIn(manager, s.server.url, 'manager@demo.tribu');
    await manager.goto(`${s.server.url}/backoffice/manage/numbers`);
    const pledged = manager.getByRole('region', { name: 'Pledged coverage' });
    await pledged.getByTestId('pledge-summary').getByText('1 helper').waitFor();
    await pledged.getByText(`${day()} 18:00–21:00`).waitFor();
    await pledged.scrollIntoViewIfNeeded();
    await screenshot(manager, 'numbers-pledged-1440');

    const back = manager.getByRole('region', { name: 'Came back' });
    await back.getByRole('checkbox', { name: 'Send a friendly note to helpers away for a while' }).check();
    await back.getByRole('spinbutton', { name: /After how many days away/ }).fill('21');
    await back.getByRole('button', { name: 'Save the note' }).click();
    await back.getByText('Saved.').waitFor();
    await back.scrollIntoViewIfNeeded();
    await screenshot(manager, 'numbers-came-back-1440');
    expect(await seriousViolations(manager)).toEqual([]);
    await manager.setViewportSize({ width: 390, height: 844 });
    await pledged.scrollIntoViewIfNeeded();
    await screenshot(manager, 'numbers-pledged-390');
    await back.scrollIntoViewIfNeeded();
    await screenshot(manager, 'numbers-came-back-390');
    await manager.close();
  });

  it('tells a visitor of the offline shop when someone is usually there', async () => {
    // Everyone leaves: the site goes offline once their presence lapses.
    await s.helper.goto('about:blank');
    const usually = `Usually answered from ${day()} 18:00`;
    await expect
      .poll(
        async () => ((await (await fetch(`${s.server.url}/api/widget/demo?locale=en`)).json()) as { availability: { usually?: string } }).availability.usually,
        {
          timeout: 30_000,
          interval: 1000,
        },
      )
      .toBe(usually);
    await s.visitor.goto(`${s.server.url}/demo`);
    const launcher = s.visitor.getByRole('button', { name: 'Chat with the community' });
    await launcher.getByText(`Leave a question · ${usually}`).waitFor();
    await screenshot(s.visitor, 'widget-usually-launcher-1440');
    await launcher.click();
    await s.visitor.getByText(`${usually}.`).waitFor();
    await screenshot(s.visitor, 'widget-usually-1440');
    await s.visitor.setViewportSize({ width: 390, height: 844 });
    await screenshot(s.visitor, 'widget-usually-390');
    expect(await seriousViolations(s.visitor)).toEqual([]);
  });
});
