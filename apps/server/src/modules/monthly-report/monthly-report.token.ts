import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The monthly report's unsubscribe token: `<user id>.<HMAC>`. It never expires (a link in an old
 * mail must still work) and can only turn that mail off, so it carries nothing else.
 */
const sign = (secret: string, userId: string) => createHmac('sha256', secret).update(`monthly-report-unsubscribe|${userId}`).digest('base64url');

export function monthlyReportToken(secret: string, userId: string): string {
  return `${userId}.${sign(secret, userId)}`;
}

/** The user id the token was signed for, or null when we did not sign it. */
export function monthlyReportUser(secret: string, token: string): string | null {
  const [userId, mac, ...rest] = token.split('.');
  if (!userId || !mac || rest.length) return null;
  const expected = Buffer.from(sign(secret, userId));
  const given = Buffer.from(mac);
  return given.length === expected.length && timingSafeEqual(given, expected) ? userId : null;
}
