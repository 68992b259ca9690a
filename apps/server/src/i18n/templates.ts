import type { Locale } from './locale.ts';

/** The names of a template's placeholders: `'{n} of {site}'` → `'n' | 'site'`. */
export type Placeholders<S extends string> = S extends `${string}{${infer P}}${infer Rest}` ? P | Placeholders<Rest> : never;

/** A translation: the sentence with the same placeholders, or a function of their values (plurals, statuses). */
export type Translation<S extends string> = string | ((values: Record<Placeholders<S>, string>) => string);

/** A catalogue for one language, typed by its English templates: every one translated, nothing more. */
export type Catalogue<T extends string> = { [K in T]: Translation<K> };

type Compiled = { template: string; names: string[]; re: RegExp; literal: number };

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * English sentences with `{placeholders}` → a matcher (which template wrote this text, with which values) and a
 * translator. The text keeps being written in English where it is made; it is worded for the reader in one place.
 * A placeholder named `{message}` holds another text, translated in turn by `nested`.
 */
export function templateTranslator<T extends string>(templates: readonly T[], catalogues: Record<Exclude<Locale, 'en'>, Catalogue<T>>) {
  const exact = new Set<string>(templates.filter((t) => !t.includes('{')));
  // The most literal text first: the more specific template wins.
  const patterns: Compiled[] = templates
    .filter((t) => t.includes('{'))
    .map((template) => {
      const names: string[] = [];
      const source = template
        .split(/(\{[a-z]+\})/i)
        .map((part) => {
          const m = /^\{([a-z]+)\}$/i.exec(part);
          if (!m) return escape(part);
          names.push(m[1]!);
          return '([\\s\\S]*?)';
        })
        .join('');
      return { template, names, re: new RegExp(`^${source}$`), literal: template.replace(/\{[a-z]+\}/gi, '').length };
    })
    .sort((a, b) => b.literal - a.literal);

  function match(text: string): { template: T; values: Record<string, string> } | undefined {
    if (exact.has(text)) return { template: text as T, values: {} };
    for (const p of patterns) {
      const m = p.re.exec(text);
      if (m) return { template: p.template as T, values: Object.fromEntries(p.names.map((n, i) => [n, m[i + 1] ?? ''])) };
    }
    return undefined;
  }

  /** The text in `locale`, or undefined when no template wrote it. */
  function translate(text: string, locale: Exclude<Locale, 'en'>, nested: (inner: string) => string = (s) => s): string | undefined {
    const hit = match(text);
    if (!hit) return undefined;
    const t = catalogues[locale][hit.template];
    const values = { ...hit.values };
    if (values.message !== undefined) values.message = nested(values.message);
    if (typeof t === 'function') return (t as (v: Record<string, string>) => string)(values);
    return (t as string).replace(/\{([a-z]+)\}/gi, (whole, name: string) => values[name] ?? whole);
  }

  return { match, translate };
}
