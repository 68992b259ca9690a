/** An approved referral code of a helper on the site. */
export interface ActiveReferralCode {
  code: string;
  userId: string;
}

/**
 * The helper a purchase's `code` refers to: the owner of the site's active code that equals it,
 * ignoring case and surrounding spaces; null when none (a shop's own promo code, a revoked one).
 */
export function referrerOf(code: string | null | undefined, active: readonly ActiveReferralCode[]): string | null {
  const wanted = code?.trim().toUpperCase();
  if (!wanted) return null;
  return active.find((c) => c.code.toUpperCase() === wanted)?.userId ?? null;
}
