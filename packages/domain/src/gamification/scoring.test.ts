import { describe, expect, it } from 'vitest';
import { DEFAULT_SCORING, awardsFor, isAnswered, type ChatFacts } from './scoring.ts';

const t0 = new Date('2026-05-01T10:00:00Z');
const at = (sec: number) => new Date(t0.getTime() + sec * 1000);
const chat = (over: Partial<ChatFacts> = {}): ChatFacts => ({
  conversationId: 'c1',
  askedAt: t0,
  firstAnswerAt: at(90),
  closedAt: at(600),
  visitorRepliedAfterAnswer: true,
  rating: null,
  excluded: false,
  ...over,
});

describe('an answered chat', () => {
  it.each([
    ['helper answered, visitor replied, 10 minutes', chat(), true],
    ['helper never answered', chat({ firstAnswerAt: null }), false],
    ['visitor neither replied nor rated', chat({ visitorRepliedAfterAnswer: false }), false],
    ['visitor did not reply but rated', chat({ visitorRepliedAfterAnswer: false, rating: 2 }), true],
    ['over in 20 seconds', chat({ firstAnswerAt: at(5), closedAt: at(20) }), false],
    ['marked abusive or out of scope, or sent to staff', chat({ excluded: true, rating: 5 }), false],
  ])('%s → %s', (_name, facts, expected) => {
    expect(isAnswered(facts)).toBe(expected);
  });
});

describe('points for a chat', () => {
  it.each([
    ['a plain answered chat earns the chat points', chat(), 0, ['chat:c1=1']],
    ['a 5-star rating adds the rating bonus', chat({ rating: 5 }), 0, ['chat:c1=1', 'rating:c1=1']],
    ['a 4-star rating adds it too', chat({ rating: 4 }), 0, ['chat:c1=1', 'rating:c1=1']],
    ['a 3-star rating adds nothing', chat({ rating: 3 }), 0, ['chat:c1=1']],
    ['a first answer within 60 s adds the speed bonus', chat({ firstAnswerAt: at(45) }), 0, ['chat:c1=1', 'fast:c1=1']],
    ['all three', chat({ firstAnswerAt: at(60), rating: 5 }), 0, ['chat:c1=1', 'rating:c1=1', 'fast:c1=1']],
    ['the daily cap per visitor trims the bonuses', chat({ firstAnswerAt: at(10), rating: 5 }), 2, ['chat:c1=1']],
    ['a visitor already at the cap brings nothing', chat({ rating: 5 }), 3, []],
    ['an unanswered chat earns nothing', chat({ firstAnswerAt: null, rating: 5 }), 0, []],
  ])('%s', (_name, facts, already, expected) => {
    expect(awardsFor(facts, DEFAULT_SCORING, already).map((a) => `${a.key}=${a.points}`)).toEqual(expected);
  });

  it('gives the same idempotency keys every time, so a retried close awards once', () => {
    expect(awardsFor(chat({ rating: 5 }))).toEqual(awardsFor(chat({ rating: 5 })));
  });
});
