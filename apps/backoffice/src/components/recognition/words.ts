import type { LedgerEntry, PointsAwarded, RedemptionStatus, Reward } from '@tribu/protocol/client';

/** What earned the points, lower-case, for a toast: "answered chat, fast answer". */
const SHORT: Record<string, string> = {
  chat: 'answered chat',
  good_rating: 'great rating',
  fast_answer: 'fast answer',
  grant: 'granted by a manager',
  revoke: 'revoked by a manager',
  redeem: 'reward',
  refund: 'refund',
  mission: 'mission completed',
};

export const shortReason = (reason: string) => SHORT[reason] ?? reason.replace(/_/g, ' ');

const LONG: Record<string, string> = {
  chat: 'Answered chat',
  good_rating: '4–5 star rating bonus',
  fast_answer: 'Fast first answer',
  grant: 'Granted by a manager',
  revoke: 'Revoked by a manager',
  redeem: 'Redeemed',
  refund: 'Refund',
  mission: 'Mission completed',
};

/** One ledger line in words: "Answered chat", "Granted by a manager: great week", "Redeemed: Sticker pack". */
export function ledgerText(e: Pick<LedgerEntry, 'reason' | 'note' | 'conversationId'> & { by?: string | null }): string {
  // A revocation tied to a chat is a manager setting that chat aside (abusive or out of scope).
  const generic = e.reason === 'revoke' && e.conversationId ? 'Chat set aside by a manager' : (LONG[e.reason] ?? shortReason(e.reason));
  const head = e.by ? generic.replace('a manager', e.by) : generic;
  return e.note ? `${head}: ${e.note}` : head;
}

export const signed = (n: number) => (n > 0 ? `+${n}` : n < 0 ? `−${Math.abs(n)}` : '0');
export const pts = (n: number) => `${n.toLocaleString('en')} ${Math.abs(n) === 1 ? 'point' : 'points'}`;

export const STATUS_TEXT: Record<RedemptionStatus, string> = {
  requested: 'Requested',
  approved: 'Approved',
  fulfilled: 'Fulfilled',
  rejected: 'Rejected',
};

export const shortDate = (iso: string) => new Date(iso).toLocaleDateString(undefined, { day: 'numeric', month: 'short', year: 'numeric' });
/** "Nov 23", with the year only when it is not this one. */
export const dayText = (iso: string) => {
  const d = new Date(iso);
  const year = d.getFullYear() === new Date().getFullYear() ? undefined : 'numeric';
  return d.toLocaleDateString(undefined, { day: 'numeric', month: 'short', year });
};
export const whenText = (iso: string) => new Date(iso).toLocaleString(undefined, { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });

/** Why Redeem is off, in words, or null when it can be redeemed. */
export function blockedReason(reward: Reward, balance: number): string | null {
  if (!reward.active) return 'Hidden from helpers';
  if (reward.stock === 0) return 'Out of stock';
  if (balance < reward.cost) return `${pts(reward.cost - balance)} more needed`;
  return null;
}

/** A toast's headline for points that just arrived: "+2 points — answered chat, fast answer". */
export function pointsHeadline(entries: PointsAwarded['entries']): string | null {
  const total = entries.reduce((n, e) => n + e.points, 0);
  if (total === 0) return null;
  return `${total > 0 ? '+' : '−'}${pts(Math.abs(total))} — ${entries.map((e) => shortReason(e.reason)).join(', ')}`;
}
