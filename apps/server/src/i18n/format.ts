import type { Locale } from './locale.ts';

/** The Intl locale of each language (British English, as the mails always wrote dates). */
export const INTL_TAG: Record<Locale, string> = { en: 'en-GB', fr: 'fr-FR', es: 'es-ES' };

/** A valid IANA time zone, else the fallback (an old profile may hold one this Node does not know). */
export function zoneOr(zone: string | null | undefined, fallback = 'UTC'): string {
  if (!zone) return fallback;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return zone;
  } catch {
    return fallback;
  }
}

/** Dates, times and numbers of one language and time zone, through Intl (never a hand-written format). */
export function mailFormat(locale: Locale, timeZone: string) {
  const tag = INTL_TAG[locale];
  return {
    /** "Tuesday 8 December 2026 at 18:30" / "mardi 8 décembre 2026 à 18:30". */
    dateTime: (d: Date) => new Intl.DateTimeFormat(tag, { dateStyle: 'full', timeStyle: 'short', timeZone }).format(d),
    time: (d: Date) => new Intl.DateTimeFormat(tag, { timeStyle: 'short', timeZone }).format(d),
    date: (d: Date) => new Intl.DateTimeFormat(tag, { dateStyle: 'long', timeZone }).format(d),
    /** A month as a report names it: "November 2026" / "novembre 2026". */
    month: (d: Date) => new Intl.DateTimeFormat(tag, { month: 'long', year: 'numeric', timeZone }).format(d),
    number: (n: number) => new Intl.NumberFormat(tag).format(n),
  };
}
