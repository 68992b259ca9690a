import { describe, expect, it } from 'vitest';
import type { Conversation, Message, QueueItem } from '@tribu/protocol';
import { clientId, connectHelper, connectVisitor, next, ok } from './support/clients.ts';
import { ORIGIN_A, USERS } from './support/fixtures.ts';
import { hasPostgres } from './support/services.ts';
import { usePostgresServer } from './support/app.ts';

describe.skipIf(!hasPostgres)('a visitor question reaches a helper and back (Postgres)', () => {
  const t = usePostgresServer();

  it('delivers the question, the claim, the answers and the end to both sides live', async () => {
    const helper = await connectHelper(t.server.url, USERS.helperA1.email);
    const visitor = await connectVisitor(t.server.url, { siteKey: 'shop-a', origin: ORIGIN_A });

    const queued = next<QueueItem>(helper.socket, 'queue:added');
    const started = await ok<{ conversation: Conversation; message: Message }>(visitor.socket, 'conversation:start', {
      clientId: clientId(),
      text: 'Does the Summit jacket run small?',
      page: { url: 'https://shop-a.example/p/summit', title: 'Summit jacket' },
    });
    expect(started.conversation.status).toBe('waiting');
    expect(started.message.seq).toBe(1);
    const item = await queued;
    expect(item).toMatchObject({ question: 'Does the Summit jacket run small?', page: { title: 'Summit jacket' } });

    const board = await ok<{ items: QueueItem[] }>(helper.socket, 'queue:list', { siteId: helper.siteId });
    expect(board.items.map((i) => i.conversationId)).toContain(item.conversationId);

    const visitorSeesClaim = next<Conversation>(visitor.socket, 'conversation:updated', (c) => c.status === 'active');
    const claimed = await ok<{ conversation: Conversation; messages: Message[] }>(helper.socket, 'conversation:claim', {
      conversationId: item.conversationId,
    });
    expect(claimed.messages.map((m) => m.text)).toEqual(['Does the Summit jacket run small?']);
    expect((await visitorSeesClaim).helper?.displayName).toBe(USERS.helperA1.name);

    const visitorGetsAnswer = next<Message>(visitor.socket, 'message:created', (m) => m.author === 'helper');
    await ok(helper.socket, 'message:send', { conversationId: item.conversationId, clientId: clientId(), text: 'It runs true to size.' });
    const answer = await visitorGetsAnswer;
    expect(answer).toMatchObject({ text: 'It runs true to size.', authorName: 'Ada', seq: 2 });

    const helperGetsReply = next<Message>(helper.socket, 'message:created', (m) => m.author === 'visitor');
    await ok(visitor.socket, 'message:send', { conversationId: item.conversationId, clientId: clientId(), text: 'Thanks!' });
    expect((await helperGetsReply).seq).toBe(3);

    const helperSeesPage = next<{ page: { url: string } }>(helper.socket, 'page:viewed');
    await ok(visitor.socket, 'page:view', {
      conversationId: item.conversationId,
      page: { url: 'https://shop-a.example/cart', title: 'Cart' },
    });
    expect((await helperSeesPage).page.url).toBe('https://shop-a.example/cart');

    const visitorSeesEnd = next<Conversation>(visitor.socket, 'conversation:updated', (c) => c.status === 'closed');
    await ok(helper.socket, 'conversation:end', { conversationId: item.conversationId });
    expect((await visitorSeesEnd).closedBy).toBe('helper');
  });

  it('gives a reconnecting visitor the history and exactly what it missed after its last seq', async () => {
    const first = await connectVisitor(t.server.url, { siteKey: 'shop-a', origin: ORIGIN_A });
    const { conversation } = await ok<{ conversation: Conversation }>(first.socket, 'conversation:start', {
      clientId: clientId(),
      text: 'Is shipping free?',
    });
    await ok(first.socket, 'message:send', { conversationId: conversation.id, clientId: clientId(), text: 'To Spain?' });
    first.socket.disconnect();

    // Same identity, as after a reload or a navigation to another page of the shop.
    const again = await connectVisitor(t.server.url, {
      siteKey: 'shop-a',
      origin: ORIGIN_A,
      identity: { visitorId: first.visitorId, token: first.token },
    });
    const restored = await ok<{ conversation: Conversation; messages: Message[] }>(again.socket, 'conversation:fetch', {});
    expect(restored.conversation.id).toBe(conversation.id);
    expect(restored.messages.map((m) => m.text)).toEqual(['Is shipping free?', 'To Spain?']);
    const missed = await ok<{ messages: Message[] }>(again.socket, 'message:sync', { conversationId: conversation.id, afterSeq: 1 });
    expect(missed.messages.map((m) => m.seq)).toEqual([2]);
  });

  it('keeps one open conversation per visitor: a second start from another tab joins it', async () => {
    const tab1 = await connectVisitor(t.server.url, { siteKey: 'shop-a', origin: ORIGIN_A });
    const identity = { visitorId: tab1.visitorId, token: tab1.token };
    const tab2 = await connectVisitor(t.server.url, { siteKey: 'shop-a', origin: ORIGIN_A, identity });
    const [a, b] = await Promise.all([
      ok<{ conversation: Conversation }>(tab1.socket, 'conversation:start', { clientId: clientId(), text: 'Hello from tab 1' }),
      ok<{ conversation: Conversation }>(tab2.socket, 'conversation:start', { clientId: clientId(), text: 'Hello from tab 2' }),
    ]);
    expect(a.conversation.id).toBe(b.conversation.id);
    const all = await ok<{ messages: Message[] }>(tab1.socket, 'message:sync', { conversationId: a.conversation.id, afterSeq: 0 });
    expect(all.messages.map((m) => m.text).sort()).toEqual(['Hello from tab 1', 'Hello from tab 2']);
  });
});
