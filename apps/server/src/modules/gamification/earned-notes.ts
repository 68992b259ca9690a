import type { ModuleDeps } from '../module-deps.ts';

const REASONS: Record<string, string> = {
  chat: 'a chat you answered',
  good_rating: 'a good rating',
  fast_answer: 'a fast answer',
  mission: 'a mission completed',
};

/** "+12 points: a chat you answered, a good rating" (codes without words are left out). */
export function pointsText(entries: { reason: string; points: number }[]): string {
  const total = entries.reduce((s, e) => s + e.points, 0);
  const why = [...new Set(entries.map((e) => REASONS[e.reason]).filter((w): w is string => w !== undefined))];
  return `${total > 0 ? '+' : ''}${total} point${Math.abs(total) === 1 ? '' : 's'}${why.length ? `: ${why.join(', ')}` : ''}`;
}

/**
 * What was earned is kept in the person's bell (read later, on any node, after the tab was closed)
 * besides the live toast. A lost note is logged; the points or badge themselves stand.
 */
export async function keepInBell(
  deps: ModuleDeps,
  userId: string,
  siteId: string,
  note: { kind: 'points' | 'badge'; text: string; conversationId?: string | null },
): Promise<void> {
  await deps.notifications
    .notify({ userId, siteId, kind: note.kind, actorId: null, text: note.text, link: note.conversationId ? { conversationId: note.conversationId } : {} })
    .catch((err: unknown) => deps.log.warn({ err, userId }, 'earned note not kept in the bell'));
}
