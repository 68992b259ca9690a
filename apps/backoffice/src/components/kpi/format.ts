import type { Format } from '../../i18n/format.ts';

/** How the dashboard writes figures: short, in the person's language (through `f`), never "NaN" (a dash when there is nothing). */
export const DASH = '—';

const fixedCache = new Map<string, Intl.NumberFormat>();
/** A number with exactly `digits` decimals, the local way: 4.0 · 4,0. */
function fixed(f: Format, v: number, digits: number): string {
  const key = `${f.locale}:${digits}`;
  let nf = fixedCache.get(key);
  if (!nf) fixedCache.set(key, (nf = new Intl.NumberFormat(f.locale, { minimumFractionDigits: digits, maximumFractionDigits: digits })));
  return nf.format(v);
}

export const fmtPct = (f: Format, v: number | null) => (v === null ? DASH : f.percent(v));

/** 45 s · 2 min 35 s · 1 h 05 min: first answers count in seconds, so this keeps them (f.duration rounds to minutes). */
export function fmtDuration(f: Format, sec: number | null): string {
  if (sec === null) return DASH;
  const s = Math.round(sec);
  if (s < 60) return `${f.number(s)} s`;
  if (s < 3600) return s % 60 ? `${f.number(Math.floor(s / 60))} min ${f.number(s % 60)} s` : `${f.number(s / 60)} min`;
  const m = Math.round(s / 60);
  return `${f.number(Math.floor(m / 60))} h ${String(m % 60).padStart(2, '0')} min`;
}

/** 7.5 h · 242 h · 0.3 h (7,5 h in French) */
export const fmtHours = (f: Format, h: number) => `${h >= 100 ? f.number(Math.round(h)) : f.number(h, 1)} h`;

/** Full-time equivalents with two significant figures at most: 0.05 · 0.6 · 1.6 · 12 */
export const fmtFte = (f: Format, v: number) => (v >= 10 ? f.number(Math.round(v)) : v >= 0.1 ? fixed(f, v, 1) : fixed(f, v, 2));

export const fmtRating = (f: Format, v: number | null) => (v === null ? DASH : fixed(f, v, 1));

const utcCache = new Map<string, Intl.DateTimeFormat>();
const utc = (f: Format, key: string, opts: Intl.DateTimeFormatOptions) => {
  const k = `${f.locale}:${key}`;
  let d = utcCache.get(k);
  if (!d) utcCache.set(k, (d = new Intl.DateTimeFormat(f.locale, { timeZone: 'UTC', ...opts })));
  return d;
};

/** A calendar day `2026-04-07` → `Apr 7` (with the year when asked: f.day). No time zone shift: it is already a day. */
export function fmtDay(f: Format, day: string, withYear = false): string {
  if (withYear) return f.day(day);
  return utc(f, 'dm', { day: 'numeric', month: 'short' }).format(new Date(`${day}T00:00:00Z`));
}

/** The name of a weekday, 1 = Monday … 7 = Sunday, short (Mon · lun.) or long (Monday · lundi). */
export function weekdayName(f: Format, weekday: number, long = false): string {
  // 2024-01-01 was a Monday.
  return utc(f, long ? 'wdl' : 'wds', { weekday: long ? 'long' : 'short' }).format(new Date(Date.UTC(2024, 0, weekday)));
}

/** Okabe–Ito colours: told apart with every common colour-vision deficiency. */
export const PALETTE = {
  answered: '#0072B2',
  missed: '#D55E00',
  abandoned: '#E69F00',
  firstAnswer: '#009E73',
  p90: '#56B4E9',
} as const;
