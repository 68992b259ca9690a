import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AckResult, Conversation, FeedComment, FeedPost, HelperClientEvents } from '@tribu/protocol';
import { usePostgresServer } from './support/app.ts';
import { clientId, connectHelper, ok, send, takenChat, type HelperSocket } from './support/clients.ts';
import { USERS } from './support/fixtures.ts';
import { hasPostgres } from './support/services.ts';

interface Ids {
  siteId: string;
  conversationId: string;
  postId: string;
  commentId: string;
  cannedId: string;
  userId: string;
  rewardId: string;
  redemptionId: string;
}

type Case = [event: keyof HelperClientEvents, payload: (ids: Ids) => unknown];

const siteScoped: Case[] = [
  ['queue:list', (i) => ({ siteId: i.siteId })],
  ['conversation:list', (i) => ({ siteId: i.siteId })],
  ['presence:list', (i) => ({ siteId: i.siteId })],
  ['feed:list', (i) => ({ siteId: i.siteId })],
  ['feed:post', (i) => ({ siteId: i.siteId, clientId: clientId(), text: 'Hello from outside' })],
  ['canned:list', (i) => ({ siteId: i.siteId })],
  ['canned:save', (i) => ({ siteId: i.siteId, scope: 'mine', shortcut: 'hello', text: 'Hello!' })],
  ['staff:list', (i) => ({ siteId: i.siteId })],
  ['profile:get', (i) => ({ siteId: i.siteId, userId: i.userId })],
  ['gamification:summary', (i) => ({ siteId: i.siteId })],
  ['leaderboard:list', (i) => ({ siteId: i.siteId, period: 'all' })],
  ['rules:get', (i) => ({ siteId: i.siteId })],
  ['rules:save', (i) => ({ siteId: i.siteId, rules: { scoring: RULES, tiers: [{ name: 'All', min: 0 }], customBadges: [] } })],
  ['rules:preview', (i) => ({ siteId: i.siteId, rules: { scoring: RULES, tiers: [{ name: 'All', min: 0 }], customBadges: [] } })],
  ['points:adjust', (i) => ({ siteId: i.siteId, userId: i.userId, points: 50, note: 'For me', clientId: clientId() })],
  ['reward:list', (i) => ({ siteId: i.siteId })],
  ['scored:list', (i) => ({ siteId: i.siteId })],
  ['members:list', (i) => ({ siteId: i.siteId })],
  ['reward:save', (i) => ({ siteId: i.siteId, name: 'Free jacket', description: '', cost: 1, stock: null, active: true })],
  ['redemption:list', (i) => ({ siteId: i.siteId, scope: 'mine' })],
];

const RULES = { pointsPerChat: 100, goodRatingBonus: 0, fastAnswerBonus: 0, fastAnswerSec: 60, dailyCapPerVisitor: 100, minChatSec: 0 };

/** Commands about one conversation, which only its helper (and the site's moderators) may use. */
const conversationScoped: Case[] = [
  ['conversation:fetch', (i) => ({ conversationId: i.conversationId })],
  ['message:send', (i) => ({ conversationId: i.conversationId, clientId: 'rights-probe', text: 'Let me in' })],
  ['message:sync', (i) => ({ conversationId: i.conversationId, afterSeq: 0 })],
  ['conversation:end', (i) => ({ conversationId: i.conversationId })],
  ['conversation:release', (i) => ({ conversationId: i.conversationId })],
  ['typing:set', (i) => ({ conversationId: i.conversationId, typing: true })],
  ['read:update', (i) => ({ conversationId: i.conversationId, seq: 1 })],
  ['conversation:details', (i) => ({ conversationId: i.conversationId })],
  ['note:add', (i) => ({ conversationId: i.conversationId, text: 'A note' })],
  ['handoff:offer', (i) => ({ conversationId: i.conversationId, toUserId: i.userId })],
  ['handoff:answer', (i) => ({ conversationId: i.conversationId, accept: true })],
  ['handoff:cancel', (i) => ({ conversationId: i.conversationId })],
  ['conversation:needs-staff', (i) => ({ conversationId: i.conversationId, reason: 'Refund' })],
  ['feed:ask', (i) => ({ conversationId: i.conversationId, clientId: clientId(), text: 'Who knows?' })],
  ['conversation:exclude', (i) => ({ conversationId: i.conversationId, reason: 'Spam' })],
];

const itemScoped: Case[] = [
  ['feed:comment', (i) => ({ postId: i.postId, clientId: clientId(), text: 'Me too' })],
  ['feed:comments', (i) => ({ postId: i.postId })],
  ['feed:like', (i) => ({ postId: i.postId, liked: true })],
  ['feed:moderate', (i) => ({ target: 'post', id: i.postId, action: 'hide', reason: 'Spam' })],
  ['feed:moderate', (i) => ({ target: 'comment', id: i.commentId, action: 'delete', reason: 'Spam' })],
  ['feed:pin', (i) => ({ postId: i.postId, pinned: true })],
  ['canned:delete', (i) => ({ id: i.cannedId })],
  ['redemption:request', (i) => ({ rewardId: i.rewardId })],
  ['redemption:decide', (i) => ({ redemptionId: i.redemptionId, action: 'reject', message: 'No' })],
];

