import { afterAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { seriousViolations } from './support/axe.ts';
import { personPage, screenshot } from './support/browser.ts';
import { ensureChatOpen, signIn, visitorLog } from './support/people.ts';
import { hasChromium } from './support/requirements.ts';
import { useScenario } from './support/scenario.ts';

const QUESTION = 'Will the down jacket fit over a fleece?';
const THANKS = 'Camille saved my trip: the size advice was spot on. Thank you!';
const CONSENT = 'Show my comment on Camille’s profile as a thank-you (without my name)';

// One story: a visitor rates Camille 5★ with a comment and ticks the consent; the comment becomes a
// card on her public profile, which a peer sees; Camille hides it and the peer no longer does.
describe.skipIf(!hasChromium)('the thank-you wall: a visitor thanks a helper, the helper decides what shows', () => {
  const s = useScenario();
  let peer: Page;
  afterAll(async () => peer?.close());

  const wallInDialog = () => peer.getByRole('dialog', { name: 'Profile of Camille' }).getByRole('region', { name: 'Thank-you wall' });
  const openCamille = async () => {
    await peer
      .getByRole('region', { name: 'Online now' })
      .getByRole('button', { name: /Camille/ })
      .click();
    await peer.getByRole('dialog', { name: 'Profile of Camille' }).waitFor();
  };

  it('offers the consent only for 4–5 stars with a comment, unticked', async () => {
    await signIn(s.helper, s.server.url, 'helper1@demo.tribu');
    await s.visitor.goto(`${s.server.url}/demo`);
    await ensureChatOpen(s.visitor);
    await s.visitor.getByRole('textbox', { name: 'Your message' }).fill(QUESTION);
    await s.visitor.getByRole('button', { name: 'Send' }).click();
    await s.helper.getByRole('button', { name: `Take request: ${QUESTION}` }).click();
    await s.helper.getByRole('textbox', { name: 'Reply' }).fill('Yes: take your usual size, there is room for a fleece.');
    await s.helper.getByRole('button', { name: 'Send' }).click();
    await visitorLog(s.visitor).getByText('room for a fleece').waitFor();
    await s.helper.getByRole('button', { name: 'End chat' }).click();

    await s.visitor.getByRole('button', { name: '3 stars: OK' }).click();
    await s.visitor.getByRole('textbox', { name: 'Comment (optional)' }).fill(THANKS);
    expect(await s.visitor.getByRole('checkbox', { name: CONSENT }).count()).toBe(0);
    await s.visitor.getByRole('button', { name: '5 stars: Very helpful' }).click();
    const consent = s.visitor.getByRole('checkbox', { name: CONSENT });
    await consent.waitFor();
    expect(await consent.isChecked()).toBe(false);
    await consent.check();
    await screenshot(s.visitor, 'thanks-consent-1280');
    await s.visitor.setViewportSize({ width: 390, height: 844 });
    await consent.scrollIntoViewIfNeeded();
    await screenshot(s.visitor, 'thanks-consent-390');
    await s.visitor.setViewportSize({ width: 1280, height: 800 });
    expect(await seriousViolations(s.visitor)).toEqual([]);
    await s.visitor.getByRole('button', { name: 'Send rating' }).click();
    await s.visitor.getByText('Thanks for your feedback!').waitFor();
  });

  it('shows the card on her public profile to a peer, anonymously', async () => {
    peer = await personPage(s.browser, { width: 1440, height: 900 });
    await signIn(peer, s.server.url, 'manager@demo.tribu');
    await openCamille();
    const wall = wallInDialog();
    await wall.getByText(THANKS).waitFor();
    await wall.getByText(/^A visitor · /).waitFor();
    expect(await wall.getByRole('button', { name: 'Remove' }).count()).toBe(1);
    await wall.scrollIntoViewIfNeeded();
    await screenshot(peer, 'thanks-wall-dialog-1440');
    expect(await seriousViolations(peer)).toEqual([]);
    await peer.setViewportSize({ width: 390, height: 844 });
    await wall.scrollIntoViewIfNeeded();
    await screenshot(peer, 'thanks-wall-dialog-390');
    await peer.setViewportSize({ width: 1440, height: 900 });
    await peer.getByRole('dialog', { name: 'Profile of Camille' }).getByRole('button', { name: 'Close' }).click();
  });

  it('lets Camille hide the card from her profile page; the peer no longer sees it', async () => {
    await s.helper.goto(`${s.server.url}/backoffice/profile`);
    const mine = s.helper.getByRole('region', { name: 'My thank-you wall' });
    await mine.getByText(THANKS).waitFor();
    await mine.scrollIntoViewIfNeeded();
    await screenshot(s.helper, 'thanks-wall-profile-1440');
    await mine.getByRole('button', { name: 'Hide' }).click();
    await mine.getByText('Hidden from others').waitFor();
    await mine.getByRole('button', { name: 'Show on my profile' }).waitFor();
    expect(await seriousViolations(s.helper)).toEqual([]);
    await s.helper.setViewportSize({ width: 390, height: 844 });
    await mine.scrollIntoViewIfNeeded();
    await screenshot(s.helper, 'thanks-wall-profile-390');
    await s.helper.setViewportSize({ width: 1440, height: 900 });

    await openCamille();
    const wall = wallInDialog();
    await wall.getByText('No thank-you card yet.').waitFor();
    expect(await wall.getByText(THANKS).count()).toBe(0);
  });

  it('lets a manager remove a card for good, with a reason', async () => {
    const mine = s.helper.getByRole('region', { name: 'My thank-you wall' });
    await mine.getByRole('button', { name: 'Show on my profile' }).click();
    await mine.getByRole('button', { name: 'Hide' }).waitFor();
    await peer.getByRole('dialog', { name: 'Profile of Camille' }).getByRole('button', { name: 'Close' }).click();
    await openCamille();
    const wall = wallInDialog();
    await wall.getByText(THANKS).waitFor();
    await wall.getByRole('button', { name: 'Remove' }).click();
    await wall.getByRole('textbox', { name: /Why remove it for good/ }).fill('Mentions a private order');
    await screenshot(peer, 'thanks-remove-1440');
    await wall.getByRole('button', { name: 'Remove for good' }).click();
    await wall.getByText('No thank-you card yet.').waitFor();
    await s.helper.reload();
    await s.helper
      .getByRole('region', { name: 'My thank-you wall' })
      .getByText(/When a visitor rates you 4 or 5 stars/)
      .waitFor();
  });
});
