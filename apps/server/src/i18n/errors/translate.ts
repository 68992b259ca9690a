import type { ErrorBody } from '@tribu/protocol';
import type { Locale } from '../locale.ts';
import { templateTranslator } from '../templates.ts';
import { ERROR_TEMPLATES } from './en.ts';
import { es } from './es.ts';
import { fr } from './fr.ts';
import { zodDefault } from './zod-defaults.ts';

const errors = templateTranslator(ERROR_TEMPLATES, { fr, es });

/** A form field's path before a message (`texts.en.launcher: …`, `body.email: …`), as validation writes it. */
const FIELD_PREFIX = /^([\w$.[\]-]+): ([\s\S]+)$/;

/** The English template a message was written from, with the values it carries; undefined when none fits. */
export const matchError = (message: string) => errors.match(message);

/**
 * An English error message in the person's language: a template of the catalogue (its values kept, a nested
 * `{message}` translated in turn), zod's own default wording, or a field's path before either. A message nobody
 * translated yet stays English (the completeness test keeps that from happening for the source's own messages).
 */
export function translateError(message: string, locale: Locale): string {
  if (locale === 'en' || !message) return message;
  return translated(message, locale, 0) ?? message;
}

/** A wait inside a message (`Try again in 15 minutes`). */
const MINUTES = /^(\d+) minutes?$/;
const minuteWords = { fr: ['minute', 'minutes'], es: ['minuto', 'minutos'] } as const;

function translated(message: string, locale: Exclude<Locale, 'en'>, depth: number): string | undefined {
  if (depth > 3) return undefined;
  const wait = depth > 0 ? MINUTES.exec(message) : null;
  if (wait) return `${wait[1]}\u00a0${minuteWords[locale][Number(wait[1]) === 1 ? 0 : 1]}`;
  const hit = errors.translate(message, locale, (inner) => translated(inner, locale, depth + 1) ?? inner);
  if (hit !== undefined) return hit;
  const zod = zodDefault(message, locale);
  if (zod !== undefined) return zod;
  const field = FIELD_PREFIX.exec(message);
  if (field) {
    const rest = translated(field[2]!, locale, depth + 1);
    if (rest !== undefined) return `${field[1]}${locale === 'fr' ? '\u00a0' : ''}: ${rest}`;
  }
  return undefined;
}

/** An error body (HTTP or ack) worded in the person's language, its per-field messages too. */
export function localiseErrorBody<B extends Pick<ErrorBody, 'message' | 'fields'>>(body: B, locale: Locale): B {
  if (locale === 'en') return body;
  const out: B = { ...body, message: translateError(body.message, locale) };
  if (body.fields) out.fields = Object.fromEntries(Object.entries(body.fields).map(([k, v]) => [k, translateError(v, locale)]));
  return out;
}
