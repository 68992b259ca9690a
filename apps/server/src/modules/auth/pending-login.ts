import { createHmac, timingSafeEqual } from 'node:crypto';

/** How long the second step of signing in may wait after the password was right. */
export const PENDING_LOGIN_TTL_MS = 5 * 60_000;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A signed, short-lived proof that someone typed the right password for `userId` and still owes
 * a second-step code: `<userId>.<expiresAtMs>.<hmac>`. It is not a session: it opens nothing by itself.
 * The signature also covers the password hash it was issued against (never written in the token), so a
 * password changed or reset meanwhile makes it worthless, like the sessions the change ends.
 */
export class PendingLogins {
  constructor(private readonly secret: string) {}

  issue(userId: string, passwordHash: string, now = Date.now()): string {
    const body = `${userId}.${now + PENDING_LOGIN_TTL_MS}`;
    return `${body}.${this.mac(body, passwordHash)}`;
  }

  /** Whom the token claims to be for (unverified: only to look up their current password hash). */
  claimedUserId(token: string): string | undefined {
    const parts = token.split('.');
    return parts.length === 3 && UUID.test(parts[0] ?? '') ? parts[0] : undefined;
  }

  /** The user id the token was issued for, or undefined when it is forged, malformed, expired or the password changed since. */
  verify(token: string, passwordHash: string, now = Date.now()): string | undefined {
    const parts = token.split('.');
    if (parts.length !== 3) return undefined;
    const [userId = '', expires = '', mac = ''] = parts;
    const expected = Buffer.from(this.mac(`${userId}.${expires}`, passwordHash));
    const given = Buffer.from(mac);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
    if (!/^\d+$/.test(expires) || Number(expires) <= now) return undefined;
    return userId;
  }

  private mac(body: string, passwordHash: string): string {
    return createHmac('sha256', this.secret).update(`pending-login|${body}|${passwordHash}`).digest('base64url');
  }
}
