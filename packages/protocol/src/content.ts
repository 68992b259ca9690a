import { z } from 'zod';
import { LOCALES, type Locale } from './constants.ts';

/**
 * Words a site writes (charter, canned answers, announcements, rewards) in its other languages, beside
 * the default text (which is in the site's default language). A language absent, or a field left
 * empty, falls back to the default text.
 */
export type ContentTranslations<K extends string> = Partial<Record<Locale, Partial<Record<K, string>>>>;

/**
 * The versions of one item as its editors get them (managers only): the default text and the other
 * languages. Readers get the one version in their language in the item's usual fields.
 */
export type ContentVersions<K extends string> = Record<K, string> & { translations: ContentTranslations<K> };

/** Schema of the versions per language, each field with the same limits as the default text. */
export function contentTranslationsSchema<S extends z.ZodRawShape>(fields: S) {
  const one = z.strictObject(fields).partial();
  return z.partialRecord(z.enum(LOCALES), one);
}
