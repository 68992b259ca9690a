import type { Locale } from '@tribu/protocol/client';

/** The loader's own few words, in every language (the chat's words load with the chat). */
export const LOADER_TEXTS: Record<Locale, { open: string; online: string; replies: (m: number) => string; offline: string }> = {
  en: {
    open: 'Chat with the community',
    online: 'Members online now',
    replies: (m) => `Usually answers in ~${m} min`,
    offline: 'Leave a question',
  },
  fr: {
    open: 'Discuter avec la communauté',
    online: 'Des membres sont en ligne',
    replies: (m) => `Répond en ~${m} min en général`,
    offline: 'Laissez une question',
  },
  es: {
    open: 'Hablar con la comunidad',
    online: 'Hay miembros en línea',
    replies: (m) => `Suele responder en ~${m} min`,
    offline: 'Deja una pregunta',
  },
};

/** The visitor's language: the one set by the page, else the browser's, if we speak it. */
export function preferredLocale(explicit: string | null | undefined): Locale | undefined {
  const candidates = [explicit, ...(navigator.languages ?? [navigator.language])];
  for (const c of candidates) {
    const l = c?.slice(0, 2).toLowerCase();
    if (l === 'en' || l === 'fr' || l === 'es') return l;
  }
  return undefined;
}
