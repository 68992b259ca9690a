import { describe, expect, it } from 'vitest';
import type { WidgetState } from '@tribu/protocol';
import { connectHelper, login, send } from './support/clients.ts';
import { USERS } from './support/fixtures.ts';
import { hasPostgres, hasRedis } from './support/services.ts';
import { useTwoNodes } from './support/two-nodes.ts';

describe.skipIf(!hasPostgres || !hasRedis)('site administration across two nodes', () => {
  const nodes = useTwoNodes();

  it('shows settings saved on one node in the widget served by the other at once, not after its cache expires', async () => {
    const widget = async () => (await (await fetch(`${nodes.b.url}/api/widget/shop-a?locale=en`)).json()) as WidgetState;
    // Node B has the site cached (for 5 s) before the change.
    expect((await widget()).texts.launcher).toBe('Ask the community');

    const { cookie, me } = await login(nodes.a.url, USERS.adminA.email);
    const res = await fetch(`${nodes.a.url}/api/sites/${nodes.sites.siteA}/settings`, {
      method: 'PATCH',
      headers: { cookie, 'x-csrf-token': me.csrfToken, origin: nodes.a.url, 'content-type': 'application/json' },
      body: JSON.stringify({ texts: { en: { launcher: 'Ask a rider' } }, color: '#1d4ed8' }),
    });
    expect(res.status).toBe(200);

    // The adapter carries the news in milliseconds; well under the 5 s the cache would hold it.
    const started = Date.now();
    await expect.poll(async () => (await widget()).texts.launcher, { timeout: 2_000, interval: 50 }).toBe('Ask a rider');
    expect(Date.now() - started).toBeLessThan(2_000);
    expect((await widget()).theme.color).toBe('#1d4ed8');
  });

  it('gives a member connected to the other node their new role at once', async () => {
    const ben = await connectHelper(nodes.b.url, USERS.helperA2.email);
    const { cookie, me } = await login(nodes.a.url, USERS.adminA.email);
    const role = (r: string) =>
      fetch(`${nodes.a.url}/api/sites/${nodes.sites.siteA}/roles/${ben.me.user.id}`, {
        method: 'PATCH',
        headers: { cookie, 'x-csrf-token': me.csrfToken, origin: nodes.a.url, 'content-type': 'application/json' },
        body: JSON.stringify({ role: r }),
      });
    const rules = {
      scoring: { pointsPerChat: 1, goodRatingBonus: 0, fastAnswerBonus: 0, fastAnswerSec: 60, dailyCapPerVisitor: 5, minChatSec: 0 },
      tiers: [{ name: 'All', min: 0 }],
      customBadges: [],
    };
    const preview = async () => (await send(ben.socket, 'rules:preview', { siteId: nodes.sites.siteA, rules })).ok;
    expect(await preview()).toBe(false);
    expect((await role('moderator')).status).toBe(200);
    await expect.poll(preview, { timeout: 2_000, interval: 50 }).toBe(true);
    expect((await role('helper')).status).toBe(200);
    await expect.poll(preview, { timeout: 2_000, interval: 50 }).toBe(false);
  });
});
