import { LOCALES, type Locale } from '@tribu/protocol';

export { LOCALES, type Locale };

export const isLocale = (v: unknown): v is Locale => typeof v === 'string' && (LOCALES as readonly string[]).includes(v);

/**
 * The first language of an `Accept-Language` header Tribu speaks (`fr-CA,fr;q=0.9,en;q=0.8` → `fr`), by the
 * header's own weights; null when it names none of ours (or is absent).
 */
export function fromAcceptLanguage(header: string | string[] | undefined): Locale | null {
  const value = Array.isArray(header) ? header.join(',') : header;
  if (!value) return null;
  const ranked = value
    .slice(0, 500)
    .split(',')
    .map((part, i) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      const weight = q ? Number(q.slice(2)) : 1;
      return { base: tag.trim().toLowerCase().split('-')[0], weight: Number.isFinite(weight) ? weight : 0, i };
    })
    .filter((x) => x.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.i - b.i);
  for (const { base } of ranked) if (isLocale(base)) return base;
  return null;
}

/**
 * The language to word something in for a person: their profile's choice, else what their browser asks
 * (`Accept-Language`; the backoffice sends its current language), else the site's default, else English.
 */
export function resolveLocale(from: {
  choice?: string | null | undefined;
  acceptLanguage?: string | string[] | undefined;
  siteDefault?: string | null | undefined;
}): Locale {
  if (isLocale(from.choice)) return from.choice;
  const asked = fromAcceptLanguage(from.acceptLanguage);
  if (asked) return asked;
  if (isLocale(from.siteDefault)) return from.siteDefault;
  return 'en';
}

/** A recipient's language when nobody is asking (mails, notifications): their choice, else the site's default, else English. */
export const recipientLocale = (choice: string | null | undefined, siteDefault?: string | null): Locale => resolveLocale({ choice, siteDefault });
