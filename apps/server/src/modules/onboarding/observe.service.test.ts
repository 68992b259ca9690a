import { describe, expect, it } from 'vitest';
import { forWatcher } from './observe.service.ts';

describe('what a watcher reads of a visitor message', () => {
  it.each([
    ['hides an email address', 'Write to jo.smith+shop@example.co.uk please', 'Write to [email hidden] please'],
    ['hides a phone number written with spaces', 'Call me on +33 6 12 34 56 78 tonight', 'Call me on [number hidden] tonight'],
    ['hides a phone number written with dots', 'My number: 06.12.34.56.78', 'My number: [number hidden]'],
    ['keeps a date', 'I need it before 2026-12-20', 'I need it before 2026-12-20'],
    ['keeps sizes and prices', 'Is the 42 at 129.90 € true to size? I am 1.78 m', 'Is the 42 at 129.90 € true to size? I am 1.78 m'],
  ])('%s', (_name, text, shown) => {
    expect(forWatcher(text, false)).toBe(shown);
  });

  it('hides a message the site filter caught, whatever it says', () => {
    expect(forWatcher('some rude words', true)).toBe('(message hidden: it contained words this community filters)');
  });
});
