import { describe, expect, it } from 'vitest';
import { acceptedLocales } from './accept-language.ts';

describe('acceptedLocales', () => {
  it('keeps the languages Tribu speaks, best first, once each', () => {
    expect(acceptedLocales('fr-CH, fr;q=0.9, en;q=0.8, de;q=0.7, *;q=0.5')).toEqual(['fr', 'en']);
    expect(acceptedLocales('de, es;q=0.2, en;q=0.5')).toEqual(['en', 'es']);
    expect(acceptedLocales('en;q=0, es')).toEqual(['es']);
    expect(acceptedLocales(undefined)).toEqual([]);
  });
});
