import type { Locale } from '@tribu/protocol/client';

/** The visitor's language: the one set by the page, else the browser's, if we speak it. */
export function preferredLocale(explicit: string | null | undefined): Locale | undefined {
  const candidates = [explicit, ...(navigator.languages ?? [navigator.language])];
  for (const c of candidates) {
    const l = c?.slice(0, 2).toLowerCase();
    if (l === 'en' || l === 'fr' || l === 'es') return l;
  }
  return undefined;
}
