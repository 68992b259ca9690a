import { and, asc, eq, like } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditLog } from '@tribu/db';
import type { LedgerEntry, Redemption, Reward } from '@tribu/protocol';
import { usePostgresServer } from './support/app.ts';
import { clientId, connectHelper, ok, send } from './support/clients.ts';
import { USERS } from './support/fixtures.ts';
import { hasPostgres } from './support/services.ts';

describe.skipIf(!hasPostgres)('reward decisions in the audit log', () => {
  const t = usePostgresServer();

  it('records every approval, fulfilment and rejection: who, for whom, which reward, the message', async () => {
    const mo = await connectHelper(t.server.url, USERS.moderatorA.email);
    const ada = await connectHelper(t.server.url, USERS.helperA1.email);
    await ok<{ entry: LedgerEntry }>(mo.socket, 'points:adjust', {
      siteId: mo.siteId,
      userId: ada.me.user.id,
      points: 10,
      note: 'Start',
      clientId: clientId(),
    });
    const { reward } = await ok<{ reward: Reward }>(mo.socket, 'reward:save', {
      siteId: mo.siteId,
      name: 'Wool socks',
      description: 'A pair',
      cost: 3,
      stock: null,
      active: true,
    });
    const ask = async () => (await ok<{ redemption: Redemption }>(ada.socket, 'redemption:request', { rewardId: reward.id })).redemption;
    const first = await ask();
    const second = await ask();
    await ok(mo.socket, 'redemption:decide', { redemptionId: first.id, action: 'approve' });
    await ok(mo.socket, 'redemption:decide', { redemptionId: first.id, action: 'fulfil', message: 'Posted today' });
    await ok(mo.socket, 'redemption:decide', { redemptionId: second.id, action: 'reject', message: 'One pair each' });
    // A refused decision (already decided) leaves no line.
    expect(await send(mo.socket, 'redemption:decide', { redemptionId: second.id, action: 'approve' })).toMatchObject({ ok: false });

    const lines = await t.server.db.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.siteId, mo.siteId), like(auditLog.action, 'reward.%')))
      .orderBy(asc(auditLog.createdAt));
    expect(lines.map((l) => [l.action, l.actorName, l.targetKind, l.targetId, l.targetLabel, l.reason, l.details])).toEqual([
      ['reward.approved', 'Mo', 'user', ada.me.user.id, 'Ada', null, { reward: 'Wool socks', cost: 3, redemptionId: first.id }],
      ['reward.fulfilled', 'Mo', 'user', ada.me.user.id, 'Ada', 'Posted today', { reward: 'Wool socks', cost: 3, redemptionId: first.id }],
      ['reward.rejected', 'Mo', 'user', ada.me.user.id, 'Ada', 'One pair each', { reward: 'Wool socks', cost: 3, redemptionId: second.id }],
    ]);
  });
});
