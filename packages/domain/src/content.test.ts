import { describe, expect, it } from 'vitest';
import { cleanTranslations, contentIn, readingLocale } from './content.ts';

const site = { defaultLocale: 'en' as const, locales: ['en', 'fr', 'es'] as const };

describe('readingLocale', () => {
  it('takes the profile language, else the browser one the site offers, else the site default', () => {
    expect(readingLocale(site, 'fr', ['es'])).toBe('fr');
    expect(readingLocale(site, null, ['es', 'fr'])).toBe('es');
    expect(readingLocale({ defaultLocale: 'fr', locales: ['fr', 'en'] }, 'es', ['es'])).toBe('fr');
    expect(readingLocale(site, undefined, [])).toBe('en');
  });
});

describe('contentIn', () => {
  const defaults = { name: 'Mug', description: 'A big mug' };
  it('reads each field in the language, an empty or missing one in the default text', () => {
    expect(contentIn(defaults, { fr: { name: 'Tasse', description: ' ' } }, 'fr', 'en')).toEqual({ name: 'Tasse', description: 'A big mug' });
    expect(contentIn(defaults, { fr: { name: 'Tasse' } }, 'es', 'en')).toEqual(defaults);
    expect(contentIn(defaults, { en: { name: 'Cup' } }, 'en', 'en')).toEqual(defaults);
  });
});

describe('cleanTranslations', () => {
  it('keeps trimmed, non-empty versions of the languages the site offers besides its default', () => {
    const sent = { en: { text: 'x' }, fr: { text: '  Bonjour ' }, es: { text: '' } };
    expect(cleanTranslations(sent, { defaultLocale: 'en', locales: ['en', 'fr'] })).toEqual({ fr: { text: 'Bonjour' } });
    expect(cleanTranslations(undefined, site)).toEqual({});
  });
});
