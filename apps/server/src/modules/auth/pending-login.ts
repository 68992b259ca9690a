import { createHmac, timingSafeEqual } from 'node:crypto';

/** How long the second step of signing in may wait after the password was right. */
export const PENDING_LOGIN_TTL_MS = 5 * 60_000;

/**
 * A signed, short-lived proof that someone typed the right password for `userId` and still owes
 * a second-step code: `<userId>.<expiresAtMs>.<hmac>`. It is not a session: it opens nothing by itself.
 */
export class PendingLogins {
  constructor(private readonly secret: string) {}

  issue(userId: string, now = Date.now()): string {
    const body = `${userId}.${now + PENDING_LOGIN_TTL_MS}`;
    return `${body}.${this.mac(body)}`;
  }

  /** The user id the token was issued for, or undefined when it is forged, malformed or expired. */
  verify(token: string, now = Date.now()): string | undefined {
    const parts = token.split('.');
    if (parts.length !== 3) return undefined;
    const [userId = '', expires = '', mac = ''] = parts;
    const expected = Buffer.from(this.mac(`${userId}.${expires}`));
    const given = Buffer.from(mac);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
    if (!/^\d+$/.test(expires) || Number(expires) <= now) return undefined;
    return userId;
  }

  private mac(body: string): string {
    return createHmac('sha256', this.secret).update(`pending-login|${body}`).digest('base64url');
  }
}
