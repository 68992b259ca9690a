import { since } from '../../hooks/useNow.ts';

const DAY_MS = 24 * 3600 * 1000;

/** "just now", "12 min ago", "5 h ago", then "yesterday" and a date: posts stay on the wall for days. */
export function when(iso: string, now: number): string {
  const age = now - Date.parse(iso);
  if (age < DAY_MS) return since(iso, now);
  if (age < 2 * DAY_MS) return 'yesterday';
  return new Date(iso).toLocaleDateString(undefined, { day: 'numeric', month: 'short' });
}
