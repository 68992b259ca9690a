import type { QueueItem } from '@tribu/protocol/client';

export interface BoardFilter {
  languages: boolean;
  topics: boolean;
}

/**
 * Whether a request stays on the board under my filters. A request without a known language or
 * topic stays visible, and so does everything when my profile has none: nobody misses a visitor
 * because of a guess or an empty profile.
 */
export function keepRequest(item: Pick<QueueItem, 'locale' | 'topics'>, f: BoardFilter, languages: string[], expertise: string[]): boolean {
  const lang = item.locale?.split('-')[0]?.toLowerCase();
  if (f.languages && languages.length && lang && !languages.includes(lang)) return false;
  if (f.topics && expertise.length && item.topics.length && !item.topics.some((t) => expertise.includes(t))) return false;
  return true;
}

/** Requests older than this when first seen were already waiting when the desk opened: no nudge. */
export const FRESH_MS = 30_000;

/** Milliseconds until a new request should nudge me (it arrived `ageMs` ago), or null for no nudge. */
export function nudgeDelay(ageMs: number, afterMs: number): number | null {
  if (ageMs > FRESH_MS) return null;
  return Math.min(afterMs, Math.max(0, afterMs - ageMs));
}
