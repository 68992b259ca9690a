import type { Db } from '@tribu/db';
import type { Mailer } from '../../lib/mailer.ts';
import { createLimiter } from '../../lib/rate-limiter.ts';
import type { AuthService } from './auth.service.ts';
import { ACCOUNT_FAILURES, ADDRESS_FAILURES, LoginThrottle } from './login-throttle.ts';
import { PasswordResetService, RESET_BUDGETS } from './password-reset.service.ts';
import { PendingLogins } from './pending-login.ts';
import { SignIn } from './sign-in.ts';
import { TwoFactorService } from './two-factor.service.ts';

export interface Accounts {
  signIn: SignIn;
  throttle: LoginThrottle;
  twoFactor: TwoFactorService;
  resets: PasswordResetService;
}

/** Sign-in budgets, two-step sign-in and password resets, built once (budgets shared through Redis when set). */
export function buildAccounts(deps: {
  db: Db;
  auth: AuthService;
  mailer: Mailer;
  secret: string;
  redis: { client: import('ioredis').Redis; prefix: string } | undefined;
  publicUrl: string;
  log: { warn(obj: object, msg: string): void };
  rightsChanged: (userId: string, siteId: string) => Promise<void>;
}): Accounts {
  const throttle = new LoginThrottle({
    account: createLimiter('login-account', ACCOUNT_FAILURES, deps.redis),
    address: createLimiter('login-address', ADDRESS_FAILURES, deps.redis),
  });
  const twoFactor = new TwoFactorService(deps.db, deps.secret, deps.rightsChanged);
  const signIn = new SignIn({ db: deps.db, auth: deps.auth, throttle, twoFactor, pending: new PendingLogins(deps.secret) });
  const resets = new PasswordResetService({
    db: deps.db,
    auth: deps.auth,
    mailer: deps.mailer,
    throttle,
    limiters: {
      address: createLimiter('reset-address', RESET_BUDGETS.address, deps.redis),
      email: createLimiter('reset-email', RESET_BUDGETS.email, deps.redis),
    },
    publicUrl: deps.publicUrl,
    log: deps.log,
  });
  return { signIn, throttle, twoFactor, resets };
}
