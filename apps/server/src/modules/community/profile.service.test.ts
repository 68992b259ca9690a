import { describe, expect, it } from 'vitest';
import { isKnownLanguage } from './profile.service.ts';

describe('language codes a helper may list', () => {
  it.each([
    ['en', true],
    ['fr', true],
    ['pt-br', true],
    ['ast', true],
    ['xx', false],
    ['english', false],
    ['EN', false],
    ['', false],
  ])('%s → %s', (code, known) => {
    expect(isKnownLanguage(code)).toBe(known);
  });
});
