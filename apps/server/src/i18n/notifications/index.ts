import type { Locale } from '../locale.ts';
import { templateTranslator } from '../templates.ts';
import { NOTIFICATION_TEMPLATES } from './en.ts';
import { es } from './es.ts';
import { fr } from './fr.ts';

const notifications = templateTranslator(NOTIFICATION_TEMPLATES, { fr, es });

/** A notification (or push) text written in English by a module, worded in the recipient's language. */
export function translateNotification(text: string, locale: Locale): string {
  if (locale === 'en') return text;
  return notifications.translate(text, locale) ?? text;
}

export const matchNotification = (text: string) => notifications.match(text);
