import { describe, expect, it } from 'vitest';
import { cleanWords, compileWords } from './blocked-words.ts';

describe('blocked words', () => {
  const m = compileWords(['idiot', 'Crétin', 'bad word'])!;

  it.each([
    ['You idiot', ['idiot']],
    ['IDIOTS, all of you', ['idiot']],
    ['quel CRETIN', ['Crétin']],
    ['quels crétins', ['Crétin']],
    ['idiôt', ['idiot']],
    ['that is a bad word here', ['bad word']],
  ])('finds %s', (text, words) => {
    expect(m.find(text)).toEqual(words);
  });

  it.each(['idiotic behaviour', 'semi-idiotically', 'crétinisme', 'badword', 'an idiota'])('ignores %s (not a whole word)', (text) => {
    expect(m.find(text)).toEqual([]);
  });

  it('keeps the first letter and masks the rest, leaving the other text as written', () => {
    expect(m.mask('You IDIOTS! Crétin.')).toBe('You I*****! C*****.');
    expect(m.mask('a bad word')).toBe('a b** ****');
    expect(m.mask('nothing here')).toBe('nothing here');
  });

  it('compiles nothing for an empty list and drops duplicates and blanks', () => {
    expect(compileWords([' ', ''])).toBeNull();
    expect(cleanWords(['Idiot', 'idiot ', 'ÏDIOT', ' ', 'a  b'])).toEqual(['Idiot', 'a b']);
  });

  it('treats regular-expression characters as plain text', () => {
    expect(compileWords(['c++'])!.find('I like c++ a lot')).toEqual(['c++']);
    expect(compileWords(['c++'])!.find('I like c a lot')).toEqual([]);
    expect(compileWords(['a.b'])!.find('axb')).toEqual([]);
  });
});
