import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, lte, ne } from 'drizzle-orm';
import { memberships, sessions, sites, twoFactor, users, type Db, type SiteSettings } from '@tribu/db';
import { DEFAULT_CHAT_CAP } from '@tribu/domain';
import { ErrorCode, type LoginRequest, type Me, type Membership, type Role } from '@tribu/protocol';
import { AppError } from '../../lib/errors.ts';
import type { HelperActor } from '../actors.ts';
import { siteLanguages } from '../content/site-content.ts';
import { dummyHash, hashPassword, verifyPassword } from './password.ts';

export const SESSION_TTL_MS = 14 * 24 * 3600 * 1000;

const sha256 = (v: string) => createHash('sha256').update(v).digest('base64url');

/** The id a session is stored under: the hash of its cookie (the cookie itself is never stored). */
export const sessionIdOf = (cookie: string): string => sha256(cookie);

export interface Session {
  /** The stored id (hash of the cookie): sockets keep it to re-check the session on every command. */
  id: string;
  expiresAt: Date;
  actor: HelperActor;
  me: Me;
}

/** What the end of sessions is told to (the notifier port: their open tabs on every node close). */
export interface SessionEvents {
  sessionsEnded(sessionIds: string[]): Promise<void>;
}

/** Email + password sign-in and cookie sessions (only a hash of the cookie is stored). */
export class AuthService {
  constructor(
    private readonly db: Db,
    private readonly events: SessionEvents = { sessionsEnded: async () => undefined },
  ) {}

  /** Returns the cookie value to set and who signed in; wrong email or password look the same. */
  async login(input: LoginRequest): Promise<{ cookie: string; session: Session }> {
    return this.startSession(await this.checkPassword(input));
  }

  /** The id of the account when the password is right; wrong email or password look the same (and take as long). */
  async checkPassword(input: LoginRequest): Promise<string> {
    const email = input.email.trim().toLowerCase();
    const [user] = await this.db.select().from(users).where(eq(users.email, email)).limit(1);
    const ok = await verifyPassword(user?.passwordHash ?? (await dummyHash()), input.password);
    if (!user || !ok) throw new AppError(ErrorCode.unauthorized, 'Wrong email or password');
    return user.id;
  }

  /** Opens a session for someone already proven (a password checked, an invitation used). */
  async startSession(userId: string): Promise<{ cookie: string; session: Session }> {
    const cookie = randomBytes(32).toString('base64url');
    await this.db.insert(sessions).values({
      id: sha256(cookie),
      userId,
      csrfToken: randomBytes(24).toString('base64url'),
      expiresAt: new Date(Date.now() + SESSION_TTL_MS),
    });
    const session = await this.fromCookie(cookie);
    if (!session) throw new Error('session vanished right after creation');
    return { cookie, session };
  }

  async fromCookie(cookie: string | undefined): Promise<Session | undefined> {
    if (!cookie || cookie.length > 100) return undefined;
    return this.bySessionId(sha256(cookie));
  }

