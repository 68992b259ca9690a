import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { sites } from '@tribu/db';
import type { CannedAnswer, Conversation, ConversationDetails, ConversationNote, HandoffOffered, Message, Notification, QueueItem } from '@tribu/protocol';
import { usePostgresServer } from './support/app.ts';
import { clientId, closeAllSockets, connectHelper, connectVisitor, next, ok, send, takenChat, type HelperSocket } from './support/clients.ts';
import { ORIGIN_A, USERS } from './support/fixtures.ts';
import { hasPostgres } from './support/services.ts';

const say = (s: HelperSocket, conversationId: string, text: string) =>
  send<{ message: Message }>(s, 'message:send', { conversationId, clientId: clientId(), text });
const end = (s: HelperSocket, conversationId: string) => ok(s, 'conversation:end', { conversationId });

describe.skipIf(!hasPostgres)('around a chat: details, notes, canned answers, hand-off, needs staff', () => {
  const t = usePostgresServer();
  const url = () => t.server.url;

  beforeAll(async () => {
    await t.server.db.db
      .update(sites)
      .set({ settings: { chatCap: 2, topics: [{ tag: 'sizing', label: 'Sizing', keywords: ['taille', 'size'] }] } })
      .where(eq(sites.id, t.server.sites.siteA));
  });
  afterEach(() => closeAllSockets());

  /** The error another helper gets must be the one a missing chat gives. */
  async function refusedLikeMissing(s: HelperSocket, event: string, payload: Record<string, unknown>) {
    const real = await send(s, event, payload);
    const missing = await send(s, event, { ...payload, conversationId: randomUUID() });
    expect(real).toEqual({ ok: false, error: { code: 'not_found', message: expect.any(String) } });
    expect(real).toEqual(missing);
  }

  it('stores the visitor language, time zone and matched topics and shows them on the board item', async () => {
    const a1 = await connectHelper(url(), USERS.helperA1.email);
    const v = await connectVisitor(url(), { siteKey: 'shop-a', origin: ORIGIN_A });
    const added = next<QueueItem>(a1.socket, 'queue:added');
    const { conversation } = await ok<{ conversation: Conversation }>(v.socket, 'conversation:start', {
      clientId: clientId(),
      text: 'Quelle TAILLE prendre ?',
      locale: 'fr',
      timeZone: 'Europe/Paris',
    });
    expect(await added).toMatchObject({ conversationId: conversation.id, locale: 'fr', topics: ['sizing'] });
    const { items } = await ok<{ items: QueueItem[] }>(a1.socket, 'queue:list', { siteId: a1.siteId });
    expect(items.find((i) => i.conversationId === conversation.id)).toMatchObject({ locale: 'fr', topics: ['sizing'] });
    const taken = await ok<{ conversation: Conversation }>(a1.socket, 'conversation:claim', { conversationId: conversation.id });
    expect(taken.conversation).toMatchObject({ locale: 'fr', timeZone: 'Europe/Paris', topics: ['sizing'] });
    await end(a1.socket, conversation.id);
  });

  it('lists the page trail with times, the visitor earlier chats and notes, only to the chat helper and moderators', async () => {
    const a1 = await connectHelper(url(), USERS.helperA1.email);
    const v = await connectVisitor(url(), { siteKey: 'shop-a', origin: ORIGIN_A });
    const first = await ok<{ conversation: Conversation }>(v.socket, 'conversation:start', { clientId: clientId(), text: 'Old question' });
    await ok(v.socket, 'conversation:end', { conversationId: first.conversation.id });
    const { conversation } = await ok<{ conversation: Conversation }>(v.socket, 'conversation:start', {
      clientId: clientId(),
      text: 'Which coat?',
      page: { url: 'https://shop-a.example/coats', title: 'Coats' },
    });
    await ok(a1.socket, 'conversation:claim', { conversationId: conversation.id });
    for (const p of ['parka', 'duffle']) {
      await ok(v.socket, 'page:view', { conversationId: conversation.id, page: { url: `https://shop-a.example/${p}`, title: p } });
    }
    const noted = next<ConversationNote>(a1.socket, 'note:created');
    await ok(a1.socket, 'note:add', { conversationId: conversation.id, text: 'Prefers warm colours' });
    expect((await noted).text).toBe('Prefers warm colours');

    const d = await ok<ConversationDetails>(a1.socket, 'conversation:details', { conversationId: conversation.id });
    expect(d.trail.map((p) => p.title)).toEqual(['Coats', 'parka', 'duffle']);
    const times = d.trail.map((p) => Date.parse(p.at));
    expect(times.every((x, i) => Number.isFinite(x) && (i === 0 || x >= times[i - 1]!))).toBe(true);
    expect(d.earlier.map((c) => c.question)).toEqual(['Old question']);
    expect(d.notes).toMatchObject([{ text: 'Prefers warm colours', author: { displayName: 'Ada' } }]);
    expect(d.followUpByEmail).toBe(false);
    expect(JSON.stringify(d)).not.toMatch(/@|visitorEmail|"ip"/);

    const mo = await connectHelper(url(), USERS.moderatorA.email);
    expect((await ok<ConversationDetails>(mo.socket, 'conversation:details', { conversationId: conversation.id })).notes).toHaveLength(1);
    const a2 = await connectHelper(url(), USERS.helperA2.email);
    const b1 = await connectHelper(url(), USERS.helperB1.email);
    for (const other of [a2.socket, b1.socket]) {
      await refusedLikeMissing(other, 'conversation:details', { conversationId: conversation.id });
      await refusedLikeMissing(other, 'note:add', { conversationId: conversation.id, text: 'peek' });
    }
    await end(a1.socket, conversation.id);
  });

  it('keeps site-wide canned answers to managers, personal ones to their owner, and refuses a taken shortcut', async () => {
    const a1 = await connectHelper(url(), USERS.helperA1.email);
    const a2 = await connectHelper(url(), USERS.helperA2.email);
    const mo = await connectHelper(url(), USERS.moderatorA.email);
    const b1 = await connectHelper(url(), USERS.helperB1.email);
    const siteId = a1.siteId;
    const save = (s: HelperSocket, scope: string, shortcut: string, text = 'Hello!') =>
      send<{ answer: CannedAnswer }>(s, 'canned:save', { siteId, scope, shortcut, text });

    const mine = await save(a1.socket, 'mine', 'thanks', 'Thanks for asking!');
    expect(mine).toMatchObject({ ok: true, data: { answer: { scope: 'mine', shortcut: 'thanks' } } });
    expect(await save(a1.socket, 'site', 'hello')).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const site = await save(mo.socket, 'site', 'hello', 'Hi, I am a customer too.');
    expect(site.ok).toBe(true);
    expect(await save(a1.socket, 'mine', 'thanks', 'Again')).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: expect.stringContaining('/thanks') },
    });
    expect(await save(mo.socket, 'site', 'hello')).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect((await save(a1.socket, 'mine', 'hello')).ok).toBe(true); // another scope, no clash

    const list = async (s: HelperSocket) =>
      (await ok<{ answers: CannedAnswer[] }>(s, 'canned:list', { siteId })).answers.map((x) => `${x.scope}:${x.shortcut}`).sort();
    expect(await list(a1.socket)).toEqual(['mine:hello', 'mine:thanks', 'site:hello']);
    expect(await list(a2.socket)).toEqual(['site:hello']);
    expect(await send(b1.socket, 'canned:list', { siteId })).toMatchObject({ ok: false, error: { code: 'not_found' } });

    const siteAnswerId = site.ok ? site.data.answer.id : '';
    const mineId = mine.ok ? mine.data.answer.id : '';
    expect(await send(a1.socket, 'canned:delete', { id: siteAnswerId })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await send(a2.socket, 'canned:delete', { id: mineId })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await send(a2.socket, 'canned:save', { siteId, id: mineId, scope: 'mine', shortcut: 'x', text: 'y' })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    await ok(mo.socket, 'canned:delete', { id: siteAnswerId });
    await ok(a1.socket, 'canned:delete', { id: mineId });
    expect(await list(a1.socket)).toEqual(['mine:hello']);
  });

  it('hands a chat to a peer who accepts: the history moves, the new helper answers, the old one cannot', async () => {
    const a2 = await connectHelper(url(), USERS.helperA2.email);
    const b1 = await connectHelper(url(), USERS.helperB1.email);
    const { helper: a1, visitor, conversation } = await takenChat(url(), USERS.helperA1.email, 'Merino or cotton?');
    const id = conversation.id;
    await ok(a1.socket, 'message:send', { conversationId: id, clientId: clientId(), text: 'Let me ask Ben.' });

    expect(await send(a1.socket, 'handoff:offer', { conversationId: id, toUserId: b1.me.user.id })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await send(a1.socket, 'handoff:offer', { conversationId: id, toUserId: a1.me.user.id })).toMatchObject({ ok: false });
    expect(await send(a2.socket, 'handoff:offer', { conversationId: id, toUserId: a2.me.user.id })).toMatchObject({ ok: false, error: { code: 'not_found' } });

    const offered = next<HandoffOffered>(a2.socket, 'handoff:offered');
    const notified = next<Notification>(a2.socket, 'notification:created', (n) => n.kind === 'handoff');
    const seenByVisitor = next<Conversation>(visitor.socket, 'conversation:updated');
    await ok(a1.socket, 'handoff:offer', { conversationId: id, toUserId: a2.me.user.id });
    expect(await offered).toMatchObject({ conversation: { id, handoff: { toName: 'Ben' } }, from: { displayName: 'Ada' } });
    expect((await notified).link.conversationId).toBe(id);
    const listed = await ok<{ offers: HandoffOffered[] }>(a2.socket, 'handoff:list', { siteId: a2.siteId });
    expect(listed.offers).toMatchObject([{ conversation: { id }, from: { displayName: 'Ada' } }]);
    expect((await ok<{ offers: HandoffOffered[] }>(a1.socket, 'handoff:list', { siteId: a1.siteId })).offers).toEqual([]);
    expect(await send(b1.socket, 'handoff:list', { siteId: a1.siteId })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect((await seenByVisitor).handoff).toBeNull();

    const declined = next<{ accepted: boolean }>(a1.socket, 'handoff:answered');
    await ok(a2.socket, 'handoff:answer', { conversationId: id, accept: false });
    expect((await declined).accepted).toBe(false);
    expect((await say(a1.socket, id, 'Still with you.')).ok).toBe(true);
    expect(await send(a2.socket, 'handoff:answer', { conversationId: id, accept: true })).toMatchObject({ ok: false, error: { code: 'not_found' } });

    await ok(a1.socket, 'handoff:offer', { conversationId: id, toUserId: a2.me.user.id });
    const told = next<Message>(visitor.socket, 'message:created', (m) => m.author === 'system');
    const moved = await ok<{ conversation: Conversation; messages: Message[] }>(a2.socket, 'handoff:answer', { conversationId: id, accept: true });
    expect(moved.conversation).toMatchObject({ helper: { displayName: 'Ben' }, handoff: null, status: 'active' });
    expect(moved.messages.map((m) => m.text).slice(0, 3)).toEqual(['Merino or cotton?', 'Let me ask Ben.', 'Still with you.']);
    expect((await told).text).toContain('Ben is taking over');

    const answer = next<Message>(visitor.socket, 'message:created', (m) => m.author === 'helper');
    expect((await say(a2.socket, id, 'Merino, for sure.')).ok).toBe(true);
    expect((await answer).authorName).toBe('Ben');
    expect(await say(a1.socket, id, 'Me again')).toMatchObject({ ok: false });
    await refusedLikeMissing(a1.socket, 'message:sync', { conversationId: id, afterSeq: 0 });
    await end(a2.socket, id);
  });

  it('refuses a hand-off accepted over the peer cap, leaves the chat with its helper, and drops the offer on release', async () => {
    const a2 = await connectHelper(url(), USERS.helperA2.email);
    const busy = [await takenChat(url(), USERS.helperA2.email, 'One?'), await takenChat(url(), USERS.helperA2.email, 'Two?')];
    const { helper: a1, conversation } = await takenChat(url(), USERS.helperA1.email, 'Three?');
    await ok(a1.socket, 'handoff:offer', { conversationId: conversation.id, toUserId: a2.me.user.id });
    const over = await send(a2.socket, 'handoff:answer', { conversationId: conversation.id, accept: true });
    expect(over).toMatchObject({ ok: false, error: { code: 'cap_reached' } });
    expect((await say(a1.socket, conversation.id, 'Still mine')).ok).toBe(true);
    const taken = next<{ accepted: boolean }>(a2.socket, 'handoff:answered');
    const cancelled = await ok<{ conversation: Conversation }>(a1.socket, 'handoff:cancel', { conversationId: conversation.id });
    expect(cancelled.conversation.handoff).toBeNull();
    expect((await taken).accepted).toBe(false);
    expect(await send(a1.socket, 'handoff:cancel', { conversationId: conversation.id })).toMatchObject({ ok: false, error: { code: 'invalid_state' } });
    await ok(a1.socket, 'handoff:offer', { conversationId: conversation.id, toUserId: a2.me.user.id });
    const withdrawn = next<{ conversationId: string; accepted: boolean }>(a2.socket, 'handoff:answered', (p) => p.conversationId === conversation.id);
    const released = await ok<{ conversation: Conversation }>(a1.socket, 'conversation:release', { conversationId: conversation.id });
    expect(released.conversation.handoff).toBeNull(); // the offer ends with the helper's hold
    expect((await withdrawn).accepted).toBe(false); // and the peer's banner goes
    expect(await send(a2.socket, 'handoff:answer', { conversationId: conversation.id, accept: true })).toMatchObject({ ok: false });
    const mo = await connectHelper(url(), USERS.moderatorA.email);
    await end(mo.socket, conversation.id);
    for (const b of busy) await end(a2.socket, b.conversation.id);
  });

  it('sends a chat to staff: off the desk and the board, the visitor told, only managers list and take it', async () => {
    const a2 = await connectHelper(url(), USERS.helperA2.email);
    const mo = await connectHelper(url(), USERS.moderatorA.email);
    const { helper: a1, visitor, conversation } = await takenChat(url(), USERS.helperA1.email, 'I want a refund');
    const id = conversation.id;
    const told = next<Message>(visitor.socket, 'message:created', (m) => m.author === 'system');
    const visitorSees = next<Conversation>(visitor.socket, 'conversation:updated', (c) => c.status === 'waiting');
    const managers = next<{ siteId: string }>(mo.socket, 'staff:changed');
    const r = await ok<{ conversation: Conversation }>(a1.socket, 'conversation:needs-staff', { conversationId: id, reason: 'Refund request' });
    expect(r.conversation).toMatchObject({ status: 'waiting', helper: null, staff: { reason: 'Refund request' } });
    expect((await told).text).toMatch(/staff/);
    expect((await visitorSees).staff?.reason).toBe('');
    expect((await managers).siteId).toBe(a1.siteId);

    const mine = await ok<{ conversations: Conversation[] }>(a1.socket, 'conversation:list', { siteId: a1.siteId });
    expect(mine.conversations.map((c) => c.id)).not.toContain(id);
    const board = await ok<{ items: QueueItem[] }>(a2.socket, 'queue:list', { siteId: a2.siteId });
    expect(board.items.map((i) => i.conversationId)).not.toContain(id);
    expect(await send(a2.socket, 'staff:list', { siteId: a2.siteId })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    const staff = await ok<{ items: (QueueItem & { reason: string })[] }>(mo.socket, 'staff:list', { siteId: mo.siteId });
    expect(staff.items).toMatchObject([{ conversationId: id, reason: 'Refund request' }]);

    await refusedLikeMissing(a2.socket, 'conversation:claim', { conversationId: id });
    await t.server.sweep();
    const taken = await ok<{ conversation: Conversation }>(mo.socket, 'conversation:claim', { conversationId: id });
    expect(taken.conversation.helper?.displayName).toBe('Mo');
    expect((await ok<{ items: unknown[] }>(mo.socket, 'staff:list', { siteId: mo.siteId })).items).toEqual([]);
    await end(mo.socket, id);
  });
});
