import { and, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { notifications, sites, users, type Db } from '@tribu/db';
import type { Notification } from '@tribu/protocol';
import { recipientLocale } from '../../i18n/locale.ts';
import { translateNotification } from '../../i18n/notifications/index.ts';

type Row = typeof notifications.$inferSelect;

export interface NewNotification {
  userId: string;
  siteId: string;
  kind: Notification['kind'];
  actorId: string | null;
  text: string;
  link?: Notification['link'];
}

/** Stores notifications for one person and tells their tabs (any node) at once. */
export class NotificationService {
  constructor(
    private readonly db: Db,
    private readonly deliver: (userId: string, n: Notification) => void,
  ) {}

  /**
   * Stores and delivers one notification. Modules write its text in English; it is worded here, once, in the
   * recipient's language (their profile's choice, else the site's default), and kept so.
   */
  async notify(input: NewNotification): Promise<Notification> {
    const [who] = await this.db
      .select({ locale: users.locale, settings: sites.settings })
      .from(users)
      .leftJoin(sites, eq(sites.id, input.siteId))
      .where(eq(users.id, input.userId));
    const text = translateNotification(input.text, recipientLocale(who?.locale, who?.settings?.defaultLocale));
    const [row] = await this.db
      .insert(notifications)
      .values({ ...input, text, link: input.link ?? {} })
      .returning();
    if (!row) throw new Error('notification insert returned nothing');
    const [n] = await this.withActors([row]);
    this.deliver(input.userId, n!);
    return n!;
  }

  async list(userId: string, limit = 50): Promise<{ notifications: Notification[]; unread: number }> {
    const rows = await this.db.select().from(notifications).where(eq(notifications.userId, userId)).orderBy(desc(notifications.createdAt)).limit(limit);
    return { notifications: await this.withActors(rows), unread: await this.unread(userId) };
  }

  /** Marks the given notifications (or all) of this person read; others' ids are ignored. */
  async markRead(userId: string, ids: string[] | undefined): Promise<number> {
    await this.db
      .update(notifications)
      .set({ readAt: new Date() })
      .where(
        and(
          eq(notifications.userId, userId),
          isNull(notifications.readAt),
          ids ? inArray(notifications.id, ids.length ? ids : ['00000000-0000-0000-0000-000000000000']) : undefined,
        ),
      );
    return this.unread(userId);
  }

  private async unread(userId: string): Promise<number> {
    const [r] = await this.db
      .select({ n: sql<number>`count(*)::int` })
      .from(notifications)
      .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
    return r?.n ?? 0;
  }

  private async withActors(rows: Row[]): Promise<Notification[]> {
    const ids = [...new Set(rows.map((r) => r.actorId).filter((x): x is string => x !== null))];
    const actors = ids.length ? await this.db.select({ id: users.id, displayName: users.displayName }).from(users).where(inArray(users.id, ids)) : [];
    return rows.map((r) => ({
      id: r.id,
      siteId: r.siteId,
      kind: r.kind,
      text: r.text,
      actor: actors.find((a) => a.id === r.actorId) ?? null,
      link: r.link,
      read: r.readAt !== null,
      createdAt: r.createdAt.toISOString(),
    }));
  }
}
