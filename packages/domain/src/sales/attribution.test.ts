import { describe, expect, it } from 'vitest';
import { attributePurchase, type AnsweredChat, type Attribution } from './attribution.ts';

const bought = new Date('2026-03-10T12:00:00.000Z');
const DAY = 86_400_000;
const ago = (ms: number) => new Date(bought.getTime() - ms);
const chat = (id: string, helperId: string | null, answeredAt: Date): AnsweredChat => ({ conversationId: id, helperId, answeredAt });

describe('attributePurchase', () => {
  const cases: { name: string; chats: AnsweredChat[]; days: number; expected: Attribution }[] = [
    { name: 'is not assisted without any answered chat', chats: [], days: 7, expected: { kind: 'none' } },
    {
      name: 'is assisted by a chat answered an hour before',
      chats: [chat('c1', 'h1', ago(3_600_000))],
      days: 7,
      expected: { kind: 'assisted', conversationId: 'c1', helperId: 'h1' },
    },
    {
      name: 'is assisted by a chat answered exactly N days before',
      chats: [chat('c1', 'h1', ago(7 * DAY))],
      days: 7,
      expected: { kind: 'assisted', conversationId: 'c1', helperId: 'h1' },
    },
    { name: 'is not assisted by a chat answered N days and 1 s before', chats: [chat('c1', 'h1', ago(7 * DAY + 1000))], days: 7, expected: { kind: 'none' } },
    {
      name: 'follows the site window (N = 30)',
      chats: [chat('c1', 'h1', ago(20 * DAY))],
      days: 30,
      expected: { kind: 'assisted', conversationId: 'c1', helperId: 'h1' },
    },
    {
      name: 'is not assisted by a chat answered after the purchase',
      chats: [chat('c1', 'h1', new Date(bought.getTime() + 1000))],
      days: 7,
      expected: { kind: 'none' },
    },
    {
      name: 'credits the helper of the last answered chat',
      chats: [chat('old', 'h1', ago(3 * DAY)), chat('last', 'h2', ago(DAY)), chat('mid', 'h3', ago(2 * DAY))],
      days: 7,
      expected: { kind: 'assisted', conversationId: 'last', helperId: 'h2' },
    },
    {
      name: 'keeps the chat when its helper is gone',
      chats: [chat('c1', null, ago(DAY))],
      days: 7,
      expected: { kind: 'assisted', conversationId: 'c1', helperId: null },
    },
  ];
  it.each(cases)('$name', ({ chats, days, expected }) => {
    expect(attributePurchase(bought, chats, days)).toEqual(expected);
  });
});
