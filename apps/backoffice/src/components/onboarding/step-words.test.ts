import { describe, expect, it } from 'vitest';
import { createFormat } from '../../i18n/format.ts';
import { en } from '../../i18n/messages/en/index.ts';
import { stepWords } from './step-words.ts';

const f = createFormat('en', 'UTC');

describe('checklist steps in words', () => {
  it('asks to watch chats, then says how many were watched', () => {
    expect(stepWords({ key: 'observe', done: false, doneAt: null, count: { done: 1, of: 3 } }, en, f)).toMatchObject({
      title: 'Watch 3 chats',
      detail: 'See how peers answer, read-only. 1 of 3 watched.',
      action: 'Watch chats',
    });
    expect(stepWords({ key: 'observe', done: true, doneAt: null, count: { done: 1, of: 1 } }, en, f).title).toBe('1 chat watched');
  });

  it('has nothing to watch when the site has no past chats', () => {
    expect(stepWords({ key: 'observe', done: true, doneAt: null, count: { done: 0, of: 0 } }, en, f).title).toBe('Watch a few chats');
  });

  it('sends a first answer to the board on the desk itself', () => {
    expect(stepWords({ key: 'firstChat', done: false, doneAt: null }, en, f)).toMatchObject({ href: null, action: 'See the requests' });
  });
});
