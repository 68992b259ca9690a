import { createContext, type ComponentChildren } from 'preact';
import { useCallback, useContext, useEffect, useMemo, useState } from 'preact/hooks';
import { setRequestLocale } from '../api/http.ts';
import { createFormat, type Format } from './format.ts';
import { browserLocale, pickLocale, pickTimeZone, storeLocale, storedLocale, type Locale } from './locale.ts';
import { en, type Messages } from './messages/en/index.ts';

export type { Messages, Format, Locale };
export { LOCALES, LOCALE_NAMES } from './locale.ts';

/** English is in the first load; French and Spanish are chunks of their own, fetched when chosen. */
async function load(locale: Locale): Promise<Messages> {
  if (locale === 'fr') return (await import('./messages/fr/index.ts')).fr;
  if (locale === 'es') return (await import('./messages/es/index.ts')).es;
  return en;
}

export interface I18n {
  locale: Locale;
  t: Messages;
  f: Format;
  /** Switches the whole backoffice at once, without a reload (null: back to the browser's language). */
  setLocale: (choice: Locale | null) => Promise<void>;
  /** The current site's default language: used when neither the person nor the browser names one Tribu speaks. */
  setSiteDefault: (locale: Locale | null) => void;
}

const Ctx = createContext<I18n>({
  locale: 'en',
  t: en,
  f: createFormat('en', 'UTC'),
  setLocale: async () => {},
  setSiteDefault: () => {},
});

/** The words and formats of the person's language. */
export const useI18n = () => useContext(Ctx);

/**
 * Holds the backoffice's language: the person's choice (profile, else this browser's last pick), else the browser's
 * languages, else the site's default. Renders nothing until that language's words are loaded (no English flash).
 */
export function I18nProvider({
  choice,
  timeZone,
  children,
}: {
  choice: Locale | null | undefined;
  timeZone: string | null | undefined;
  children: ComponentChildren;
}) {
  const [picked, setPicked] = useState<Locale | null>(() => choice ?? storedLocale());
  const [siteDefault, setSiteDefault] = useState<Locale | null>(null);
  const locale = pickLocale(picked, browserLocale(), siteDefault);
  const [dict, setDict] = useState<{ locale: Locale; t: Messages } | null>(locale === 'en' ? { locale, t: en } : null);

  // A choice arriving from the profile (sign-in, another tab) wins over this browser's last pick.
  useEffect(() => {
    if (choice !== undefined && choice !== null) setPicked(choice);
  }, [choice]);

  useEffect(() => {
    let live = true;
    void load(locale).then(
      (t) => live && setDict({ locale, t }),
      () => live && setDict({ locale: 'en', t: en }),
    );
    document.documentElement.lang = locale;
    setRequestLocale(locale);
    return () => {
      live = false;
    };
  }, [locale]);

  const zone = pickTimeZone(timeZone);
  const setLocale = useCallback(async (next: Locale | null) => {
    storeLocale(next);
    if (next) await load(next);
    setPicked(next);
  }, []);
  const value = useMemo<I18n | null>(
    () => (dict ? { locale: dict.locale, t: dict.t, f: createFormat(dict.locale, zone), setLocale, setSiteDefault } : null),
    [dict, zone, setLocale],
  );
  if (!value) return null;
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}
