import { LOCALES, type Locale } from '@tribu/protocol';

/**
 * The languages Tribu speaks that an `Accept-Language` header asks for, best first
 * (`fr-CH, fr;q=0.9, en;q=0.8` → fr, en). Unknown tags and `q=0` are left out.
 */
export function acceptedLocales(header: string | string[] | undefined): Locale[] {
  const raw = Array.isArray(header) ? header.join(',') : (header ?? '');
  const ranked = raw
    .slice(0, 500)
    .split(',')
    .map((part, i) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      const weight = q ? Number(q.slice(2)) : 1;
      return { base: tag.trim().toLowerCase().split('-')[0] ?? '', weight: Number.isFinite(weight) ? weight : 0, i };
    })
    .filter((x) => x.weight > 0 && (LOCALES as readonly string[]).includes(x.base))
    .sort((a, b) => b.weight - a.weight || a.i - b.i);
  return [...new Set(ranked.map((x) => x.base as Locale))];
}
