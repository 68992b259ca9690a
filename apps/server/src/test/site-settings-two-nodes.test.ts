import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb } from '@tribu/db';
import type { WidgetState } from '@tribu/protocol';
import { closeAllSockets, connectHelper, login, send } from './support/clients.ts';
import { createTestDatabase } from './support/database.ts';
import { USERS, seedFixtures } from './support/fixtures.ts';
import { startNode, type NodeProcess } from './support/process.ts';
import { TEST_REDIS_URL, hasPostgres, hasRedis } from './support/services.ts';

describe.skipIf(!hasPostgres || !hasRedis)('site administration across two nodes', () => {
  let a: NodeProcess;
  let b: NodeProcess;
  let siteA: string;
  let drop: () => Promise<void>;

  beforeAll(async () => {
    const database = await createTestDatabase();
    drop = database.drop;
    const db = await createDb({ databaseUrl: database.url });
    siteA = (await seedFixtures(db.db)).siteA;
    await db.close();
    const env = { DATABASE_URL: database.url, REDIS_URL: TEST_REDIS_URL, REDIS_PREFIX: `t${randomBytes(4).toString('hex')}`, SECRET: randomBytes(32).toString('hex') };
    [a, b] = await Promise.all([startNode(env), startNode(env)]);
  }, 120_000);

  afterAll(async () => {
    closeAllSockets();
    await Promise.all([a?.stop(), b?.stop()]);
    await drop?.();
  });

  it('shows settings saved on one node in the widget served by the other at once, not after its cache expires', async () => {
    const widget = async () => (await (await fetch(`${b.url}/api/widget/shop-a?locale=en`)).json()) as WidgetState;
    // Node B has the site cached (for 5 s) before the change.
    expect((await widget()).texts.launcher).toBe('Ask the community');

    const { cookie, me } = await login(a.url, USERS.adminA.email);
    const res = await fetch(`${a.url}/api/sites/${siteA}/settings`, {
      method: 'PATCH',
      headers: { cookie, 'x-csrf-token': me.csrfToken, origin: a.url, 'content-type': 'application/json' },
      body: JSON.stringify({ texts: { en: { launcher: 'Ask a rider' } }, color: '#1d4ed8' }),
    });
    expect(res.status).toBe(200);

    // The adapter carries the news in milliseconds; well under the 5 s the cache would hold it.
    const started = Date.now();
    await expect.poll(async () => (await widget()).texts.launcher, { timeout: 2_000, interval: 50 }).toBe('Ask a rider');
    expect(Date.now() - started).toBeLessThan(2_000);
    expect((await widget()).theme.color).toBe('#1d4ed8');
  });

  it("gives a member connected to the other node their new role at once", async () => {
    const ben = await connectHelper(b.url, USERS.helperA2.email);
    const { cookie, me } = await login(a.url, USERS.adminA.email);
    const role = (r: string) =>
      fetch(`${a.url}/api/sites/${siteA}/roles/${ben.me.user.id}`, {
        method: 'PATCH',
        headers: { cookie, 'x-csrf-token': me.csrfToken, origin: a.url, 'content-type': 'application/json' },
        body: JSON.stringify({ role: r }),
      });
    const rules = { scoring: { pointsPerChat: 1, goodRatingBonus: 0, fastAnswerBonus: 0, fastAnswerSec: 60, dailyCapPerVisitor: 5, minChatSec: 0 }, tiers: [{ name: 'All', min: 0 }], customBadges: [] };
    const preview = async () => (await send(ben.socket, 'rules:preview', { siteId: siteA, rules })).ok;
    expect(await preview()).toBe(false);
    expect((await role('moderator')).status).toBe(200);
    await expect.poll(preview, { timeout: 2_000, interval: 50 }).toBe(true);
    expect((await role('helper')).status).toBe(200);
    await expect.poll(preview, { timeout: 2_000, interval: 50 }).toBe(false);
  });
});