const missing = (ids: Ids): Ids => ({
  ...ids,
  siteId: randomUUID(),
  conversationId: randomUUID(),
  postId: randomUUID(),
  commentId: randomUUID(),
  cannedId: randomUUID(),
  rewardId: randomUUID(),
  redemptionId: randomUUID(),
});

/** What the outsider gets for the real thing must be exactly what anyone gets for a thing that never existed. */
async function expectLikeMissing(socket: HelperSocket, [event, payload]: Case, real: Ids): Promise<AckResult<unknown>> {
  const forReal = await send(socket, event, payload(real));
  const forMissing = await send(socket, event, payload(missing(real)));
  expect(forReal, `${event} on someone else's data`).toEqual(forMissing);
  // A command that is not implemented would answer both alike: that must not pass for a refusal.
  expect(forReal.ok || forReal.error.code !== 'unavailable', `${event} is not implemented`).toBe(true);
  return forReal;
}

describe.skipIf(!hasPostgres)('nobody reaches another site or another helper (every helper event)', () => {
  const t = usePostgresServer();
  let ids: Ids;
  let ada: HelperSocket;

  beforeAll(async () => {
    const chat = await takenChat(t.server.url, USERS.helperA1.email, 'Which size for a 95 cm chest?');
    ada = chat.helper.socket;
    const siteId = chat.helper.siteId;
    const { post } = await ok<{ post: FeedPost }>(ada, 'feed:post', { siteId, clientId: clientId(), text: 'Welcome, everyone!' });
    const { comment } = await ok<{ comment: FeedComment }>(ada, 'feed:comment', { postId: post.id, clientId: clientId(), text: 'First!' });
    const { answer } = await ok<{ answer: { id: string } }>(ada, 'canned:save', {
      siteId,
      scope: 'mine',
      shortcut: 'size',
      text: 'Our sizes run true.',
    });
    const mo = await connectHelper(t.server.url, USERS.moderatorA.email);
    await ok(mo.socket, 'points:adjust', { siteId, userId: chat.helper.me.user.id, points: 5, note: 'Welcome', clientId: clientId() });
    const { reward } = await ok<{ reward: { id: string } }>(mo.socket, 'reward:save', { siteId, name: 'Stickers', description: '', cost: 1, stock: null, active: true });
    const { redemption } = await ok<{ redemption: { id: string } }>(ada, 'redemption:request', { rewardId: reward.id });
    ids = {
      siteId,
      conversationId: chat.conversation.id,
      postId: post.id,
      commentId: comment.id,
      cannedId: answer.id,
      userId: chat.helper.me.user.id,
      rewardId: reward.id,
      redemptionId: redemption.id,
    };
  });

  it('answers a helper of another site exactly as if the site, chat, post or answer did not exist', async () => {
    const bea = await connectHelper(t.server.url, USERS.helperB1.email);
    for (const c of [...siteScoped, ...conversationScoped, ...itemScoped]) {
      const r = await expectLikeMissing(bea.socket, c, ids);
      expect(r.ok, `${c[0]} must be refused`).toBe(false);
    }
  });

  it("answers another helper of the same site about a chat they don't hold exactly as if it did not exist", async () => {
    const ben = await connectHelper(t.server.url, USERS.helperA2.email);
    for (const c of conversationScoped) {
      const r = await expectLikeMissing(ben.socket, c, { ...ids, userId: ben.me.user.id });
      expect(r.ok, `${c[0]} must be refused`).toBe(false);
    }
    // Another helper's personal canned answer is theirs alone; moderating and pinning need a manager.
    await expectLikeMissing(ben.socket, ['canned:delete', (i) => ({ id: i.cannedId })], ids);
    for (const event of ['feed:pin', 'feed:moderate'] as const) {
      const payload = event === 'feed:pin' ? { postId: ids.postId, pinned: true } : { target: 'post', id: ids.postId, action: 'hide', reason: 'x' };
      const r = await send(ben.socket, event, payload);
      expect(r.ok, `${event} by a helper`).toBe(false);
    }
  });

  it('leaves the chat, the post and the answer exactly as they were after all those attempts', async () => {
    const { conversation } = await ok<{ conversation: Conversation }>(ada, 'conversation:fetch', { conversationId: ids.conversationId });
    expect(conversation).toMatchObject({ status: 'active', helper: { displayName: USERS.helperA1.name }, handoff: null, staff: null });
    const feed = await ok<{ pinned: FeedPost[]; posts: FeedPost[] }>(ada, 'feed:list', { siteId: ids.siteId });
    const post = [...feed.pinned, ...feed.posts].find((p) => p.id === ids.postId);
    expect(post).toMatchObject({ pinned: false, likeCount: 0, commentCount: 1, moderation: null });
    const { answers } = await ok<{ answers: { id: string }[] }>(ada, 'canned:list', { siteId: ids.siteId });
    expect(answers.map((a) => a.id)).toContain(ids.cannedId);
    const { redemptions } = await ok<{ redemptions: { id: string; status: string }[] }>(ada, 'redemption:list', { siteId: ids.siteId, scope: 'mine' });
    expect(redemptions.find((r) => r.id === ids.redemptionId)?.status).toBe('requested');
    const standing = await ok<{ balance: number }>(ada, 'gamification:summary', { siteId: ids.siteId });
    expect(standing.balance).toBe(4);
  });
});
