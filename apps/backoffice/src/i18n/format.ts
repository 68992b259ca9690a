import type { Locale } from './locale.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

type When = Date | string | number;
const toDate = (d: When) => (d instanceof Date ? d : new Date(d));

/** The plural forms a message gives; `#` in the chosen form is replaced by the number, formatted. */
export type PluralForms = { zero?: string; one: string; other: string; many?: string };

/**
 * The one formatting module of the backoffice: dates, times, numbers, money, plurals, lists, durations and
 * relative times, all through `Intl`, in the person's language and time zone. Instances are cached per kind.
 */
export function createFormat(locale: Locale, timeZone: string) {
  const cache = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat | Intl.RelativeTimeFormat | Intl.PluralRules | Intl.ListFormat>();
  const once = <T extends Intl.DateTimeFormat | Intl.NumberFormat | Intl.RelativeTimeFormat | Intl.PluralRules | Intl.ListFormat>(
    key: string,
    make: () => T,
  ): T => {
    let f = cache.get(key) as T | undefined;
    if (!f) cache.set(key, (f = make()));
    return f;
  };
  const dtf = (key: string, opts: Intl.DateTimeFormatOptions) => once(`d:${key}`, () => new Intl.DateTimeFormat(locale, { timeZone, ...opts }));
  const nf = (key: string, opts: Intl.NumberFormatOptions) => once(`n:${key}`, () => new Intl.NumberFormat(locale, opts));
  const rtf = once('rtf', () => new Intl.RelativeTimeFormat(locale, { numeric: 'auto', style: 'long' }));
  const rules = once('pr', () => new Intl.PluralRules(locale));

  const number = (n: number, maxFraction = 0) => nf(`num:${maxFraction}`, { maximumFractionDigits: maxFraction }).format(n);
  const plural = (n: number, forms: PluralForms) => {
    const form = n === 0 && forms.zero !== undefined ? forms.zero : ((forms as Record<string, string | undefined>)[rules.select(n)] ?? forms.other);
    return form.replace(/#/g, number(n));
  };
  const sameDay = (a: Date, b: Date) =>
    dtf('ymd', { year: 'numeric', month: '2-digit', day: '2-digit' }).format(a) === dtf('ymd', { year: 'numeric', month: '2-digit', day: '2-digit' }).format(b);

  return {
    locale,
    timeZone,
    /** 7 Dec 2026 · 7 déc. 2026 */
    date: (d: When) => dtf('date', { day: 'numeric', month: 'short', year: 'numeric' }).format(toDate(d)),
    /** 7 Dec · 7 déc. */
    dayMonth: (d: When) => dtf('dm', { day: 'numeric', month: 'short' }).format(toDate(d)),
    /** Monday 7 December · lundi 7 décembre */
    longDate: (d: When) => dtf('long', { weekday: 'long', day: 'numeric', month: 'long' }).format(toDate(d)),
    /** Mon · lun. */
    weekday: (d: When) => dtf('wd', { weekday: 'short' }).format(toDate(d)),
    /** December 2026 · décembre 2026 */
    month: (d: When) => dtf('month', { month: 'long', year: 'numeric' }).format(toDate(d)),
    /** 14:05 (or 2:05 PM where that is the custom) */
    time: (d: When) => dtf('time', { timeStyle: 'short' }).format(toDate(d)),
    /** 7 Dec 2026, 14:05 */
    dateTime: (d: When) => dtf('dt', { day: 'numeric', month: 'short', year: 'numeric', hour: 'numeric', minute: '2-digit' }).format(toDate(d)),
    /** A calendar day given as `YYYY-MM-DD` (no time zone shift: it is already a day). */
    day: (ymd: string) =>
      new Intl.DateTimeFormat(locale, { timeZone: 'UTC', day: 'numeric', month: 'short', year: 'numeric' }).format(new Date(`${ymd}T00:00:00Z`)),
    /** 1,234 · 1 234 */
    number,
    /** 0.42 → 42 % (French spacing where French writes it) */
    percent: (ratio: number, maxFraction = 0) => nf(`pct:${maxFraction}`, { style: 'percent', maximumFractionDigits: maxFraction }).format(ratio),
    /** 12.5, 'EUR' → €12.50 · 12,50 € */
    currency: (amount: number, currency: string) => nf(`cur:${currency}`, { style: 'currency', currency }).format(amount),
    /** 1.2K · 1,2 k */
    compact: (n: number) => nf('compact', { notation: 'compact', maximumFractionDigits: 1 }).format(n),
    /** Picks the plural form for n: plural(3, { one: '# chat', other: '# chats' }) → "3 chats". */
    plural,
    /** a, b and c · a, b et c */
    list: (items: string[]) => once('list', () => new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' })).format(items),
    /** 120 ms: a short technical delay (a webhook's answer time). */
    milliseconds: (ms: number) => nf('u:ms', { style: 'unit', unit: 'millisecond', unitDisplay: 'short' }).format(Math.round(ms)),
    /** 2 min, 1 h 5 min, 45 s: a span of time, short units. */
    duration: (seconds: number) => {
      const s = Math.max(0, Math.round(seconds));
      const unit = (n: number, u: 'second' | 'minute' | 'hour' | 'day') => nf(`u:${u}`, { style: 'unit', unit: u, unitDisplay: 'short' }).format(n);
      if (s < 60) return unit(s, 'second');
      const m = Math.round(s / 60);
      if (m < 60) return unit(m, 'minute');
      const h = Math.floor(m / 60);
      if (h < 48) return m % 60 ? `${unit(h, 'hour')} ${unit(m % 60, 'minute')}` : unit(h, 'hour');
      return unit(Math.round(h / 24), 'day');
    },
    /**
     * How long ago (or until): "now", "12 minutes ago", "in 3 hours", "yesterday", then a date.
     * `now` is passed in so labels re-render with a ticking clock (useNow).
     */
    relative: (d: When, now: number = Date.now()) => {
      const at = toDate(d);
      const diff = at.getTime() - now;
      const abs = Math.abs(diff);
      if (abs < MINUTE) return rtf.format(0, 'second');
      if (abs < HOUR) return rtf.format(Math.round(diff / MINUTE), 'minute');
      if (abs < DAY && sameDay(at, new Date(now))) return rtf.format(Math.round(diff / HOUR), 'hour');
      if (abs < 2 * DAY) {
        const yesterday = new Date(now - DAY);
        const tomorrow = new Date(now + DAY);
        if (sameDay(at, yesterday)) return rtf.format(-1, 'day');
        if (sameDay(at, tomorrow)) return rtf.format(1, 'day');
        return rtf.format(Math.round(diff / HOUR), 'hour');
      }
      if (abs < 7 * DAY) return rtf.format(Math.round(diff / DAY), 'day');
      return dtf('dm', { day: 'numeric', month: 'short' }).format(at);
    },
  };
}

export type Format = ReturnType<typeof createFormat>;
