import { describe, expect, it } from 'vitest';
import { io } from 'socket.io-client';
import { CSRF_HEADER, PROTOCOL_VERSION, type Conversation, type Message } from '@tribu/protocol';
import { clientId, connectHelper, connectVisitor, login, next, ok, refusal, send } from './support/clients.ts';
import { ORIGIN_A, USERS } from './support/fixtures.ts';
import { hasPostgres, hasRedis } from './support/services.ts';
import { useTwoNodes } from './support/two-nodes.ts';

describe.skipIf(!hasPostgres || !hasRedis)('moderation across two server processes', () => {
  const nodes = useTwoNodes();

  /** The moderator's JSON call on a node. */
  async function asModerator(base: string, method: string, path: string, body?: unknown) {
    const { cookie, me } = await login(base, USERS.moderatorA.email);
    const res = await fetch(`${base}${path}`, {
      method,
      headers: { cookie, origin: new URL(base).origin, [CSRF_HEADER]: me.csrfToken, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
    return { json: (await res.json()) as unknown, siteId: me.memberships[0]!.siteId };
  }

  it('disconnects a visitor on node B within a second of a ban made on node A, and refuses them on B afterwards', async () => {
    const helper = await connectHelper(nodes.b.url, USERS.helperA1.email);
    const visitor = await connectVisitor(nodes.b.url, { siteKey: 'shop-a', origin: ORIGIN_A });
    const { conversation } = await ok<{ conversation: Conversation }>(visitor.socket, 'conversation:start', { clientId: clientId(), text: 'Spam from B' });
    await ok(helper.socket, 'conversation:claim', { conversationId: conversation.id });
    const told = next<{ message: string }>(visitor.socket, 'visitor:banned', () => true, 1000);
    const gone = new Promise<number>((resolve) => visitor.socket.once('disconnect', () => resolve(Date.now())));
    const at = Date.now();
    await asModerator(nodes.a.url, 'POST', `/api/sites/${helper.siteId}/bans`, {
      conversationId: conversation.id,
      duration: '1d',
      reason: 'Spam',
      blockAddress: false,
    });
    expect((await told).message).toBe("Chat isn't available for you right now.");
    expect((await gone) - at).toBeLessThan(1000);

    const again = io(`${nodes.b.url}/visitor`, {
      transports: ['websocket'],
      extraHeaders: { origin: ORIGIN_A },
      auth: { protocolVersion: PROTOCOL_VERSION, siteKey: 'shop-a', visitorId: visitor.visitorId, token: visitor.token },
      reconnection: false,
      forceNew: true,
    });
    expect((await refusal(again)).data?.code).toBe('banned');
  });

  it("takes a suspended helper's rights away from their tab on node B at once, and gives them back on reinstatement", async () => {
    const ada = await connectHelper(nodes.b.url, USERS.helperA1.email);
    const { json } = await asModerator(nodes.a.url, 'GET', `/api/sites/${ada.siteId}/team`);
    const member = (json as { members: { userId: string; displayName: string }[] }).members.find((m) => m.displayName === 'Ada')!;
    const told = next<{ reason: string }>(ada.socket, 'membership:suspended', () => true, 1000);
    await asModerator(nodes.a.url, 'POST', `/api/sites/${ada.siteId}/team/${member.userId}/suspend`, { reason: 'Cooling off' });
    expect((await told).reason).toBe('Cooling off');
    await expect.poll(async () => (await send(ada.socket, 'queue:list', { siteId: ada.siteId })).ok, { timeout: 1000, interval: 50 }).toBe(false);
    await asModerator(nodes.a.url, 'POST', `/api/sites/${ada.siteId}/team/${member.userId}/reinstate`);
    await expect.poll(async () => (await send(ada.socket, 'queue:list', { siteId: ada.siteId })).ok, { timeout: 1000, interval: 50 }).toBe(true);
  });

  it('applies blocked words changed on node A to the very next message sent on node B', async () => {
    const helper = await connectHelper(nodes.b.url, USERS.helperA2.email);
    const visitor = await connectVisitor(nodes.b.url, { siteKey: 'shop-a', origin: ORIGIN_A });
    const { conversation } = await ok<{ conversation: Conversation }>(visitor.socket, 'conversation:start', { clientId: clientId(), text: 'Hi there' });
    await ok(helper.socket, 'conversation:claim', { conversationId: conversation.id });
    // Node B has read (and cached) the site's settings by now.
    await ok(visitor.socket, 'message:send', { conversationId: conversation.id, clientId: clientId(), text: 'warming the cache' });

    await asModerator(nodes.a.url, 'PUT', `/api/sites/${helper.siteId}/blocked-words`, { words: ['scam'] });
    const relayed = next<Message>(helper.socket, 'message:created', (m) => m.author === 'visitor', 1000);
    await ok(visitor.socket, 'message:send', { conversationId: conversation.id, clientId: clientId(), text: 'This shop is a SCAM' });
    expect(await relayed).toMatchObject({ text: 'This shop is a S***', flagged: true });
  });
});
