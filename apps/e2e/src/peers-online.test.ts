import { describe, it } from 'vitest';
import type { Page } from 'playwright-core';
import { personPage, screenshot } from './support/browser.ts';
import { showWhoIsOnline, signIn } from './support/people.ts';
import { hasChromium } from './support/requirements.ts';
import { useScenario } from './support/scenario.ts';

describe.skipIf(!hasChromium)('peers online in the backoffice', () => {
  const s = useScenario();
  let peer: Page;

  it('shows two helpers each other coming online, and a status change live', async () => {
    await signIn(s.helper, s.server.url, 'helper1@demo.tribu');
    peer = await personPage(s.browser, { width: 1440, height: 900 });
    await signIn(peer, s.server.url, 'helper2@demo.tribu');
    await showWhoIsOnline(s.helper);
    await showWhoIsOnline(peer);
    const onlineNow = s.helper.getByRole('region', { name: 'Online now' });
    await onlineNow.getByText('Jonas').waitFor();
    await peer.getByRole('region', { name: 'Online now' }).getByText('Camille').waitFor();
    await peer.getByRole('combobox', { name: 'My status' }).selectOption('away');
    await onlineNow.getByRole('listitem').filter({ hasText: 'Jonas' }).getByText('Away').waitFor();
    await screenshot(s.helper, 'helper-peers-online');
  });

  it('lets a helper release a chat to the board, where a peer takes it with its history', async () => {
    await s.visitor.goto(`${s.server.url}/demo`);
    await s.visitor.getByRole('button', { name: 'Chat with the community' }).click();
    await s.visitor.getByRole('textbox', { name: 'Your message' }).fill('Which wax for leather boots?');
    await s.visitor.getByRole('button', { name: 'Send' }).click();
    await s.helper.getByRole('button', { name: /Take request: Which wax/ }).click();
    await s.helper.getByRole('button', { name: 'Release to board' }).click();
    await s.helper.getByText('Back on the board').waitFor();
    await peer.getByRole('combobox', { name: 'My status' }).selectOption('available');
    await peer.getByRole('button', { name: /Take request: Which wax/ }).click();
    await peer.getByRole('log', { name: 'Conversation' }).getByText('Which wax for leather boots?').waitFor();
  });
});
