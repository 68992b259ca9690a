import { describe, expect, it } from 'vitest';
import type { Conversation, Message } from '@tribu/protocol/client';
import type { Chat } from '../../realtime/chat-state.ts';
import { en } from '../../i18n/messages/en/index.ts';
import { pagePart, tabFacts } from './tab-facts.ts';

const w = en.desk.tabs;

const NOW = Date.parse('2026-01-01T10:10:00Z');
const conversation: Conversation = {
  id: 'c1',
  siteId: 's1',
  status: 'active',
  helper: null,
  question: 'Is the beanie warm?',
  page: { url: 'https://shop.test/beanie', title: 'Merino beanie — Alpine Threads' },
  lastSeq: 3,
  createdAt: '2026-01-01T10:00:00Z',
  claimedAt: '2026-01-01T10:01:00Z',
  closedAt: null,
  closedBy: null,
  rating: null,
  ratingComment: null,
  visitorName: null,
  visitorReadSeq: 0,
  helperReadSeq: 1,
  locale: 'fr-FR',
  timeZone: 'Europe/Paris',
  topics: [],
  staff: null,
  handoff: null,
};
const msg = (seq: number, author: Message['author'], at: string): Message => ({
  id: `m${seq}`,
  conversationId: 'c1',
  seq,
  clientId: `k${seq}`,
  author,
  authorName: null,
  text: `text ${seq}`,
  createdAt: at,
});
const chat = (over: Partial<Chat> = {}): Chat => ({
  conversation,
  messages: [msg(1, 'visitor', '2026-01-01T10:00:00Z'), msg(2, 'visitor', '2026-01-01T10:03:00Z'), msg(3, 'visitor', '2026-01-01T10:07:30Z')],
  pending: [],
  page: conversation.page,
  visitorTyping: true,
  ...over,
});

describe('chat tab facts', () => {
  it('keeps the page its own part of the title', () => {
    expect(pagePart('Summit Jacket — Alpine Threads', '', w)).toBe('Summit Jacket');
    expect(pagePart('Cart | Shop', '', w)).toBe('Cart');
    expect(pagePart('Plain title', '', w)).toBe('Plain title');
    expect(pagePart('Alpine Threads — merino outdoor clothing', 'Alpine Threads', w)).toBe('Home page');
    expect(pagePart('Order confirmed — Alpine Threads', 'Alpine Threads', w)).toBe('Order confirmed');
  });

  it('tells an unanswered chat by page, question, language, wait, unread and typing', () => {
    const f = tabFacts(chat(), 0, NOW, '', w);
    expect(f).toEqual({
      where: 'Merino beanie',
      question: 'Is the beanie warm?',
      lang: 'FR',
      waitingMin: 2,
      unread: 2,
      typing: true,
      closed: false,
      answered: false,
    });
  });

  it('counts nothing unread once the desk has shown the last message, and no wait after my reply', () => {
    const answered = chat({ messages: [...chat().messages, msg(4, 'helper', '2026-01-01T10:08:00Z')], visitorTyping: false });
    const f = tabFacts(answered, 3, NOW, '', w);
    expect([f.unread, f.waitingMin, f.answered, f.typing]).toEqual([0, null, true, false]);
  });

  it('prefers the product the page sells, and says a closed chat ended', () => {
    const closed = { ...conversation, status: 'closed' as const, page: { url: 'https://shop.test/p', title: 'x', product: { name: 'Summit Jacket' } } };
    const f = tabFacts(chat({ conversation: closed }), 3, NOW, '', w);
    expect([f.where, f.closed, f.typing, f.waitingMin]).toEqual(['Summit Jacket', true, false, null]);
  });
});
