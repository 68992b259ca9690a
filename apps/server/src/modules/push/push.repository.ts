import { and, desc, eq, gt, gte, inArray, isNotNull, isNull, lt, sql } from 'drizzle-orm';
import { conversations, memberships, pushSends, pushSubscriptions, sites, twoFactor, users, type Db, type NotifyPrefs, type SiteSettings } from '@tribu/db';
import type { Role } from '@tribu/protocol';
import { recipientLocale, type Locale } from '../../i18n/locale.ts';

export interface Device {
  id: string;
  endpoint: string;
  p256dh: string;
  auth: string;
}

/** A member who could be called about a site's request. */
export interface Callee {
  userId: string;
  siteId: string;
  email: string;
  displayName: string;
  /** Their role as it acts on the site (a manager without the second factor a site asks for acts as a helper). */
  role: Role;
  away: boolean;
  prefs: NotifyPrefs;
  devices: number;
  /** The language their mails and pushes are worded in: their choice, else the site's default, else English. */
  locale: Locale;
}

export interface WaitingRequest {
  id: string;
  siteId: string;
  question: string;
  staffAt: Date | null;
  createdAt: Date;
}

/** Queries of Web Push: devices, the sends that claim a call once, the figures for Numbers. */
export class PushRepository {
  constructor(private readonly db: Db) {}

  /** A browser's subscription for a signed-in device; the same browser again replaces its row. */
  async saveDevice(input: { userId: string; sessionId: string; endpoint: string; p256dh: string; auth: string; label: string }): Promise<void> {
    await this.db
      .insert(pushSubscriptions)
      .values(input)
      .onConflictDoUpdate({
        target: pushSubscriptions.endpoint,
        set: { userId: input.userId, sessionId: input.sessionId, p256dh: input.p256dh, auth: input.auth, label: input.label, createdAt: new Date() },
      });
  }

  async devicesOfSession(sessionId: string): Promise<Device[]> {
    return this.db
      .select({ id: pushSubscriptions.id, endpoint: pushSubscriptions.endpoint, p256dh: pushSubscriptions.p256dh, auth: pushSubscriptions.auth })
      .from(pushSubscriptions)
      .where(eq(pushSubscriptions.sessionId, sessionId));
  }

  async devicesOf(userId: string): Promise<Device[]> {
    return this.db
      .select({ id: pushSubscriptions.id, endpoint: pushSubscriptions.endpoint, p256dh: pushSubscriptions.p256dh, auth: pushSubscriptions.auth })
      .from(pushSubscriptions)
      .where(eq(pushSubscriptions.userId, userId));
  }

  async countDevices(userId: string): Promise<number> {
    const [r] = await this.db
      .select({ n: sql<number>`count(*)::int` })
      .from(pushSubscriptions)
      .where(eq(pushSubscriptions.userId, userId));
    return r?.n ?? 0;
  }

  async removeSessionDevices(sessionId: string): Promise<number> {
    return (await this.db.delete(pushSubscriptions).where(eq(pushSubscriptions.sessionId, sessionId)).returning({ id: pushSubscriptions.id })).length;
  }

  /** The push service said the subscription is gone (404/410): it is never tried again. */
  async removeDevice(id: string): Promise<void> {
    await this.db.delete(pushSubscriptions).where(eq(pushSubscriptions.id, id));
  }

  /** Someone with no active membership left (suspended everywhere, removed, left) keeps no device: nothing may be pushed to them. */
  async removeDevicesOfUnaffiliated(): Promise<number> {
    const removed = await this.db
      .delete(pushSubscriptions)
      .where(sql`not exists (select 1 from ${memberships} where ${memberships.userId} = ${pushSubscriptions.userId} and ${memberships.status} = 'active')`)
      .returning({ id: pushSubscriptions.id });
    return removed.length;
  }

  async prefsOf(userId: string): Promise<{ prefs: NotifyPrefs; email: string; displayName: string } | undefined> {
    const [u] = await this.db.select({ prefs: users.notifyPrefs, email: users.email, displayName: users.displayName }).from(users).where(eq(users.id, userId));
    return u;
  }

  async savePrefs(userId: string, patch: Partial<NotifyPrefs>): Promise<NotifyPrefs> {
    const current = await this.prefsOf(userId);
    const prefs = { ...current?.prefs, ...patch };
    await this.db.update(users).set({ notifyPrefs: prefs }).where(eq(users.id, userId));
    return prefs;
  }

  /** Requests that wait unclaimed (the volunteers' board and the staff queue), at least `minAgeSec` old, at most a day. */
  async waiting(minAgeSec: number, now: Date): Promise<WaitingRequest[]> {
    return this.db
      .select({
        id: conversations.id,
        siteId: conversations.siteId,
        question: conversations.question,
        staffAt: conversations.staffAt,
        createdAt: conversations.createdAt,
      })
      .from(conversations)
      .where(
        and(
          eq(conversations.status, 'waiting'),
          isNull(conversations.erasedAt),
          lt(conversations.createdAt, new Date(now.getTime() - minAgeSec * 1000)),
          gt(conversations.createdAt, new Date(now.getTime() - 24 * 3600_000)),
        ),
      )
      .orderBy(conversations.createdAt)
      .limit(200);
  }

