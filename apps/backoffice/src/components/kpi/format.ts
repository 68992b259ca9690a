/** How the dashboard writes numbers: short, in English, never "NaN" (a dash when there is nothing). */
export const DASH = '—';

export const fmtInt = (n: number) => n.toLocaleString('en-GB');

export const fmtPct = (v: number | null) => (v === null ? DASH : `${Math.round(v * 100)}%`);

/** 45 s · 2 min 35 s · 1 h 05 min */
export function fmtDuration(sec: number | null): string {
  if (sec === null) return DASH;
  const s = Math.round(sec);
  if (s < 60) return `${s} s`;
  if (s < 3600) return s % 60 ? `${Math.floor(s / 60)} min ${s % 60} s` : `${s / 60} min`;
  const m = Math.round(s / 60);
  return `${Math.floor(m / 60)} h ${String(m % 60).padStart(2, '0')} min`;
}

/** 7.5 h · 242 h · 0.3 h */
export const fmtHours = (h: number) => `${h >= 100 ? fmtInt(Math.round(h)) : Number(h.toFixed(1)).toLocaleString('en-GB')} h`;

/** Full-time equivalents with two significant figures at most: 0.05 · 0.6 · 1.6 · 12 */
export const fmtFte = (v: number) => (v >= 10 ? String(Math.round(v)) : v >= 0.1 ? v.toFixed(1) : v.toFixed(2));

export const fmtRating = (v: number | null) => (v === null ? DASH : v.toFixed(1));

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** `2026-04-07` → `7 Apr` (with the year when asked). */
export function fmtDay(day: string, withYear = false): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return `${d} ${MONTHS[m - 1]}${withYear ? ` ${y}` : ''}`;
}

/** A moment as "3 days ago", "today", or "never". */
export function fmtAgo(iso: string | null, now = Date.now()): string {
  if (!iso) return 'never';
  const days = Math.floor((now - Date.parse(iso)) / 86_400_000);
  if (days < 1) return 'today';
  if (days === 1) return 'yesterday';
  if (days < 60) return `${days} days ago`;
  return `${Math.round(days / 30)} months ago`;
}

/** The absolute date of a moment in a time zone, e.g. "17 Mar 2026, 18:59". */
export const fmtMoment = (iso: string | null, timeZone: string) =>
  iso
    ? new Intl.DateTimeFormat('en-GB', { timeZone, day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' }).format(new Date(iso))
    : DASH;

export const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/** Okabe–Ito colours: told apart with every common colour-vision deficiency. */
export const PALETTE = {
  answered: '#0072B2',
  missed: '#D55E00',
  abandoned: '#E69F00',
  firstAnswer: '#009E73',
  p90: '#56B4E9',
} as const;
