import type { Locale } from '../locale.ts';
import { en, type MailMessages } from './en.ts';
import { es } from './es.ts';
import { fr } from './fr.ts';

export type { MailMessages };

const all: Record<Locale, MailMessages> = { en, fr, es };

/** The mail words of a language. */
export const mailWords = (locale: Locale): MailMessages => all[locale];