  /** Active members of the sites who could be called: with a device, or asking for the waiting email. */
  async callees(siteIds: string[], userIds?: string[]): Promise<Callee[]> {
    if (siteIds.length === 0) return [];
    const rows = await this.db
      .select({
        userId: users.id,
        siteId: memberships.siteId,
        email: users.email,
        displayName: users.displayName,
        role: memberships.role,
        settings: sites.settings,
        twoFactorAt: twoFactor.enabledAt,
        presence: users.presenceStatus,
        prefs: users.notifyPrefs,
        locale: users.locale,
        devices: sql<number>`(select count(*)::int from ${pushSubscriptions} where ${pushSubscriptions.userId} = ${users.id})`,
      })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .innerJoin(sites, eq(sites.id, memberships.siteId))
      .leftJoin(twoFactor, eq(twoFactor.userId, users.id))
      .where(and(inArray(memberships.siteId, siteIds), eq(memberships.status, 'active'), userIds ? inArray(users.id, userIds) : undefined));
    return rows
      .filter((r) => r.devices > 0 || r.prefs.waitingEmail === true)
      .map((r) => {
        const settings: SiteSettings = r.settings;
        const downgraded = r.role !== 'helper' && settings.twoFactorForManagers === true && !r.twoFactorAt;
        return {
          userId: r.userId,
          siteId: r.siteId,
          email: r.email,
          displayName: r.displayName,
          role: downgraded ? 'helper' : r.role,
          away: r.presence === 'away',
          prefs: r.prefs,
          devices: r.devices,
          locale: recipientLocale(r.locale, settings.defaultLocale),
        };
      });
  }

  /** Which of these requests each person was already called about (`userId|conversationId`). */
  async alreadyCalled(conversationIds: string[]): Promise<Set<string>> {
    if (conversationIds.length === 0) return new Set();
    const rows = await this.db
      .select({ userId: pushSends.userId, conversationId: pushSends.conversationId })
      .from(pushSends)
      .where(and(inArray(pushSends.conversationId, conversationIds), eq(pushSends.kind, 'waiting')));
    return new Set(rows.map((r) => `${r.userId}|${r.conversationId}`));
  }

  /** When each person's pushes went out since `since`. */
  async recentPushes(userIds: string[], since: Date): Promise<Map<string, Date[]>> {
    const out = new Map<string, Date[]>();
    if (userIds.length === 0) return out;
    const rows = await this.db
      .select({ userId: pushSends.userId, sentAt: pushSends.sentAt })
      .from(pushSends)
      .where(and(inArray(pushSends.userId, userIds), eq(pushSends.channel, 'push'), gte(pushSends.sentAt, since)));
    for (const r of rows) out.set(r.userId, [...(out.get(r.userId) ?? []), r.sentAt]);
    return out;
  }

  /**
   * Claims a call once across nodes: the unique index on (person, request, kind) lets one insert
   * win; the loser gets nothing back and sends nothing.
   */
  async claimSend(input: {
    userId: string;
    siteId: string;
    kind: 'waiting' | 'handoff' | 'mention' | 'test';
    channel: 'push' | 'email';
    conversationId: string | null;
  }): Promise<boolean> {
    const rows = await this.db
      .insert(pushSends)
      .values(input)
      .onConflictDoNothing({
        target: [pushSends.userId, pushSends.conversationId, pushSends.kind],
        where: sql`${pushSends.conversationId} is not null`,
      })
      .returning({ id: pushSends.id });
    return rows.length === 1;
  }

  /**
   * The "visitors are waiting" email, at most one per `everyHours` per person: under a lock held
   * for the person (every node may try at once), the last one is read and the new one written.
   */
  async claimWaitingEmail(userId: string, siteId: string, conversationId: string, due: (last: Date | null) => boolean): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`tribu:waiting-email:${userId}`}))`);
      const [last] = await tx
        .select({ sentAt: pushSends.sentAt })
        .from(pushSends)
        .where(and(eq(pushSends.userId, userId), eq(pushSends.channel, 'email')))
        .orderBy(desc(pushSends.sentAt))
        .limit(1);
      if (!due(last?.sentAt ?? null)) return false;
      const rows = await tx
        .insert(pushSends)
        .values({ userId, siteId, kind: 'waiting', channel: 'email', conversationId })
        .onConflictDoNothing({
          target: [pushSends.userId, pushSends.conversationId, pushSends.kind],
          where: sql`${pushSends.conversationId} is not null`,
        })
        .returning({ id: pushSends.id });
      return rows.length === 1;
    });
  }

  /**
   * Numbers: requests of the period (by arrival) that someone was called about by push, how many of
   * them were answered after the first push, and how many by a person who was called.
   */
  async stats(siteId: string, from: Date, to: Date): Promise<{ pushed: number; answeredAfterPush: number; answeredByCalled: number }> {
    const [r] = await this.db
      .select({
        pushed: sql<number>`count(*)::int`,
        answeredAfterPush: sql<number>`count(*) filter (where ${conversations.firstResponseAt} is not null and ${conversations.claimedAt} >= p.first_push)::int`,
        answeredByCalled: sql<number>`count(*) filter (where ${conversations.firstResponseAt} is not null and ${conversations.claimedAt} >= p.first_push and p.called @> array[${conversations.helperId}])::int`,
      })
      .from(conversations)
      .innerJoin(
        sql`(select ${pushSends.conversationId} as conversation_id, min(${pushSends.sentAt}) as first_push, array_agg(${pushSends.userId}) as called
             from ${pushSends} where ${pushSends.channel} = 'push' and ${pushSends.kind} in ('waiting', 'handoff') and ${pushSends.siteId} = ${siteId}
             group by ${pushSends.conversationId}) p`,
        sql`p.conversation_id = ${conversations.id}`,
      )
      .where(and(eq(conversations.siteId, siteId), gte(conversations.createdAt, from), lt(conversations.createdAt, to), isNotNull(conversations.id)));
    return { pushed: r?.pushed ?? 0, answeredAfterPush: r?.answeredAfterPush ?? 0, answeredByCalled: r?.answeredByCalled ?? 0 };
  }
}
