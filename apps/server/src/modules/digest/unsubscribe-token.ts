import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The signed token of a digest's unsubscribe link: `<user id>.<HMAC>`. It never expires (a link in
 * an old mail must still work) and only ever turns the digest off, so it carries nothing else.
 */
const sign = (secret: string, userId: string) => createHmac('sha256', secret).update(`digest-unsubscribe|${userId}`).digest('base64url');

export function unsubscribeToken(secret: string, userId: string): string {
  return `${userId}.${sign(secret, userId)}`;
}

/** The user id the token was signed for, or null when it was not signed by us (tampered, truncated). */
export function unsubscribeUser(secret: string, token: string): string | null {
  const [userId, mac, ...rest] = token.split('.');
  if (!userId || !mac || rest.length) return null;
  const expected = Buffer.from(sign(secret, userId));
  const given = Buffer.from(mac);
  return given.length === expected.length && timingSafeEqual(given, expected) ? userId : null;
}
