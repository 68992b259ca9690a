import { beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { pointsLedger, sites } from '@tribu/db';
import type { BadgeEarned, GamificationSummary, Leaderboard, PointsAwarded } from '@tribu/protocol';
import { startSecondNode, usePostgresServer } from './support/app.ts';
import { clientId, connectHelper, next, ok, takenChat } from './support/clients.ts';
import { USERS } from './support/fixtures.ts';
import { hasPostgres } from './support/services.ts';

describe.skipIf(!hasPostgres)('points and badges for answered chats (Postgres)', () => {
  const t = usePostgresServer();

  beforeAll(async () => {
    // Chats in tests last milliseconds: the site counts them from 0 s instead of the default 30 s.
    await t.server.db.db
      .update(sites)
      .set({ settings: sql`${sites.settings} || '{"scoring": {"minChatSec": 0}}'::jsonb` })
      .where(eq(sites.id, t.server.sites.siteA));
  });

  /** Visitor asks, Ada answers, the visitor replies, the chat ends. */
  async function answeredChat(question: string) {
    const chat = await takenChat(t.server.url, USERS.helperA1.email, question);
    const id = chat.conversation.id;
    await ok(chat.helper.socket, 'message:send', { conversationId: id, clientId: clientId(), text: 'Here is how.' });
    await ok(chat.visitor.socket, 'message:send', { conversationId: id, clientId: clientId(), text: 'Thanks!' });
    return { ...chat, id };
  }

  it('awards the chat, the fast answer and the 5-star bonus live, and the first-chat badge', async () => {
    const chat = await answeredChat('Is the jacket windproof?');
    const points = next<PointsAwarded>(chat.helper.socket, 'points:awarded');
    const badge = next<BadgeEarned>(chat.helper.socket, 'badge:earned');
    await ok(chat.helper.socket, 'conversation:end', { conversationId: chat.id });
    expect((await points).entries.map((e) => e.reason).sort()).toEqual(['chat', 'fast_answer']);
    expect((await badge).badge.name).toBe('First answer');
    const rated = next<PointsAwarded>(chat.helper.socket, 'points:awarded');
    await ok(chat.visitor.socket, 'conversation:rate', { conversationId: chat.id, rating: 5 });
    expect(await rated).toMatchObject({ entries: [{ reason: 'good_rating', points: 1 }], balance: 3 });
    const summary = await ok<GamificationSummary>(chat.helper.socket, 'gamification:summary', { siteId: chat.helper.siteId });
    expect(summary).toMatchObject({ balance: 3, lifetime: 3, tier: { name: 'Newcomer', next: { name: 'Regular' } } });
    expect(summary.badges.find((b) => b.key === 'chats-1')).toMatchObject({ earned: true, current: 1 });
    expect(summary.badges.find((b) => b.key === 'chats-10')).toMatchObject({ earned: false, current: 1, target: 10 });
    expect(summary.history).toHaveLength(3);
  });

  it('gives nothing for a chat the visitor never engaged in', async () => {
    const chat = await takenChat(t.server.url, USERS.helperA1.email, 'Anyone there?');
    await ok(chat.helper.socket, 'message:send', { conversationId: chat.conversation.id, clientId: clientId(), text: 'Hi!' });
    await ok(chat.helper.socket, 'conversation:end', { conversationId: chat.conversation.id });
    await t.server.scoreChat(chat.conversation.id);
    const rows = await t.server.db.db.select().from(pointsLedger).where(eq(pointsLedger.conversationId, chat.conversation.id));
    expect(rows).toEqual([]);
  });

  it('awards once when the same close is scored many times at once on two nodes', async () => {
    const chat = await answeredChat('Does it pack small?');
    await ok(chat.helper.socket, 'conversation:end', { conversationId: chat.id });
    const second = await startSecondNode(t.server);
    try {
      await Promise.all(Array.from({ length: 10 }, (_, i) => (i % 2 ? second.scoreChat(chat.id) : t.server.scoreChat(chat.id))));
    } finally {
      await second.close();
    }
    const rows = await t.server.db.db.select().from(pointsLedger).where(eq(pointsLedger.conversationId, chat.id));
    expect(rows.map((r) => r.reason).sort()).toEqual(['chat', 'fast_answer']);
  });

  it('takes back what a chat marked out of scope earned, once, keeps the badge, and ignores a later rating', async () => {
    const chat = await answeredChat('Can you refund my order?');
    await ok(chat.helper.socket, 'conversation:end', { conversationId: chat.id });
    await t.server.scoreChat(chat.id);
    const before = await ok<GamificationSummary>(chat.helper.socket, 'gamification:summary', { siteId: chat.helper.siteId });
    const mo = await connectHelper(t.server.url, USERS.moderatorA.email);
    const refused = await chat.helper.socket.timeout(5000).emitWithAck('conversation:exclude', { conversationId: chat.id, reason: 'Refund' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const first = await ok<{ revoked: number }>(mo.socket, 'conversation:exclude', { conversationId: chat.id, reason: 'A refund, not for volunteers' });
    const again = await ok<{ revoked: number }>(mo.socket, 'conversation:exclude', { conversationId: chat.id, reason: 'twice' });
    expect([first.revoked, again.revoked]).toEqual([2, 0]);
    const { chats } = await ok<{ chats: { conversationId: string; excluded: boolean; points: number }[] }>(mo.socket, 'scored:list', {
      siteId: chat.helper.siteId,
    });
    expect(chats.find((c) => c.conversationId === chat.id)).toMatchObject({ excluded: true, points: 2 });
    expect(await chat.helper.socket.timeout(5000).emitWithAck('scored:list', { siteId: chat.helper.siteId })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    await ok(chat.visitor.socket, 'conversation:rate', { conversationId: chat.id, rating: 5 });
    await t.server.scoreChat(chat.id);
    const after = await ok<GamificationSummary>(chat.helper.socket, 'gamification:summary', { siteId: chat.helper.siteId });
    expect(after.balance).toBe(before.balance - 2);
    expect(after.badges.find((b) => b.key === 'chats-1')?.earned).toBe(true);
  });

  it('ranks the helpers on the leaderboard with the reader always shown', async () => {
    const ben = await connectHelper(t.server.url, USERS.helperA2.email);
    const board = await ok<Leaderboard>(ben.socket, 'leaderboard:list', { siteId: ben.siteId, period: 'week' });
    expect(board.rows[0]).toMatchObject({ rank: 1, displayName: USERS.helperA1.name });
    expect(board.me).toBeNull();
    expect(board.tieRule).toMatch(/first/);
  });

  it("refuses another site's standings like a missing site", async () => {
    const bea = await connectHelper(t.server.url, USERS.helperB1.email);
    const r = await bea.socket.timeout(5000).emitWithAck('gamification:summary', { siteId: t.server.sites.siteA });
    expect(r).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});
