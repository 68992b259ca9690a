import { describe, expect, it } from 'vitest';
import { hasUnstorableText } from './unstorable-text.ts';

describe('hasUnstorableText', () => {
  it.each([
    ['a NUL in a string', 'a\u0000b', true],
    ['a NUL deep inside', { a: [1, { b: 'x\u0000' }] }, true],
    ['a NUL in a key', { 'k\u0000': 1 }, true],
    ['a lone high surrogate', 'x\uD83D', true],
    ['a lone low surrogate', ['\uDFFFy'], true],
    ['an emoji (a whole pair)', { a: 'ok 💥 ok' }, false],
    ['clean values', { a: ['b', 1, null, true], c: 'the \\u0000 escape, spelled out' }, false],
  ])('%s: %s', (_name, value, expected) => {
    expect(hasUnstorableText(value)).toBe(expected);
  });

  it('walks a payload nested 100 000 levels deep without exhausting the stack', () => {
    let v: unknown = 'bottom\u0000';
    for (let i = 0; i < 100_000; i++) v = [v];
    expect(hasUnstorableText(v)).toBe(true);
  });
});
