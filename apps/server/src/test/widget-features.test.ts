import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { memberships, sites, users } from '@tribu/db';
import { ConversationRepository } from '../modules/conversations/conversation.repository.ts';
import type { Conversation, Message, QueueItem, QueuePosition, ReadUpdated, TypingUpdated, WidgetState } from '@tribu/protocol';
import { clientId, connectHelper, connectVisitor, next, ok, send, takenChat } from './support/clients.ts';
import { ORIGIN_A, ORIGIN_B, USERS } from './support/fixtures.ts';
import { hasPostgres } from './support/services.ts';
import { usePostgresServer } from './support/app.ts';

describe.skipIf(!hasPostgres)('what the widget shows and does around a chat', () => {
  const t = usePostgresServer();
  const state = async (key: string) => (await (await fetch(`${t.server.url}/api/widget/${key}`)).json()) as WidgetState;

  it('offers the live chat with the available helpers when someone can answer', async () => {
    await connectHelper(t.server.url, USERS.helperA1.email);
    const s = await state('shop-a');
    expect(s.availability.mode).toBe('live');
    expect(s.availability.helpers.map((h) => h.displayName)).toContain(USERS.helperA1.name);
  });

  it('offers to leave a question when nobody can answer, or hides when the site says so', async () => {
    expect((await state('shop-b')).availability).toMatchObject({ mode: 'offline', helpers: [] });
    await t.server.db.db.insert(sites).values({ key: 'shop-hidden', name: 'Hidden', settings: { offlineMode: 'hide' } });
    expect((await state('shop-hidden')).availability.mode).toBe('hidden');
  });

  it('relays typing both ways, only between the two people of the chat', async () => {
    const { helper, visitor, conversation } = await takenChat(t.server.url, USERS.helperA2.email, 'Typing test');
    const helperSees = next<TypingUpdated>(helper.socket, 'typing:updated');
    await ok(visitor.socket, 'typing:set', { conversationId: conversation.id, typing: true });
    expect(await helperSees).toEqual({ conversationId: conversation.id, author: 'visitor', typing: true });
    const visitorSees = next<TypingUpdated>(visitor.socket, 'typing:updated');
    await ok(helper.socket, 'typing:set', { conversationId: conversation.id, typing: true });
    expect((await visitorSees).author).toBe('helper');
    const other = await connectHelper(t.server.url, USERS.moderatorA.email);
    const r = await send(other.socket, 'typing:set', { conversationId: conversation.id, typing: true });
    expect(r.ok).toBe(false);
    await ok(helper.socket, 'conversation:end', { conversationId: conversation.id });
  });

  it("lists the visitor's earlier chats, and only theirs", async () => {
    const visitor = await connectVisitor(t.server.url, { siteKey: 'shop-a', origin: ORIGIN_A });
    const first = await ok<{ conversation: Conversation }>(visitor.socket, 'conversation:start', { clientId: clientId(), text: 'Old question' });
    await ok(visitor.socket, 'conversation:end', { conversationId: first.conversation.id });
    await ok(visitor.socket, 'conversation:start', { clientId: clientId(), text: 'New question' });
    const { conversations } = await ok<{ conversations: Conversation[] }>(visitor.socket, 'conversation:history', {});
    expect(conversations.map((c) => c.question)).toEqual(['Old question']);
    const other = await connectVisitor(t.server.url, { siteKey: 'shop-a', origin: ORIGIN_A });
    expect((await ok<{ conversations: Conversation[] }>(other.socket, 'conversation:history', {})).conversations).toEqual([]);
  });

  it('asks what the site requires before a chat, and shows helpers only the name typed', async () => {
    await t.server.db.db.insert(sites).values({
      key: 'shop-form',
      name: 'Form shop',
      allowedOrigins: [ORIGIN_B],
      settings: { prechat: { name: 'required', consent: true } },
    });
    const visitor = await connectVisitor(t.server.url, { siteKey: 'shop-form', origin: ORIGIN_B });
    const state = (await (await fetch(`${t.server.url}/api/widget/shop-form`)).json()) as WidgetState;
    expect(state.prechat).toEqual({ name: 'required', email: 'off', consent: true });
    const noConsent = await send(visitor.socket, 'conversation:start', { clientId: clientId(), text: 'Hi', name: 'Anna' });
    expect(noConsent).toMatchObject({ ok: false, error: { code: 'bad_request', message: expect.stringMatching(/privacy/) } });
    const noName = await send(visitor.socket, 'conversation:start', { clientId: clientId(), text: 'Hi', consent: true });
    expect(noName).toMatchObject({ ok: false, error: { message: expect.stringMatching(/name/) } });
    const started = await ok<{ conversation: Conversation }>(visitor.socket, 'conversation:start', {
      clientId: clientId(),
      text: 'Hi',
      name: 'Anna',
      consent: true,
    });
    expect(started.conversation.visitorName).toBe('Anna');
  });

  it('puts a taken request back on the board when the helper sends no first answer in time', async () => {
    await t.server.db.db.insert(sites).values({
      key: 'shop-fast',
      name: 'Fast shop',
      allowedOrigins: [ORIGIN_A],
      settings: { releaseAfterSec: 1 },
    });
    const [fast] = await t.server.db.db.select().from(sites).where(eq(sites.key, 'shop-fast'));
    const [helperRow] = await t.server.db.db.select().from(users).where(eq(users.email, USERS.helperA2.email));
    await t.server.db.db.insert(memberships).values({ userId: helperRow!.id, siteId: fast!.id, role: 'helper' });
    const helper = await connectHelper(t.server.url, USERS.helperA2.email);
    const visitor = await connectVisitor(t.server.url, { siteKey: 'shop-fast', origin: ORIGIN_A });
    const { conversation } = await ok<{ conversation: Conversation }>(visitor.socket, 'conversation:start', {
      clientId: clientId(),
      text: 'Anyone?',
    });
    await ok(helper.socket, 'conversation:claim', { conversationId: conversation.id });
    await t.server.sweep();
    expect((await ok<{ conversation: Conversation }>(visitor.socket, 'conversation:fetch', {})).conversation.status).toBe('active');
    await new Promise((r) => setTimeout(r, 1200));
    const helperTold = next<Conversation>(helper.socket, 'conversation:updated', (c) => c.status === 'waiting');
    const backOnBoard = next<QueueItem>(helper.socket, 'queue:added', (i) => i.conversationId === conversation.id);
    const visitorTold = next<Message>(visitor.socket, 'message:created', (m) => m.author === 'system');
    await t.server.sweep();
    expect((await helperTold).helper).toBeNull();
    expect((await visitorTold).text).toBe(
      'The community member had to leave this chat. Your question is back with the community: someone else will answer here.',
    );
    await backOnBoard;
    const late = await send(helper.socket, 'message:send', { conversationId: conversation.id, clientId: clientId(), text: 'Too late' });
    expect(late.ok).toBe(false);
    expect((await send(helper.socket, 'conversation:claim', { conversationId: conversation.id })).ok).toBe(true);
  });

  it('passes read receipts to the other side, never past the last message', async () => {
    const { helper, visitor, conversation } = await takenChat(t.server.url, USERS.helperA1.email, 'Read me');
    await ok(helper.socket, 'message:send', { conversationId: conversation.id, clientId: clientId(), text: 'Seen?' });
    const helperTold = next<ReadUpdated>(helper.socket, 'read:updated');
    await ok(visitor.socket, 'read:update', { conversationId: conversation.id, seq: 99 });
    expect(await helperTold).toEqual({ conversationId: conversation.id, author: 'visitor', seq: 2 });
    const visitorTold = next<ReadUpdated>(visitor.socket, 'read:updated');
    await ok(helper.socket, 'read:update', { conversationId: conversation.id, seq: 1 });
    expect((await visitorTold).seq).toBe(1);
    const again = await ok<{ conversation: Conversation }>(helper.socket, 'conversation:fetch', { conversationId: conversation.id });
    expect(again.conversation).toMatchObject({ visitorReadSeq: 2, helperReadSeq: 1 });
    const stranger = await connectHelper(t.server.url, USERS.helperB1.email);
    expect((await send(stranger.socket, 'read:update', { conversationId: conversation.id, seq: 1 })).ok).toBe(false);
    await ok(helper.socket, 'conversation:end', { conversationId: conversation.id });
  });

  it('lets the visitor rate an answered chat once it has ended, and tells the helper', async () => {
    const helper = await connectHelper(t.server.url, USERS.helperA1.email);
    const visitor = await connectVisitor(t.server.url, { siteKey: 'shop-a', origin: ORIGIN_A });
    const { conversation } = await ok<{ conversation: Conversation }>(visitor.socket, 'conversation:start', {
      clientId: clientId(),
      text: 'Rate me',
      email: 'visitor@example.com',
    });
    expect(JSON.stringify(conversation)).not.toContain('visitor@example.com');
    const early = await send(visitor.socket, 'conversation:rate', { conversationId: conversation.id, rating: 5 });
    expect(early).toMatchObject({ ok: false, error: { code: 'invalid_state' } });
    await ok(helper.socket, 'conversation:claim', { conversationId: conversation.id });
    await ok(helper.socket, 'message:send', { conversationId: conversation.id, clientId: clientId(), text: 'Answer' });
    await ok(helper.socket, 'conversation:end', { conversationId: conversation.id });
    const bad = await send(visitor.socket, 'conversation:rate', { conversationId: conversation.id, rating: 6 });
    expect(bad).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    const told = next<Conversation>(helper.socket, 'conversation:updated', (c) => c.rating !== null);
    const rated = await ok<{ conversation: Conversation }>(visitor.socket, 'conversation:rate', {
      conversationId: conversation.id,
      rating: 5,
      comment: 'Spot on, thanks',
    });
    expect(rated.conversation).toMatchObject({ rating: 5, ratingComment: 'Spot on, thanks' });
    expect((await told).rating).toBe(5);
    const repo = new ConversationRepository(t.server.db.db);
    expect(await repo.medianResponseMinutes(t.server.sites.siteA)).toBe(1);
  });
});

describe.skipIf(!hasPostgres)('queue positions', () => {
  const t = usePostgresServer();

  it('tells each waiting visitor their place in line, and moves them up when a request is taken', async () => {
    const first = await connectVisitor(t.server.url, { siteKey: 'shop-a', origin: ORIGIN_A });
    const second = await connectVisitor(t.server.url, { siteKey: 'shop-a', origin: ORIGIN_A });
    const firstPlace = next<QueuePosition>(first.socket, 'queue:position');
    const a = await ok<{ conversation: Conversation }>(first.socket, 'conversation:start', { clientId: clientId(), text: 'First' });
    expect((await firstPlace).position).toBe(1);
    const secondPlace = next<QueuePosition>(second.socket, 'queue:position');
    await ok(second.socket, 'conversation:start', { clientId: clientId(), text: 'Second' });
    expect((await secondPlace).position).toBe(2);
    const helper = await connectHelper(t.server.url, USERS.helperA1.email);
    const movedUp = next<QueuePosition>(second.socket, 'queue:position', (p) => p.position === 1);
    await ok(helper.socket, 'conversation:claim', { conversationId: a.conversation.id });
    expect((await movedUp).position).toBe(1);
  });
});
