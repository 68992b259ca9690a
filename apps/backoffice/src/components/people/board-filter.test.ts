import { describe, expect, it } from 'vitest';
import { keepRequest, nudgeDelay } from './board-filter.ts';

const on = { languages: true, topics: true };

describe('board filters', () => {
  it.each([
    ['a request in my language', { locale: 'fr', topics: [] }, true],
    ['a regional variant of my language', { locale: 'fr-CA', topics: [] }, true],
    ['a request in another language', { locale: 'es', topics: [] }, false],
    ['a request whose language is unknown', { locale: null, topics: [] }, true],
    ['a request about a topic I know', { locale: 'en', topics: ['sizing', 'care'] }, true],
    ['a request about topics I do not know', { locale: 'en', topics: ['shipping'] }, false],
    ['a request with no topic', { locale: 'en', topics: [] }, true],
  ])('with both filters on, keeps %s: %s', (_name, item, kept) => {
    expect(keepRequest(item, on, ['fr', 'en'], ['sizing'])).toBe(kept);
  });

  it('keeps everything when the filters are off or my profile has no languages or topics', () => {
    const spanish = { locale: 'es', topics: ['shipping'] };
    expect(keepRequest(spanish, { languages: false, topics: false }, ['fr'], ['sizing'])).toBe(true);
    expect(keepRequest(spanish, on, [], [])).toBe(true);
  });
});

describe('nudge for an unclaimed request', () => {
  it.each([
    ['just arrived', 0, 5000],
    ['arrived 2 s ago', 2000, 3000],
    ['already past the delay (a late event)', 8000, 0],
    ['already waiting when the desk opened', 60_000, null],
  ])('%s: waits %s ms', (_name, age, delay) => {
    expect(nudgeDelay(age, 5000)).toBe(delay);
  });
});
