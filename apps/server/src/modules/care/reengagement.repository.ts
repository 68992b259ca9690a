import { and, eq, sql } from 'drizzle-orm';
import { reengagementNotes, reengagementOptOuts, sites, type Db, type SiteSettings } from '@tribu/db';
import type { SiteChanges } from '@tribu/domain';

const rowsOf = <T>(r: unknown) => (r as { rows: T[] }).rows;

/** A helper away long enough to be considered for a note (the domain rule decides). */
export interface Candidate {
  userId: string;
  name: string;
  email: string;
  /** Their language choice (null: the site's default words Tribu's parts of the note). */
  locale: string | null;
  lastActiveAt: Date;
  lastNoteAt: Date | null;
}

/** Queries of the "we miss you" note: who is away, what changed, the claim, who came back. */
export class ReengagementRepository {
  constructor(private readonly db: Db) {}

  /** Sites that send notes. */
  async sitesOn(): Promise<{ id: string }[]> {
    return this.db
      .select({ id: sites.id })
      .from(sites)
      .where(sql`(${sites.settings}->'reengagement'->>'enabled') = 'true'`);
  }

  /**
   * Active helpers of the site away at least `days`, not opted out: last activity is the latest of
   * a minute online, a first answer, and joining. Their last note (claimed or sent) comes along.
   */
  async candidates(siteId: string, days: number, now: Date): Promise<Candidate[]> {
    const rows = rowsOf<{ userId: string; name: string; email: string; locale: string | null; lastActiveAt: Date | string; lastNoteAt: Date | string | null }>(
      await this.db.execute(sql`
        with active as (
          select m.user_id, greatest(
              m.created_at,
              (select max(o.minute) from online_minutes o where o.site_id = m.site_id and o.user_id = m.user_id),
              (select max(c.first_response_at) from conversations c where c.site_id = m.site_id and c.helper_id = m.user_id)
            ) as last_active
          from memberships m
          where m.site_id = ${siteId} and m.role = 'helper' and m.status = 'active'
            and not exists (select 1 from reengagement_opt_outs x where x.site_id = m.site_id and x.user_id = m.user_id))
        select a.user_id as "userId", u.display_name as name, u.email, u.locale, a.last_active as "lastActiveAt",
          (select max(n.claimed_at) from reengagement_notes n where n.site_id = ${siteId} and n.user_id = a.user_id) as "lastNoteAt"
        from active a join users u on u.id = a.user_id
        where a.last_active <= ${now}::timestamptz - make_interval(days => ${days})`),
    );
    return rows.map((r) => ({ ...r, lastActiveAt: new Date(r.lastActiveAt), lastNoteAt: r.lastNoteAt === null ? null : new Date(r.lastNoteAt) }));
  }

  /** The claim: only the node whose insert wins sends the note for this spell of absence. */
  async claim(siteId: string, userId: string, inactiveSince: Date): Promise<string | null> {
    const [row] = await this.db
      .insert(reengagementNotes)
      .values({ siteId, userId, inactiveSince })
      .onConflictDoNothing()
      .returning({ id: reengagementNotes.id });
    return row?.id ?? null;
  }

  async sent(id: string): Promise<void> {
    await this.db.update(reengagementNotes).set({ sentAt: new Date() }).where(eq(reengagementNotes.id, id));
  }

  /** A claim whose mail did not leave: dropped, so a later sweep tries again. */
  async release(id: string): Promise<void> {
    await this.db.delete(reengagementNotes).where(eq(reengagementNotes.id, id));
  }

  /** New missions, upcoming events, new rewards and announcements since a moment (titles, newest first). */
  async changesSince(siteId: string, since: Date, now: Date): Promise<SiteChanges> {
    const titles = async (q: ReturnType<typeof sql>) => rowsOf<{ t: string }>(await this.db.execute(q)).map((r) => r.t);
    const [missions, events, rewards, announcements] = await Promise.all([
      titles(sql`select title as t from missions where site_id = ${siteId} and created_at > ${since} and closed_at is null and ends_at > ${now}
                 order by created_at desc limit 20`),
      titles(sql`select title as t from events where site_id = ${siteId} and created_at > ${since} and cancelled_at is null and starts_at > ${now}
                 order by starts_at limit 20`),
      titles(sql`select name as t from rewards where site_id = ${siteId} and created_at > ${since} and active order by created_at desc limit 20`),
      titles(sql`select left(split_part(text, E'\n', 1), 60) as t from feed_posts
                 where site_id = ${siteId} and kind = 'announcement' and created_at > ${since} and moderation is null
                 order by created_at desc limit 20`),
    ]);
    return { missions, events, rewards, announcements };
  }

  async optedOut(siteId: string, userId: string): Promise<boolean> {
    const [row] = await this.db
      .select({ userId: reengagementOptOuts.userId })
      .from(reengagementOptOuts)
      .where(and(eq(reengagementOptOuts.siteId, siteId), eq(reengagementOptOuts.userId, userId)));
    return row !== undefined;
  }

  async setOptedOut(siteId: string, userId: string, optedOut: boolean): Promise<void> {
    if (optedOut) await this.db.insert(reengagementOptOuts).values({ siteId, userId }).onConflictDoNothing();
    else await this.db.delete(reengagementOptOuts).where(and(eq(reengagementOptOuts.siteId, siteId), eq(reengagementOptOuts.userId, userId)));
  }

  async writeSettings(siteId: string, value: NonNullable<SiteSettings['reengagement']>): Promise<void> {
    await this.db
      .update(sites)
      .set({ settings: sql`${sites.settings} || ${JSON.stringify({ reengagement: value })}::jsonb` })
      .where(eq(sites.id, siteId));
  }

  /** Notes sent in a period, each with the helper's first minute online after it. */
  async notesIn(siteId: string, start: Date, end: Date): Promise<{ userId: string; name: string; sentAt: Date; firstBack: Date | null }[]> {
    const rows = rowsOf<{ userId: string; name: string; sentAt: Date | string; firstBack: Date | string | null }>(
      await this.db.execute(sql`
        select n.user_id as "userId", u.display_name as name, n.sent_at as "sentAt",
          (select min(o.minute) from online_minutes o where o.site_id = n.site_id and o.user_id = n.user_id and o.minute > n.sent_at) as "firstBack"
        from reengagement_notes n join users u on u.id = n.user_id
        where n.site_id = ${siteId} and n.sent_at >= ${start} and n.sent_at < ${end}
        order by n.sent_at desc, u.display_name`),
    );
    return rows.map((r) => ({ ...r, sentAt: new Date(r.sentAt), firstBack: r.firstBack === null ? null : new Date(r.firstBack) }));
  }
}
