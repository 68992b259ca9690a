import { describe, it } from 'vitest';
import { personPage, screenshot } from './support/browser.ts';
import { signIn } from './support/people.ts';
import { hasChromium } from './support/requirements.ts';
import { useScenario } from './support/scenario.ts';

describe.skipIf(!hasChromium)('peers online in the backoffice', () => {
  const s = useScenario();

  it('shows two helpers each other coming online, and a status change live', async () => {
    await signIn(s.helper, s.server.url, 'helper1@demo.tribu');
    const peer = await personPage(s.browser, { width: 1440, height: 900 });
    await signIn(peer, s.server.url, 'helper2@demo.tribu');
    const onlineNow = s.helper.getByRole('region', { name: 'Online now' });
    await onlineNow.getByText('Jonas').waitFor();
    await peer.getByRole('region', { name: 'Online now' }).getByText('Camille').waitFor();
    await peer.getByRole('combobox', { name: 'My status' }).selectOption('away');
    await onlineNow.getByRole('listitem').filter({ hasText: 'Jonas' }).getByText('Away').waitFor();
    await screenshot(s.helper, 'helper-peers-online');
  });
});
