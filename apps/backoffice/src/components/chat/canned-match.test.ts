import { describe, expect, it } from 'vitest';
import type { CannedAnswer } from '@tribu/protocol/client';
import { cannedMatches } from './canned-match.ts';

const answer = (shortcut: string): CannedAnswer => ({ id: shortcut, siteId: 's', scope: 'mine', shortcut, text: `${shortcut}!` });
const answers = ['hello', 'help', 'sizes', 'shipping'].map(answer);

describe('cannedMatches', () => {
  it.each([
    ['every answer for a lone slash', '/', ['hello', 'help', 'sizes', 'shipping']],
    ['those starting with what follows the slash', '/he', ['hello', 'help']],
    ['whatever the case typed', '/SI', ['sizes']],
    ['nothing when the slash is not first', 'see /he', []],
    ['nothing once a space follows the shortcut', '/help me', []],
    ['nothing for plain text', 'hello', []],
    ['nothing for an unknown shortcut', '/zzz', []],
  ])('gives %s', (_name, text, expected) => {
    expect(cannedMatches(text, answers).map((a) => a.shortcut)).toEqual(expected);
  });

  it('offers at most 8 at once', () => {
    const many = Array.from({ length: 12 }, (_, i) => answer(`a${i}`));
    expect(cannedMatches('/a', many)).toHaveLength(8);
  });
});
