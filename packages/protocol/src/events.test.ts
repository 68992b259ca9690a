import { describe, expect, it } from 'vitest';
import { ConversationStartSchema, MessageSendSchema, PageViewSchema } from './events.ts';
import { LIMITS } from './limits.ts';

const id = '6f1c1a52-1d0e-4f4e-9a53-1f7f0b6f9a11';

describe('payload schemas', () => {
  it('accept a well-formed message', () => {
    expect(MessageSendSchema.parse({ conversationId: id, clientId: 'c-1', text: ' hi ' }).text).toBe('hi');
  });
  it.each([
    ['an empty text', { conversationId: id, clientId: 'c', text: '   ' }],
    ['an oversized text', { conversationId: id, clientId: 'c', text: 'x'.repeat(LIMITS.messageText + 1) }],
    ['a non-uuid conversation', { conversationId: '1', clientId: 'c', text: 'a' }],
    ['an extra key (mass assignment)', { conversationId: id, clientId: 'c', text: 'a', seq: 9 }],
    ['a client id with spaces', { conversationId: id, clientId: 'a b', text: 'a' }],
  ])('refuse %s', (_name, payload) => {
    expect(MessageSendSchema.safeParse(payload).success).toBe(false);
  });
  it('refuse a javascript: page url', () => {
    expect(PageViewSchema.safeParse({ conversationId: id, page: { url: 'javascript:alert(1)', title: '' } }).success).toBe(false);
  });
  it('default a missing page title to empty', () => {
    const r = ConversationStartSchema.parse({ clientId: 'a', text: 'q', page: { url: 'https://shop.example/p' } });
    expect(r.page?.title).toBe('');
  });
});
