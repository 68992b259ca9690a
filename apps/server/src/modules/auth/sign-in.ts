import { eq } from 'drizzle-orm';
import { users, type Db } from '@tribu/db';
import { ErrorCode, type LoginRequest } from '@tribu/protocol';
import { AppError } from '../../lib/errors.ts';
import type { AuthService, Session } from './auth.service.ts';
import type { LoginThrottle } from './login-throttle.ts';
import type { PendingLogins } from './pending-login.ts';
import type { TwoFactorService } from './two-factor.service.ts';

export type SignInResult = { kind: 'session'; cookie: string; session: Session } | { kind: 'challenge'; token: string };

/**
 * Signing in, step by step: the throttles first (a locked account is not even checked), then the
 * password, then, for an account with two-step sign-in, a code against a short-lived pending token.
 * Every failure counts against the account's and the address's budgets.
 */
export class SignIn {
  constructor(private readonly deps: { db: Db; auth: AuthService; throttle: LoginThrottle; twoFactor: TwoFactorService; pending: PendingLogins }) {}

  async password(ip: string, input: LoginRequest): Promise<SignInResult> {
    const userId = await this.counted(ip, input.email, ErrorCode.unauthorized, () => this.deps.auth.checkPassword(input));
    if (await this.deps.twoFactor.isEnabled(userId)) {
      const [user] = await this.deps.db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, userId));
      if (!user) throw new AppError(ErrorCode.unauthorized, 'Wrong email or password');
      return { kind: 'challenge', token: this.deps.pending.issue(userId, user.passwordHash) };
    }
    return { kind: 'session', ...(await this.deps.auth.startSession(userId)) };
  }

  async secondStep(ip: string, token: string, code: string): Promise<{ cookie: string; session: Session }> {
    const claimed = this.deps.pending.claimedUserId(token);
    const [user] = claimed ? await this.deps.db.select({ email: users.email, passwordHash: users.passwordHash }).from(users).where(eq(users.id, claimed)) : [];
    const userId = user ? this.deps.pending.verify(token, user.passwordHash) : undefined;
    if (!userId || !user) throw new AppError(ErrorCode.unauthorized, 'This sign-in took too long; type your password again');
    await this.counted(ip, user.email, ErrorCode.unauthorized, async () => {
      if (!(await this.deps.twoFactor.verify(userId, code))) {
        throw new AppError(ErrorCode.unauthorized, 'That code is not right; type the newest code from your app, or a recovery code');
      }
    });
    return this.deps.auth.startSession(userId);
  }

  /** Turning two-step sign-in off proves the password and a code: guesses count against the same budgets. */
  async disableTwoFactor(ip: string, who: { userId: string; email: string }, password: string, code: string): Promise<void> {
    await this.counted(ip, who.email, ErrorCode.forbidden, () => this.deps.twoFactor.disable(who.userId, password, code));
  }

  /** Runs a check of a secret under the budgets: an attempt is taken first, and given back unless it failed with `failure`. */
  private async counted<T>(ip: string, email: string, failure: ErrorCode, check: () => Promise<T>): Promise<T> {
    const attempt = await this.deps.throttle.attempt(ip, email);
    try {
      const result = await check();
      await attempt.giveBack();
      return result;
    } catch (e) {
      if (!(e instanceof AppError && e.code === failure)) await attempt.giveBack();
      throw e;
    }
  }
}
