import { createHash, randomInt } from 'node:crypto';
import { and, count, eq, isNull, lt } from 'drizzle-orm';
import { Secret, TOTP } from 'otpauth';
import { renderSVG } from 'uqr';
import { memberships, recoveryCodes, sites, twoFactor, users, type Db } from '@tribu/db';
import { ErrorCode, type TwoFactorEnabled, type TwoFactorSetup, type TwoFactorStatus } from '@tribu/protocol';
import { AppError } from '../../lib/errors.ts';
import { verifyPassword } from './password.ts';
import { SecretBox } from './totp-secret.ts';

export const RECOVERY_CODE_COUNT = 10;
const PERIOD = 30;
// No 0/o, 1/l/i: a code copied from paper reads back the same.
const CODE_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

const hashCode = (userId: string, code: string) => createHash('sha256').update(`${userId}|${code}`).digest('base64url');

function recoveryCode(): string {
  const chars = Array.from({ length: 10 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]);
  return `${chars.slice(0, 5).join('')}-${chars.slice(5).join('')}`;
}

/**
 * Two-step sign-in with an authenticator app (TOTP, RFC 6238: SHA-1, 6 digits, 30 s, one step of
 * drift either way) and ten one-use recovery codes, stored as hashes. A code is accepted once:
 * the step it belongs to is remembered, so a code seen over a shoulder cannot be replayed.
 */
export class TwoFactorService {
  private readonly box: SecretBox;

  constructor(
    private readonly db: Db,
    secret: string,
    /** Told when turning it on or off changes what the person may do on a site that asks managers for it. */
    private readonly rightsChanged: (userId: string, siteId: string) => Promise<void> = async () => undefined,
    private readonly issuer = 'Tribu',
  ) {
    this.box = new SecretBox(secret);
  }

  async isEnabled(userId: string): Promise<boolean> {
    const [row] = await this.db.select({ on: twoFactor.enabledAt }).from(twoFactor).where(eq(twoFactor.userId, userId));
    return row?.on != null;
  }

  async status(userId: string): Promise<TwoFactorStatus> {
    const [[row], [left], required] = await Promise.all([
      this.db.select({ on: twoFactor.enabledAt }).from(twoFactor).where(eq(twoFactor.userId, userId)),
      this.db
        .select({ n: count() })
        .from(recoveryCodes)
        .where(and(eq(recoveryCodes.userId, userId), isNull(recoveryCodes.usedAt))),
      this.requiringSites(userId),
    ]);
    return {
      enabled: row?.on != null,
      recoveryCodesLeft: row?.on != null ? (left?.n ?? 0) : 0,
      requiredBy: required.map((m) => m.name),
    };
  }

  /** Sites that ask their managers for two-step sign-in, where this person is a manager or admin. */
  private async requiringSites(userId: string): Promise<{ id: string; name: string }[]> {
    const rows = await this.db
      .select({ id: sites.id, name: sites.name, settings: sites.settings, role: memberships.role })
      .from(memberships)
      .innerJoin(sites, eq(sites.id, memberships.siteId))
      .where(and(eq(memberships.userId, userId), eq(memberships.status, 'active')));
    return rows.filter((m) => m.role !== 'helper' && m.settings.twoFactorForManagers === true);
  }

  /** Their tabs on every node act with the rights they have now (manager again, or helper only). */
  private async announce(userId: string): Promise<void> {
    for (const site of await this.requiringSites(userId)) await this.rightsChanged(userId, site.id);
  }

  /** A fresh secret for the app; not in force until a first code confirms it (a new set-up replaces an unconfirmed one). */
  async setup(userId: string): Promise<TwoFactorSetup> {
    if (await this.isEnabled(userId)) throw new AppError(ErrorCode.conflict, 'Two-step sign-in is already on; turn it off first to use another app');
    const [user] = await this.db.select({ email: users.email }).from(users).where(eq(users.id, userId));
    if (!user) throw new AppError(ErrorCode.unauthorized, 'Sign in first');
    const secret = new Secret({ size: 20 });
    const sealed = this.box.seal(secret.base32);
    await this.db
      .insert(twoFactor)
      .values({ userId, secret: sealed })
      .onConflictDoUpdate({ target: twoFactor.userId, set: { secret: sealed, enabledAt: null, lastStep: 0, createdAt: new Date() } });
    const otpauthUri = this.totp(secret.base32, user.email).toString();
    return { secret: secret.base32, otpauthUri, qrSvg: renderSVG(otpauthUri, { border: 2 }) };
  }

