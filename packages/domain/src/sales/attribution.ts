/** One answered chat of the buying visitor on the same site, as the attribution rule sees it. */
export interface AnsweredChat {
  conversationId: string;
  /** The helper who answered (null when their account is gone). */
  helperId: string | null;
  /** When the helper first answered. */
  answeredAt: Date;
}

export type Attribution = { kind: 'assisted'; conversationId: string; helperId: string | null } | { kind: 'none' };

const DAY_MS = 86_400_000;

/**
 * A purchase is *assisted* when the same visitor had an answered chat on the site within
 * `windowDays` before it (the edge included: exactly N days before still counts; an answer after
 * the purchase does not). It is credited to the helper of the last answered chat.
 */
export function attributePurchase(purchasedAt: Date, chats: readonly AnsweredChat[], windowDays: number): Attribution {
  const from = purchasedAt.getTime() - windowDays * DAY_MS;
  let last: AnsweredChat | undefined;
  for (const c of chats) {
    const t = c.answeredAt.getTime();
    if (t < from || t > purchasedAt.getTime()) continue;
    if (!last || t > last.answeredAt.getTime()) last = c;
  }
  return last ? { kind: 'assisted', conversationId: last.conversationId, helperId: last.helperId } : { kind: 'none' };
}
