import { describe, expect, it } from 'vitest';
import { THANKS_MAX_CHARS, thanksCardText, thanksEligible } from './thanks.ts';

describe('thanksEligible', () => {
  it.each([
    [5, 'Thank you!', true, true],
    [4, 'Great help', true, true],
    [3, 'OK', true, false],
    [5, 'Thank you!', false, false],
    [5, 'Thank you!', undefined, false],
    [5, '   ', true, false],
    [5, null, true, false],
  ])('%i★ %j consent=%s → %s', (rating, comment, consent, expected) => {
    expect(thanksEligible(rating, comment, consent)).toBe(expected);
  });
});

describe('thanksCardText', () => {
  it.each([
    ['  Thanks   a lot!  ', 'Thanks a lot!'],
    ['Mail me at ada@example.com or +33 6 12 34 56 78', 'Mail me at [email] or [phone]'],
    ['see https://evil.example/x', 'see [link]'],
    ['one\n\n\n\ntwo', 'one\n\ntwo'],
    ['<script>alert(1)</script>', '<script>alert(1)</script>'],
  ])('%j → %j', (comment, text) => {
    expect(thanksCardText(comment)).toBe(text);
  });

  it(`bounds the card to ${THANKS_MAX_CHARS} characters with an ellipsis`, () => {
    const text = thanksCardText('a'.repeat(1000));
    expect(text).toHaveLength(THANKS_MAX_CHARS);
    expect(text.endsWith('a…')).toBe(true);
  });
});