  /** The first code from the app turns two-step sign-in on; the recovery codes are shown this once. */
  async confirm(userId: string, code: string): Promise<TwoFactorEnabled> {
    const [row] = await this.db.select().from(twoFactor).where(eq(twoFactor.userId, userId));
    if (!row) throw new AppError(ErrorCode.invalidState, 'Start the set-up first');
    if (row.enabledAt) throw new AppError(ErrorCode.conflict, 'Two-step sign-in is already on');
    const step = this.matchingStep(row.secret, code);
    if (step === undefined) throw new AppError(ErrorCode.badRequest, 'That code is not right; check the time on your phone and type the newest code');
    const codes = Array.from({ length: RECOVERY_CODE_COUNT }, recoveryCode);
    await this.db.transaction(async (tx) => {
      const done = await tx
        .update(twoFactor)
        .set({ enabledAt: new Date(), lastStep: step })
        .where(and(eq(twoFactor.userId, userId), isNull(twoFactor.enabledAt)))
        .returning({ userId: twoFactor.userId });
      if (!done.length) throw new AppError(ErrorCode.conflict, 'Two-step sign-in is already on');
      await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
      await tx.insert(recoveryCodes).values(codes.map((c) => ({ id: hashCode(userId, c.replace('-', '')), userId })));
    });
    await this.announce(userId);
    return { recoveryCodes: codes };
  }

  /** Turning it off takes the password and a current code (or a recovery code). */
  async disable(userId: string, password: string, code: string): Promise<void> {
    const [user] = await this.db.select({ hash: users.passwordHash }).from(users).where(eq(users.id, userId));
    const passwordOk = user ? await verifyPassword(user.hash, password) : false;
    if (!passwordOk || !(await this.verify(userId, code))) throw new AppError(ErrorCode.forbidden, 'Your password or the code is not right');
    await this.db.transaction(async (tx) => {
      await tx.delete(twoFactor).where(eq(twoFactor.userId, userId));
      await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
    });
    await this.announce(userId);
  }

  /**
   * Checks a second-step code (already without spaces and dashes, lower case): a 6-digit code of
   * the app, each accepted once, or an unused recovery code, then spent. False when neither.
   */
  async verify(userId: string, code: string): Promise<boolean> {
    if (/^\d{6}$/.test(code)) {
      const [row] = await this.db.select().from(twoFactor).where(eq(twoFactor.userId, userId));
      if (!row?.enabledAt) return false;
      const step = this.matchingStep(row.secret, code);
      if (step === undefined) return false;
      // One conditional update: two requests with the same code cannot both pass.
      const used = await this.db
        .update(twoFactor)
        .set({ lastStep: step })
        .where(and(eq(twoFactor.userId, userId), lt(twoFactor.lastStep, step)))
        .returning({ userId: twoFactor.userId });
      return used.length === 1;
    }
    if (!/^[a-z0-9]{10}$/.test(code) || !(await this.isEnabled(userId))) return false;
    const spent = await this.db
      .update(recoveryCodes)
      .set({ usedAt: new Date() })
      .where(and(eq(recoveryCodes.id, hashCode(userId, code)), eq(recoveryCodes.userId, userId), isNull(recoveryCodes.usedAt)))
      .returning({ id: recoveryCodes.id });
    return spent.length === 1;
  }

  private totp(base32: string, label: string): TOTP {
    return new TOTP({ issuer: this.issuer, label, algorithm: 'SHA1', digits: 6, period: PERIOD, secret: Secret.fromBase32(base32) });
  }

  /** The time step the code belongs to (now, or one step before or after), or undefined. */
  private matchingStep(sealed: string, code: string): number | undefined {
    const now = Date.now();
    const delta = this.totp(this.box.open(sealed), 'x').validate({ token: code, timestamp: now, window: 1 });
    return delta === null ? undefined : Math.floor(now / 1000 / PERIOD) + delta;
  }
}
