import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, isNull } from 'drizzle-orm';
import { passwordResets, users, type Db } from '@tribu/db';
import { ErrorCode } from '@tribu/protocol';
import { AppError } from '../../lib/errors.ts';
import { mailBody } from '../../lib/mail-body.ts';
import { maskAddress, type Mailer } from '../../lib/mailer.ts';
import type { Limiter } from '../../lib/rate-limiter.ts';
import { addressGroup } from '../../lib/address-group.ts';
import type { AuthService } from './auth.service.ts';
import { ThrottledError, takeBoth, type LoginThrottle } from './login-throttle.ts';
import { hashPassword } from './password.ts';
import type { Locale } from '../../i18n/locale.ts';
import { mailWords } from '../../i18n/mails/index.ts';

export const RESET_TTL_MS = 3600_000;
/** Reset requests an address (an IPv6 /64) may make in an hour, and requests for one email. */
export const RESET_BUDGETS = { address: { points: 10, duration: 3600 }, email: { points: 3, duration: 3600 } } as const;

const sha256 = (v: string) => createHash('sha256').update(v).digest('base64url');

/** The page that takes the token; in the fragment, so it never reaches a server log or a Referer. */
export const resetLink = (publicUrl: string, token: string) => `${publicUrl}/backoffice/reset-password#${token}`;

/** Stores a new reset token's hash for the account with this email (lower case); undefined when there is none. */
export async function issueReset(db: Db, email: string): Promise<{ token: string; email: string; displayName: string; locale: Locale | null } | undefined> {
  const [user] = await db
    .select({ id: users.id, email: users.email, displayName: users.displayName, locale: users.locale })
    .from(users)
    .where(eq(users.email, email));
  if (!user) return undefined;
  const token = randomBytes(32).toString('base64url');
  await db.insert(passwordResets).values({ id: sha256(token), userId: user.id, expiresAt: new Date(Date.now() + RESET_TTL_MS) });
  return { token, email: user.email, displayName: user.displayName, locale: user.locale ?? null };
}

/**
 * "Forgot password?": a one-use link by mail, valid for an hour, of which only a hash is stored.
 * Asking answers the same whether the email has an account or not (and the mail goes out after
 * the answer, so timing tells nothing either). Using the link sets the new password, ends every
 * session of the person on every node, and lifts a sign-in lockout of the account.
 */
export class PasswordResetService {
  constructor(
    private readonly deps: {
      db: Db;
      auth: AuthService;
      mailer: Mailer;
      throttle: LoginThrottle;
      limiters: { address: Limiter; email: Limiter };
      publicUrl: string;
      log: { warn(obj: object, msg: string): void };
    },
  ) {}

  /**
   * A request from the sign-in page: throttled per address and per email typed (existing or not). The mail is in the
   * account's language, else the language of the page that asked (`asked`).
   */
  async request(ip: string, email: string, asked: Locale = 'en'): Promise<void> {
    const address = email.trim().toLowerCase();
    const { address: byAddress, email: byEmail } = this.deps.limiters;
    await takeBoth(
      [
        [byAddress, addressGroup(ip)],
        [byEmail, address],
      ],
      (s) => new ThrottledError(s, (w) => `Too many reset requests; try again in ${w}.`),
    );
    const issued = await issueReset(this.deps.db, address);
    if (!issued) return;
    if (!this.deps.mailer.configured) {
      // Nobody will get the link: the operator hands one over instead (`operator reset-link`).
      this.deps.log.warn({ to: maskAddress(issued.email) }, 'password reset asked, but mail is off (SMTP_URL unset): use `operator reset-link`');
      return;
    }
    const locale = issued.locale ?? asked;
    void this.mail(issued.email, issued.displayName, resetLink(this.deps.publicUrl, issued.token), locale).catch((err: unknown) =>
      this.deps.log.warn({ err }, 'password reset mail not sent'),
    );
  }

  /** Sets the new password if the token is live and unused; it is spent in the same statement that checks it. */
  async reset(token: string, password: string): Promise<void> {
    const passwordHash = await hashPassword(password);
    const user = await this.deps.db.transaction(async (tx) => {
      const [spent] = await tx
        .update(passwordResets)
        .set({ usedAt: new Date() })
        .where(and(eq(passwordResets.id, sha256(token)), isNull(passwordResets.usedAt), gt(passwordResets.expiresAt, new Date())))
        .returning({ userId: passwordResets.userId });
      if (!spent) return undefined;
      const [row] = await tx.update(users).set({ passwordHash }).where(eq(users.id, spent.userId)).returning({ id: users.id, email: users.email });
      // Any other link still out there for this account is spent too: the password it was for is gone.
      await tx
        .update(passwordResets)
        .set({ usedAt: new Date() })
        .where(and(eq(passwordResets.userId, spent.userId), isNull(passwordResets.usedAt)));
      return row;
    });
    if (!user) throw new AppError(ErrorCode.badRequest, 'This link has expired or was already used; ask for a new one from the sign-in page');
    await this.deps.auth.endSessions(user.id);
    await this.deps.throttle.unlock(user.email);
  }

  private async mail(to: string, name: string, link: string, locale: Locale): Promise<void> {
    const w = mailWords(locale);
    const body = mailBody({
      lang: locale,
      greeting: w.hello(name),
      paragraphs: [w.reset.asked, w.reset.open],
      action: { label: w.reset.action, url: link },
      footer: w.reset.footer(to),
    });
    await this.deps.mailer.send({ to, subject: w.reset.subject, ...body });
  }
}
