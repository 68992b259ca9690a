import { describe, expect, it } from 'vitest';
import { matchTopics, type Topic } from './topics.ts';

const topics: Topic[] = [
  { tag: 'sizing', label: 'Sizing', keywords: ['size', 'taille', 'fits'] },
  { tag: 'shipping', label: 'Shipping', keywords: ['livraison', 'delivery', 'ship to'] },
  { tag: 'returns', label: 'Returns', keywords: ['refund', 'retour'] },
];

describe('matchTopics', () => {
  it.each([
    ['a keyword as a word', 'What size should I take?', ['sizing']],
    ['whatever the case', 'WHAT SIZE?', ['sizing']],
    ['without the accents the visitor typed', 'Délai de LIVRAISÓN ?', ['shipping']],
    ['accents in the keyword too', 'le retour est gratuit ?', ['returns']],
    ['the tag itself', 'question about shipping', ['shipping']],
    ['a keyword of several words in a row', 'Do you ship to Canada?', ['shipping']],
    ['several topics, in the site order', 'refund and delivery and size', ['sizing', 'shipping', 'returns']],
    ['nothing inside a longer word', 'I resized the photo; oversized', []],
    ['nothing when the words of a phrase are apart', 'ship it to me', []],
    ['nothing in an empty text', '', []],
  ])('matches %s', (_name, text, expected) => {
    expect(matchTopics(text, topics)).toEqual(expected);
  });

  it('ignores a topic whose keywords are blank', () => {
    expect(matchTopics('anything', [{ tag: '', label: 'x', keywords: ['  ', ''] }])).toEqual([]);
  });
});
