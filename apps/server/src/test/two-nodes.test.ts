import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { memberships, sites, users } from '@tribu/db';
import type { Conversation, FeedPost, Message, PointsAwarded, QueueItem } from '@tribu/protocol';
import { clientId, connectHelper, connectVisitor, next, ok, send, closeAllSockets } from './support/clients.ts';
import { ORIGIN_A, USERS } from './support/fixtures.ts';
import { hasPostgres, hasRedis } from './support/services.ts';
import { useTwoNodes } from './support/two-nodes.ts';

// Every case twice: through the classic Redis adapter (every node hears every broadcast) and the sharded one
// (Redis 7 sharded pub/sub, a node subscribed only to the rooms it has sockets in; REDIS_ADAPTER=sharded).
describe.skipIf(!hasPostgres || !hasRedis).each(['classic', 'sharded'])('two server processes sharing Postgres and Redis (%s adapter)', (adapter) => {
  const nodes = useTwoNodes(
    async (db, { siteA, siteB }) => {
      // Ben also helps on shop-b, so leaving shop-a keeps his account.
      const [ben] = await db.select().from(users).where(eq(users.email, USERS.helperA2.email));
      await db.insert(memberships).values({ userId: ben!.id, siteId: siteB, role: 'helper' });
      // Test chats last milliseconds: count them as answered from 0 s (default minimum 30 s).
      await db
        .update(sites)
        .set({ settings: { chatCap: 2, scoring: { minChatSec: 0 } } })
        .where(eq(sites.id, siteA));
    },
    { REDIS_ADAPTER: adapter },
  );

  it('lets a visitor on node A and a helper on node B chat both ways', async () => {
    const helper = await connectHelper(nodes.b.url, USERS.helperA1.email);
    const visitor = await connectVisitor(nodes.a.url, { siteKey: 'shop-a', origin: ORIGIN_A });

    const queued = next<QueueItem>(helper.socket, 'queue:added');
    await ok(visitor.socket, 'conversation:start', { clientId: clientId(), text: 'Across nodes?' });
    const item = await queued;

    const claimSeen = next<Conversation>(visitor.socket, 'conversation:updated', (c) => c.status === 'active');
    await ok(helper.socket, 'conversation:claim', { conversationId: item.conversationId });
    expect((await claimSeen).helper?.displayName).toBe(USERS.helperA1.name);

    const toVisitor = next<Message>(visitor.socket, 'message:created', (m) => m.author === 'helper');
    await ok(helper.socket, 'message:send', { conversationId: item.conversationId, clientId: clientId(), text: 'Yes, from B' });
    expect((await toVisitor).text).toBe('Yes, from B');

    const toHelper = next<Message>(helper.socket, 'message:created', (m) => m.author === 'visitor');
    await ok(visitor.socket, 'message:send', { conversationId: item.conversationId, clientId: clientId(), text: 'Hello from A' });
    expect((await toHelper).text).toBe('Hello from A');

    const ended = next<Conversation>(helper.socket, 'conversation:updated', (c) => c.status === 'closed');
    await ok(visitor.socket, 'conversation:end', { conversationId: item.conversationId });
    expect((await ended).closedBy).toBe('visitor');
  });

  it('keeps one open conversation when the same visitor starts from two tabs on two nodes at once', async () => {
    for (let round = 0; round < 5; round++) {
      const tab1 = await connectVisitor(nodes.a.url, { siteKey: 'shop-a', origin: ORIGIN_A });
      const identity = { visitorId: tab1.visitorId, token: tab1.token };
      const tab2 = await connectVisitor(nodes.b.url, { siteKey: 'shop-a', origin: ORIGIN_A, identity });
      const [r1, r2] = await Promise.all([
        ok<{ conversation: Conversation; message: Message }>(tab1.socket, 'conversation:start', { clientId: clientId(), text: `Tab one, round ${round}` }),
        ok<{ conversation: Conversation; message: Message }>(tab2.socket, 'conversation:start', { clientId: clientId(), text: `Tab two, round ${round}` }),
      ]);
      // Both questions land in one conversation, numbered one after the other.
      expect(r1.conversation.id).toBe(r2.conversation.id);
      expect([r1.message.seq, r2.message.seq].sort()).toEqual([1, 2]);
      const fetched = await ok<{ messages: Message[] }>(tab2.socket, 'conversation:fetch', {});
      expect(fetched.messages.map((m) => m.text).sort()).toEqual([`Tab one, round ${round}`, `Tab two, round ${round}`]);
      await ok(tab1.socket, 'conversation:end', { conversationId: r1.conversation.id });
      tab1.socket.disconnect();
      tab2.socket.disconnect();
    }
  });

  it('stops telling a helper of a chat once they released it or handed it off, on either node', async () => {
    const ada = await connectHelper(nodes.a.url, USERS.helperA1.email);
    const ben = await connectHelper(nodes.b.url, USERS.helperA2.email);
    const visitor = await connectVisitor(nodes.a.url, { siteKey: 'shop-a', origin: ORIGIN_A });
    const { conversation } = await ok<{ conversation: Conversation }>(visitor.socket, 'conversation:start', { clientId: clientId(), text: 'Rooms?' });
    const conversationId = conversation.id;
    const heard = { ada: [] as string[], ben: [] as string[] };
    for (const [who, h] of [
      ['ada', ada],
      ['ben', ben],
    ] as const) {
      h.socket.on('message:created', (m: Message) => m.conversationId === conversationId && heard[who].push(m.text));
    }

    // Ada (node A) takes it and lets it go; Ben (node B) takes it.
    await ok(ada.socket, 'conversation:claim', { conversationId });
    await ok(ada.socket, 'conversation:release', { conversationId });
    await ok(ben.socket, 'conversation:claim', { conversationId });
    const toBen = next<Message>(ben.socket, 'message:created', (m) => m.text === 'Only for Ben');
    await ok(visitor.socket, 'message:send', { conversationId, clientId: clientId(), text: 'Only for Ben' });
    await toBen;
    const adaTries = await send(ada.socket, 'message:send', { conversationId, clientId: clientId(), text: 'Still here?' });
    expect(adaTries.ok ? 'sent' : adaTries.error.code).toBe('not_found');

    // Ben hands it to Ada, who accepts on node A: now Ben hears nothing more.
    const offered = next(ada.socket, 'handoff:offered');
    await ok(ben.socket, 'handoff:offer', { conversationId, toUserId: ada.me.user.id });
    await offered;
    await ok(ada.socket, 'handoff:answer', { conversationId, accept: true });
    const toAda = next<Message>(ada.socket, 'message:created', (m) => m.text === 'Only for Ada');
    await ok(visitor.socket, 'message:send', { conversationId, clientId: clientId(), text: 'Only for Ada' });
    await toAda;
    const benTries = await send(ben.socket, 'message:send', { conversationId, clientId: clientId(), text: 'Me again' });
    expect(benTries.ok ? 'sent' : benTries.error.code).toBe('not_found');

    expect(heard.ada).not.toContain('Only for Ben');
    expect(heard.ben).not.toContain('Only for Ada');
    await ok(visitor.socket, 'conversation:end', { conversationId });
  });

  it('lets exactly one of two helpers on two nodes win a claim, and removes the card for the other', async () => {
    const onA = await connectHelper(nodes.a.url, USERS.helperA1.email);
    const onB = await connectHelper(nodes.b.url, USERS.helperA2.email);
    const visitor = await connectVisitor(nodes.a.url, { siteKey: 'shop-a', origin: ORIGIN_A });
    const seenByB = next<QueueItem>(onB.socket, 'queue:added');
    const { conversation } = await ok<{ conversation: Conversation }>(visitor.socket, 'conversation:start', {
      clientId: clientId(),
      text: 'Who takes me?',
    });
    await seenByB;
    const removedOnA = next<{ conversationId: string }>(onA.socket, 'queue:removed', (r) => r.conversationId === conversation.id);
    const removedOnB = next<{ conversationId: string }>(onB.socket, 'queue:removed', (r) => r.conversationId === conversation.id);
    const results = await Promise.all([
      send(onA.socket, 'conversation:claim', { conversationId: conversation.id }),
      send(onB.socket, 'conversation:claim', { conversationId: conversation.id }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    await Promise.all([removedOnA, removedOnB]);
  });

  it('counts a helper connected to node B as online in the widget state served by node A', async () => {
    closeAllSockets();
    const online = async () => ((await (await fetch(`${nodes.a.url}/api/widget/shop-a`)).json()) as { helpersOnline: number }).helpersOnline;
    // Nobody once the earlier tests' helpers are gone (past the reload grace), then Mo alone, on node B.
    await expect.poll(online, { timeout: 10_000 }).toBe(0);
    await connectHelper(nodes.b.url, USERS.moderatorA.email);
    await expect.poll(online, { timeout: 10_000 }).toBe(1);
  });

  it('tells a helper on node B, live, of a feed post made on node A', async () => {
    const onA = await connectHelper(nodes.a.url, USERS.helperA1.email);
    const onB = await connectHelper(nodes.b.url, USERS.helperA2.email);
    const seen = next<FeedPost>(onB.socket, 'feed:created', (p) => p.text === 'Hello from node A');
    await ok(onA.socket, 'feed:post', { siteId: onA.siteId, clientId: clientId(), text: 'Hello from node A' });
    expect((await seen).author?.displayName).toBe(USERS.helperA1.name);
  });

  it("brings a helper's points to their tab on node B when their chat ends on node A", async () => {
    const onA = await connectHelper(nodes.a.url, USERS.helperA1.email);
    const otherTabOnB = await connectHelper(nodes.b.url, USERS.helperA1.email);
    const visitor = await connectVisitor(nodes.a.url, { siteKey: 'shop-a', origin: ORIGIN_A });
    const { conversation } = await ok<{ conversation: Conversation }>(visitor.socket, 'conversation:start', { clientId: clientId(), text: 'Points?' });
    await ok(onA.socket, 'conversation:claim', { conversationId: conversation.id });
    await ok(onA.socket, 'message:send', { conversationId: conversation.id, clientId: clientId(), text: 'Here!' });
    await ok(visitor.socket, 'message:send', { conversationId: conversation.id, clientId: clientId(), text: 'Thanks' });
    const points = next<PointsAwarded>(otherTabOnB.socket, 'points:awarded', (p) => p.conversationId === conversation.id);
    await ok(onA.socket, 'conversation:end', { conversationId: conversation.id });
    expect((await points).entries.some((e) => e.reason === 'chat')).toBe(true);
  });

  it('takes a site away from every open tab, on both nodes, when a helper leaves that community', async () => {
    const tabOnA = await connectHelper(nodes.a.url, USERS.helperA2.email);
    const tabOnB = await connectHelper(nodes.b.url, USERS.helperA2.email);
    const siteA = tabOnA.me.memberships.find((m) => m.siteKey === 'shop-a')!.siteId;
    await ok(tabOnB.socket, 'feed:list', { siteId: siteA });
    const res = await fetch(`${nodes.a.url}/api/profile/leave`, {
      method: 'POST',
      headers: { cookie: tabOnA.cookie, origin: nodes.a.url, 'x-csrf-token': tabOnA.me.csrfToken, 'content-type': 'application/json' },
      body: JSON.stringify({ siteId: siteA, confirm: true }),
    });
    expect(res.status).toBe(200);
    await expect.poll(async () => (await send(tabOnB.socket, 'feed:list', { siteId: siteA })).ok, { timeout: 3000 }).toBe(false);
    expect(await send(tabOnB.socket, 'feed:list', { siteId: siteA })).toMatchObject({ error: { code: 'not_found' } });
  });
});
