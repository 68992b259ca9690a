import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Locale } from '@tribu/protocol/client';
import { en, type Dict } from './en.ts';

export type { Dict };

/** Loads only the active language's words: French and Spanish are separate chunks. */
export async function loadDict(locale: Locale): Promise<Dict> {
  if (locale === 'fr') return (await import('./fr.ts')).fr;
  if (locale === 'es') return (await import('./es.ts')).es;
  return en;
}

export const I18n = createContext<{ t: Dict; locale: Locale }>({ t: en, locale: 'en' });
export const useI18n = () => useContext(I18n);
