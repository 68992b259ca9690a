import type { LedgerEntry, PointsAwarded, Reward } from '@tribu/protocol/client';
import type { Format, Messages } from '../../i18n/index.tsx';

/** The words and formats these helpers need: `useI18n()`'s value, or `{ t: en, f }` in a test. */
export interface Words {
  t: Messages;
  f: Format;
}

/** What earned the points, lower-case, for a toast: "answered chat, fast answer". */
export const shortReason = (reason: string, { t }: Words) => t.recognition.short[reason] ?? reason.replace(/_/g, ' ');

/** One ledger line in words: "Answered chat", "Granted by a manager: great week", "Redeemed: Sticker pack". */
export function ledgerText(e: Pick<LedgerEntry, 'reason' | 'note' | 'conversationId'> & { by?: string | null }, w: Words): string {
  const r = w.t.recognition;
  // A revocation tied to a chat is a manager setting that chat aside (abusive or out of scope).
  const aside = e.reason === 'revoke' && e.conversationId;
  const named = e.by ? (aside ? r.longBy.setAside(e.by) : e.reason === 'grant' || e.reason === 'revoke' ? r.longBy[e.reason](e.by) : null) : null;
  const head = named ?? (aside ? r.setAsideByManager : (r.long[e.reason] ?? shortReason(e.reason, w)));
  return e.note ? r.withNote(head, e.note) : head;
}

/** +3, −2, 0 (a true minus sign). */
export const signed = (n: number, { f }: Words) => (n > 0 ? `+${f.number(n)}` : n < 0 ? `−${f.number(Math.abs(n))}` : f.number(0));
/** "1 point", "1,250 points", in the person's language. */
export const pts = (n: number, { t, f }: Words) => f.plural(n, t.recognition.points);

/** Why Redeem is off, in words, or null when it can be redeemed. */
export function blockedReason(reward: Reward, balance: number, w: Words): string | null {
  const b = w.t.recognition.blocked;
  if (!reward.active) return b.hidden;
  if (reward.stock === 0) return b.outOfStock;
  if (balance < reward.cost) return w.f.plural(reward.cost - balance, b.moreNeeded);
  return null;
}

/** A toast's headline for points that just arrived: "+2 points — answered chat, fast answer". */
export function pointsHeadline(entries: PointsAwarded['entries'], w: Words): string | null {
  const total = entries.reduce((n, e) => n + e.points, 0);
  if (total === 0) return null;
  return w.t.recognition.headline(`${total > 0 ? '+' : '−'}${pts(Math.abs(total), w)}`, entries.map((e) => shortReason(e.reason, w)).join(', '));
}

/** "23 Nov", with the year only when it is not this one. */
export const dayText = (iso: string, { f }: Words, now = new Date()) => (f.date(iso).endsWith(String(now.getFullYear())) ? f.dayMonth(iso) : f.date(iso));