  /** The live session stored under `id` with the person's current rights; undefined once ended or expired. */
  async bySessionId(id: string): Promise<Session | undefined> {
    const [row] = await this.db
      .select({ s: sessions, u: users, twoFactorAt: twoFactor.enabledAt })
      .from(sessions)
      .innerJoin(users, eq(users.id, sessions.userId))
      .leftJoin(twoFactor, eq(twoFactor.userId, users.id))
      .where(and(eq(sessions.id, id), gt(sessions.expiresAt, new Date())))
      .limit(1);
    if (!row) return undefined;
    const rows = await this.db
      .select({
        siteId: sites.id,
        siteKey: sites.key,
        siteName: sites.name,
        role: memberships.role,
        settings: sites.settings,
        status: memberships.status,
        suspendedReason: memberships.suspendedReason,
      })
      .from(memberships)
      .innerJoin(sites, eq(sites.id, memberships.siteId))
      .where(eq(memberships.userId, row.u.id))
      .orderBy(sites.name);
    // A suspended membership gives no rights at all; the person is only told why.
    const suspended = rows.filter((m) => m.status === 'suspended').map((m) => ({ siteName: m.siteName, reason: m.suspendedReason }));
    // A site that asks its managers for two-step sign-in: without it set up they act there as a helper only.
    const twoFactorOn = row.twoFactorAt !== null;
    const mustSetUp = (m: { role: Role; settings: SiteSettings }) => m.role !== 'helper' && m.settings.twoFactorForManagers === true && !twoFactorOn;
    const setupRequiredBy = rows.filter((m) => m.status !== 'suspended' && mustSetUp(m)).map((m) => ({ siteId: m.siteId, siteName: m.siteName }));
    const ms: Membership[] = rows
      .filter((m) => m.status !== 'suspended')
      .map(({ settings, status: _s, suspendedReason: _r, ...m }) => ({
        ...m,
        role: mustSetUp({ role: m.role, settings }) ? 'helper' : m.role,
        chatCap: settings.chatCap ?? DEFAULT_CHAT_CAP,
        topics: (settings.topics ?? []).map((t) => ({ tag: t.tag, label: t.label })),
        languages: (({ defaultLocale, locales }) => ({ defaultLocale, locales: [...locales] }))(siteLanguages({ settings })),
      }));
    const roles: Record<string, Role> = Object.fromEntries(ms.map((m) => [m.siteId, m.role]));
    return {
      id: row.s.id,
      expiresAt: row.s.expiresAt,
      actor: { kind: 'helper', userId: row.u.id, displayName: row.u.displayName, roles, locale: row.u.locale ?? null },
      me: {
        user: {
          id: row.u.id,
          email: row.u.email,
          displayName: row.u.displayName,
          avatarUrl: row.u.avatarUrl,
          locale: row.u.locale ?? null,
          timeZone: row.u.notifyPrefs.timeZone ?? null,
        },
        memberships: ms,
        suspended,
        operator: row.u.operator,
        twoFactor: { enabled: twoFactorOn, setupRequiredBy },
        csrfToken: row.s.csrfToken,
      },
    };
  }

  /**
   * A new password, proven by the current one. Every other session of the person ends (another
   * device, a stolen cookie); the one making the change stays signed in.
   */
  async changePassword(userId: string, keepCookie: string, current: string, next: string): Promise<void> {
    const [user] = await this.db.select({ hash: users.passwordHash }).from(users).where(eq(users.id, userId)).limit(1);
    if (!user || !(await verifyPassword(user.hash, current))) throw new AppError(ErrorCode.forbidden, 'Your current password is not right');
    if (current === next) throw new AppError(ErrorCode.badRequest, 'Choose a password different from the current one');
    const passwordHash = await hashPassword(next);
    const ended = await this.db.transaction(async (tx) => {
      await tx.update(users).set({ passwordHash }).where(eq(users.id, userId));
      return tx
        .delete(sessions)
        .where(and(eq(sessions.userId, userId), ne(sessions.id, sha256(keepCookie))))
        .returning({ id: sessions.id });
    });
    await this.events.sessionsEnded(ended.map((s) => s.id));
  }

  /**
   * Ends every session of a person (but `except`, a session id to keep): password change or reset.
   * Resolves once their open tabs on every node are closed.
   */
  async endSessions(userId: string, opts: { except?: string } = {}): Promise<void> {
    const ended = await this.db
      .delete(sessions)
      .where(and(eq(sessions.userId, userId), opts.except ? ne(sessions.id, opts.except) : undefined))
      .returning({ id: sessions.id });
    await this.events.sessionsEnded(ended.map((s) => s.id));
  }

  /** Signing out ends the session everywhere at once: its tabs on every node close before this resolves. */
  async logout(cookie: string): Promise<void> {
    const ended = await this.db
      .delete(sessions)
      .where(eq(sessions.id, sha256(cookie)))
      .returning({ id: sessions.id });
    await this.events.sessionsEnded(ended.map((s) => s.id));
  }

  /** Sessions past their expiry are removed and their tabs closed (every node sweeps; each row goes once). */
  async endExpired(): Promise<number> {
    const ended = await this.db.delete(sessions).where(lte(sessions.expiresAt, new Date())).returning({ id: sessions.id });
    await this.events.sessionsEnded(ended.map((s) => s.id));
    return ended.length;
  }
}
