import { createHmac, timingSafeEqual } from 'node:crypto';

/** Visitor tokens stay valid this long; the widget silently gets a fresh one when it expires. */
export const VISITOR_TOKEN_MAX_AGE_MS = 180 * 24 * 3600 * 1000;

function sign(secret: string, siteId: string, visitorId: string, issuedAt: number): string {
  return createHmac('sha256', secret).update(`visitor|${siteId}|${visitorId}|${issuedAt}`).digest('base64url');
}

/** `<issuedAt>.<hmac>`: binds a visitor id to one site, without storing anything. */
export function makeVisitorToken(secret: string, siteId: string, visitorId: string, now = Date.now()): string {
  return `${now}.${sign(secret, siteId, visitorId, now)}`;
}

export function verifyVisitorToken(secret: string, siteId: string, visitorId: string, token: string, now = Date.now()): boolean {
  // Exactly `<issuedAt>.<hmac>`: anything appended makes it another token, refused.
  const parts = token.split('.');
  if (parts.length !== 2) return false;
  const [issued, mac] = parts as [string, string];
  if (!issued || !mac || !/^\d{1,15}$/.test(issued)) return false;
  const issuedAt = Number(issued);
  if (issuedAt > now + 60_000 || now - issuedAt > VISITOR_TOKEN_MAX_AGE_MS) return false;
  const expected = Buffer.from(sign(secret, siteId, visitorId, issuedAt));
  const given = Buffer.from(mac);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
