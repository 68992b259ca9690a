import { describe, expect, it } from 'vitest';
import { findMentions, mentionedIds } from './mentions.ts';

const members = [
  { id: 'ann', displayName: 'Ann' },
  { id: 'anna', displayName: 'Anna' },
  { id: 'ines', displayName: 'Inès' },
  { id: 'jean', displayName: 'Jean Pierre' },
  { id: 'jeanp', displayName: 'Jean' },
];

describe('mentions', () => {
  it.each([
    ['hello @Ann', ['ann']],
    ['hello @Anna!', ['anna']],
    ['@anna and @ANN', ['anna', 'ann']],
    ['thanks @Inès.', ['ines']],
    ['thanks @ines', []],
    ['@Jean Pierre knows', ['jean']],
    ['@Jean knows', ['jeanp']],
    ['@Jean Pierrette knows', ['jeanp']],
    ['mail ann@Ann.com', []],
    ['@Annabel is not a member', []],
    ['@Ann @Ann twice', ['ann']],
    ['no mention at all', []],
    ['@ alone', []],
  ])('in %j finds %j', (text, ids) => {
    expect(mentionedIds(text, members)).toEqual(ids);
  });

  it('gives the span of each mention so it can be highlighted', () => {
    const text = 'ask @Jean Pierre or @anna';
    const spans = findMentions(text, members);
    expect(spans.map((s) => text.slice(s.start, s.end))).toEqual(['@Jean Pierre', '@anna']);
  });
});
