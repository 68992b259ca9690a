import type { ContentTranslations, Locale } from '@tribu/protocol';

/** The languages a site writes in: its default first (the default text is in it), then its others. */
export interface SiteLanguages {
  defaultLocale: Locale;
  locales: readonly Locale[];
}

/**
 * The language a person reads a site's own words in: their profile's, else the first of their
 * browser's languages the site offers, else the site's default.
 */
export function readingLocale(site: SiteLanguages, profile: Locale | null | undefined, accepted: readonly Locale[] = []): Locale {
  const offered = (l: Locale) => l === site.defaultLocale || site.locales.includes(l);
  if (profile && offered(profile)) return profile;
  return accepted.find(offered) ?? site.defaultLocale;
}

/**
 * One item's words in a language: each field as written in that language, else (absent or left
 * empty) the default text. The default language always reads the default text (stored versions
 * never hold it, so a reader that does not know the site's default may leave it out).
 */
export function contentIn<K extends string>(
  defaults: Record<K, string>,
  translations: ContentTranslations<K> | null | undefined,
  locale: Locale,
  defaultLocale?: Locale,
): Record<K, string> {
  const version = locale === defaultLocale ? undefined : translations?.[locale];
  if (!version) return defaults;
  const out = { ...defaults };
  for (const key of Object.keys(defaults) as K[]) {
    const text = version[key]?.trim();
    if (text) out[key] = text;
  }
  return out;
}

/**
 * What is stored of the versions a manager sent: trimmed, empty fields and empty languages dropped,
 * and nothing for the default language (the default text is that version) or a language the site does not offer.
 */
export function cleanTranslations<K extends string>(translations: ContentTranslations<K> | undefined, site: SiteLanguages): ContentTranslations<K> {
  const out: ContentTranslations<K> = {};
  for (const [locale, version] of Object.entries(translations ?? {}) as [Locale, Partial<Record<K, string>> | undefined][]) {
    if (locale === site.defaultLocale || !site.locales.includes(locale) || !version) continue;
    const kept = Object.fromEntries(
      Object.entries(version)
        .map(([k, v]) => [k, typeof v === 'string' ? v.trim() : ''])
        .filter(([, v]) => v),
    ) as Partial<Record<K, string>>;
    if (Object.keys(kept).length) out[locale] = kept;
  }
  return out;
}
