import { io } from 'socket.io-client';
import { describe, expect, it } from 'vitest';
import { ErrorCode, PROTOCOL_VERSION, type AckResult, type Conversation, type Message } from '@tribu/protocol';
import { clientId, connectHelper, connectVisitor, connected, mintVisitor, ok, send, type VisitorSocket } from './support/clients.ts';
import { ORIGIN_A, USERS } from './support/fixtures.ts';
import { rawUpgrade } from './support/raw-engine.ts';
import { hasPostgres, hasRedis } from './support/services.ts';
import { useTwoNodes } from './support/two-nodes.ts';

/**
 * Budgets are shared by every node through Redis: a flood spread over two processes is cut at
 * the one budget, not at twice it. (Budgets, from app.ts and the routes: 60 connections a minute
 * per address, 30 visitor tokens a minute per address, 40 events per 10 s per visitor.)
 */
const CONNECTIONS = 60;
const MINTS = 30;
const EVENTS = 40;
const SIGN_INS = 10;

describe.skipIf(!hasPostgres || !hasRedis)('floods spread over two nodes', () => {
  // Behind a load balancer: the client is the X-Forwarded-For entry the balancer appended (the last).
  const nodes = useTwoNodes(undefined, { TRUST_PROXY: 'true' });
  const node = (i: number) => (i % 2 === 0 ? nodes.a : nodes.b).url;

  const visitorSocket = (base: string, identity: { visitorId: string; token: string }, forwardedFor?: string): VisitorSocket =>
    io(`${base}/visitor`, {
      transports: ['websocket'],
      extraHeaders: { origin: ORIGIN_A, ...(forwardedFor ? { 'x-forwarded-for': forwardedFor } : {}) },
      auth: { protocolVersion: PROTOCOL_VERSION, siteKey: 'shop-a', ...identity },
      reconnection: false,
      forceNew: true,
    });

  it('lets one address open 60 connections a minute in all, alternating between the nodes, not 60 on each', async () => {
    const identity = await mintVisitor(nodes.a.url, 'shop-a', ORIGIN_A);
    const results: string[] = [];
    for (let i = 0; i < CONNECTIONS + 20; i++) {
      const s = visitorSocket(node(i), identity, '198.51.100.7');
      results.push(
        await connected(s).then(
          () => 'connected',
          (err: Error) => err.message,
        ),
      );
      s.disconnect();
    }
    expect(results.filter((r) => r === 'connected')).toHaveLength(CONNECTIONS);
    // Refused before any namespace, at the WebSocket upgrade (connection-budget.ts): 429 with the code.
    expect(results.slice(CONNECTIONS)).toEqual(Array(20).fill('websocket error'));
    for (const base of [nodes.a.url, nodes.b.url]) {
      const raw = await rawUpgrade(base, { forwardedFor: '198.51.100.7' });
      expect([raw.status, (JSON.parse(raw.body) as { error: { code: string } }).error.code]).toEqual([429, ErrorCode.rateLimited]);
    }
    // Another address is not held back by it, on either node.
    for (const base of [nodes.a.url, nodes.b.url]) {
      const other = visitorSocket(base, identity, '198.51.100.8');
      await connected(other);
      other.disconnect();
    }
  });

  it('mints 30 visitor tokens a minute for one address in all, alternating between the nodes', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < MINTS + 10; i++) {
      const res = await fetch(`${node(i)}/api/visitor/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: ORIGIN_A, 'x-forwarded-for': '198.51.100.9' },
        body: JSON.stringify({ siteKey: 'shop-a' }),
      });
      statuses.push(res.status);
      await res.arrayBuffer();
    }
    expect(statuses.filter((s) => s === 200)).toHaveLength(MINTS);
    expect(statuses.slice(MINTS)).toEqual(Array(10).fill(429));
  });

  it('keys the budgets by the address the balancer appended, so made-up X-Forwarded-For entries spread nothing', async () => {
    const identity = await mintVisitor(nodes.a.url, 'shop-a', ORIGIN_A);
    // What the balancer forwards when a client sends its own header: the client's entries, then the real address.
    const forged = (i: number, real: string) => `10.${i >> 8}.${i & 255}.1, 192.0.2.${i & 255}, ${real}`;
    const handshakes: string[] = [];
    for (let i = 0; i < CONNECTIONS + 5; i++) {
      const s = visitorSocket(node(i), identity, forged(i, '198.51.100.40'));
      handshakes.push(
        await connected(s).then(
          () => 'connected',
          (err: Error) => err.message,
        ),
      );
      s.disconnect();
    }
    expect(handshakes.filter((r) => r === 'connected')).toHaveLength(CONNECTIONS);
    const mints: number[] = [];
    for (let i = 0; i < MINTS + 5; i++) {
      const res = await fetch(`${node(i)}/api/visitor/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: ORIGIN_A, 'x-forwarded-for': forged(i, '198.51.100.41') },
        body: JSON.stringify({ siteKey: 'shop-a' }),
      });
      mints.push(res.status);
      await res.arrayBuffer();
    }
    expect(mints.filter((s) => s === 200)).toHaveLength(MINTS);
  });

  it('throttles password guessing on one account at 10 tries a minute in all, alternating between the nodes', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < SIGN_INS + 6; i++) {
      const base = node(i);
      const res = await fetch(`${base}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: base, 'x-forwarded-for': `10.9.9.${i}, 198.51.100.50` },
        body: JSON.stringify({ email: USERS.helperA2.email, password: `guess number ${i}` }),
      });
      statuses.push(res.status);
      await res.arrayBuffer();
    }
    expect(statuses.slice(0, SIGN_INS)).toEqual(Array(SIGN_INS).fill(401));
    expect(statuses.slice(SIGN_INS)).toEqual(Array(6).fill(429));
  });

  it("cuts one visitor's events at one budget across tabs on both nodes, while another visitor's messages are all acknowledged and delivered", async () => {
    const helper = await connectHelper(nodes.b.url, USERS.helperA1.email);
    // The bystander: a chat between a visitor on node A and a helper on node B.
    const bystander = await connectVisitor(nodes.a.url, { siteKey: 'shop-a', origin: ORIGIN_A });
    const { conversation } = await ok<{ conversation: Conversation }>(bystander.socket, 'conversation:start', { clientId: clientId(), text: 'Hello?' });
    await ok(helper.socket, 'conversation:claim', { conversationId: conversation.id });
    const seenByHelper = new Set<string>();
    helper.socket.on('message:created', (m: Message) => {
      if (m.conversationId === conversation.id) seenByHelper.add(m.text);
    });

    // The spammer: one identity, one tab on each node.
    const identity = await mintVisitor(nodes.b.url, 'shop-a', ORIGIN_A);
    const tabs = [visitorSocket(nodes.a.url, identity, '198.51.100.20'), visitorSocket(nodes.b.url, identity, '198.51.100.20')];
    await Promise.all(tabs.map(connected));

    const flood = Promise.all(Array.from({ length: EVENTS + 40 }, (_, i) => send(tabs[i % 2]!, 'conversation:fetch', {})));
    const texts = Array.from({ length: 20 }, (_, i) => `Bystander message ${i}`);
    const acks: AckResult<{ message: Message }>[] = [];
    for (const text of texts)
      acks.push(await send<{ message: Message }>(bystander.socket, 'message:send', { conversationId: conversation.id, clientId: clientId(), text }));
    const spam = await flood;

    expect(spam.filter((r) => r.ok)).toHaveLength(EVENTS);
    expect(spam.filter((r) => !r.ok).map((r) => !r.ok && r.error.code)).toEqual(Array(40).fill(ErrorCode.rateLimited));
    expect(acks.map((a) => a.ok)).toEqual(texts.map(() => true));
    await expect.poll(() => texts.filter((t) => !seenByHelper.has(t)), { timeout: 10_000 }).toEqual([]);
    // The spammer's tabs stay connected: refused, not thrown out.
    expect(tabs.map((s) => s.connected)).toEqual([true, true]);
    for (const s of tabs) s.disconnect();
  });
});
