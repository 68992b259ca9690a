import { describe, expect, it } from 'vitest';
import type { Conversation, Message } from '@tribu/protocol/client';
import { addPending, lastSeq, mergeMessages, setPending, upsertChat } from './chat-state.ts';

const conversation: Conversation = {
  id: 'c1',
  siteId: 's1',
  status: 'active',
  helper: null,
  question: 'Does it run small?',
  page: { url: 'https://shop.test/a', title: 'A' },
  lastSeq: 1,
  createdAt: '2026-01-01T00:00:00Z',
  claimedAt: '2026-01-01T00:01:00Z',
  closedAt: null,
  closedBy: null,
  rating: null,
  ratingComment: null,
  visitorName: null,
  visitorReadSeq: 0,
  helperReadSeq: 0,
  locale: 'en',
  timeZone: 'Europe/Paris',
  topics: [],
  staff: null,
  handoff: null,
};
const msg = (seq: number, clientId = `c${seq}`, author: Message['author'] = 'visitor'): Message => ({
  id: `m${seq}`,
  conversationId: 'c1',
  seq,
  clientId,
  author,
  authorName: null,
  text: `text ${seq}`,
  createdAt: '2026-01-01T00:00:00Z',
});

describe('mergeMessages', () => {
  it('keeps one copy of a message seen twice and orders by seq', () => {
    const merged = mergeMessages([msg(1), msg(3)], [msg(2), msg(3)]);
    expect(merged.map((m) => m.seq)).toEqual([1, 2, 3]);
  });
});

describe('upsertChat', () => {
  it('settles a pending reply once the stored message with its client id arrives', () => {
    let chats = upsertChat({}, conversation, [msg(1)]);
    chats = addPending(chats, 'c1', 'mine', 'Hello');
    expect(chats.c1?.pending).toHaveLength(1);
    chats = upsertChat(chats, conversation, [msg(2, 'mine', 'helper')]);
    expect(chats.c1?.pending).toHaveLength(0);
    expect(lastSeq(chats.c1)).toBe(2);
  });

  it('keeps the live page over the one the conversation started on', () => {
    let chats = upsertChat({}, conversation);
    chats = { c1: { ...chats.c1!, page: { url: 'https://shop.test/cart', title: 'Cart' } } };
    expect(upsertChat(chats, conversation).c1?.page?.title).toBe('Cart');
  });

  it('marks a failed reply with its reason and back to sending on retry', () => {
    let chats = addPending(upsertChat({}, conversation), 'c1', 'x', 'Hi');
    chats = setPending(chats, 'c1', 'x', 'failed', { code: 'unavailable', message: 'No answer' });
    expect(chats.c1?.pending[0]).toMatchObject({ state: 'failed', error: { code: 'unavailable' } });
    chats = setPending(chats, 'c1', 'x', 'sending');
    expect(chats.c1?.pending[0]).toEqual({ clientId: 'x', text: 'Hi', state: 'sending' });
  });
});
