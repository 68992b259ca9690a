import { LOCALES, type Locale } from '@tribu/protocol/client';

export { LOCALES, type Locale };

/** Each language named in itself (a person looking for theirs reads it in their own words). */
export const LOCALE_NAMES: Record<Locale, string> = { en: 'English', fr: 'Français', es: 'Español' };

const isLocale = (v: unknown): v is Locale => typeof v === 'string' && (LOCALES as readonly string[]).includes(v);

/** Where a signed-out page remembers the language picked on this browser (the profile keeps it once signed in). */
const STORED = 'tribu.locale';

export function storedLocale(): Locale | null {
  try {
    const v = localStorage.getItem(STORED);
    return isLocale(v) ? v : null;
  } catch {
    return null;
  }
}

export function storeLocale(locale: Locale | null): void {
  try {
    if (locale) localStorage.setItem(STORED, locale);
    else localStorage.removeItem(STORED);
  } catch {
    // Private mode without storage: the choice lasts for this page.
  }
}

/** The first of the browser's languages Tribu speaks (`fr-CA` → `fr`), or null. */
export function browserLocale(languages: readonly string[] = navigator.languages ?? [navigator.language]): Locale | null {
  for (const tag of languages) {
    const base = tag.toLowerCase().split('-')[0];
    if (isLocale(base)) return base;
  }
  return null;
}

/** The person's choice in their profile, else the browser's language, else the site's default, else English. */
export function pickLocale(choice: Locale | null | undefined, browser: Locale | null, siteDefault?: Locale | null): Locale {
  return choice ?? browser ?? siteDefault ?? 'en';
}

/** The person's time zone: the one in their profile, else the browser's. */
export function pickTimeZone(profile: string | null | undefined): string {
  if (profile) {
    try {
      new Intl.DateTimeFormat('en', { timeZone: profile });
      return profile;
    } catch {
      // An unknown zone in an old profile: fall back to the browser's.
    }
  }
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}
