import { and, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { digestRecipients, digests, type Db } from '@tribu/db';
import type { DigestContent, DigestSection } from '@tribu/protocol';
import type { DigestEventFact, DigestMissionFact, NewcomerFact, RatedChatFact, Standing } from '@tribu/domain';
import { observableIn } from '../access.sql.ts';
import type { Bounds } from '../kpi/kpi.repository.ts';

export type DigestRow = typeof digests.$inferSelect;
export type RecipientCounts = { total: number; sent: number; failed: number; skipped: number };

const rowsOf = <T>(r: unknown) => (r as { rows: T[] }).rows;
/** A claim older than this belongs to a node that died (or a mail server that hung): another node takes it over. */
export const CLAIM_LEASE_SEC = 300;
/** Mails claimed at once by a node. */
const BATCH = 20;
/** Tries per mail before it is marked failed. */
export const MAX_ATTEMPTS = 3;

/** Digests, their recipients, and the facts of a period the content is chosen from. */
export class DigestRepository {
  constructor(private readonly db: Db) {}

  private async rows<T>(query: SQL): Promise<T[]> {
    return rowsOf<T>(await this.db.execute(query));
  }

  /** Sites whose digest is not off, with what the schedule needs (the settings' other keys are not read). */
  async scheduledSites(): Promise<{ id: string; name: string; frequency: string | null; timeZone: string | null; createdAt: Date }[]> {
    const rows = await this.rows<{ id: string; name: string; frequency: string | null; timeZone: string | null; createdAt: Date | string }>(sql`
      select id, name, settings->>'digestFrequency' as frequency, settings->>'timeZone' as "timeZone", created_at as "createdAt"
      from sites where coalesce(settings->>'digestFrequency', 'fortnightly') <> 'off'`);
    return rows.map((r) => ({ ...r, createdAt: new Date(r.createdAt) }));
  }

  /** The draft of a site and period, made once whatever the nodes (unique index); true when this call made it. */
  async insertDraft(siteId: string, period: { from: string; to: string }, subject: string): Promise<boolean> {
    const made = await this.db
      .insert(digests)
      .values({ siteId, periodFrom: period.from, periodTo: period.to, subject })
      .onConflictDoNothing()
      .returning({ id: digests.id });
    return made.length === 1;
  }

  async byPeriod(siteId: string, period: { from: string; to: string }): Promise<DigestRow | undefined> {
    return (
      await this.db
        .select()
        .from(digests)
        .where(and(eq(digests.siteId, siteId), eq(digests.periodFrom, period.from), eq(digests.periodTo, period.to)))
    )[0];
  }

  async byId(id: string): Promise<DigestRow | undefined> {
    return (await this.db.select().from(digests).where(eq(digests.id, id)))[0];
  }

  async ofSite(siteId: string): Promise<DigestRow[]> {
    return this.db.select().from(digests).where(eq(digests.siteId, siteId)).orderBy(desc(digests.periodFrom), desc(digests.createdAt)).limit(200);
  }

  async counts(ids: string[]): Promise<Map<string, RecipientCounts>> {
    if (!ids.length) return new Map();
    const rows = await this.db
      .select({ id: digestRecipients.digestId, status: digestRecipients.status, n: sql<number>`count(*)::int` })
      .from(digestRecipients)
      .where(inArray(digestRecipients.digestId, ids))
      .groupBy(digestRecipients.digestId, digestRecipients.status);
    const out = new Map<string, RecipientCounts>();
    for (const r of rows) {
      const c = out.get(r.id) ?? { total: 0, sent: 0, failed: 0, skipped: 0 };
      c.total += r.n;
      if (r.status !== 'pending') c[r.status] += r.n;
      out.set(r.id, c);
    }
    return out;
  }

  /** A draft's words; nothing once it is sending. */
  async updateDraft(id: string, set: { subject?: string; note?: string; hiddenSections?: DigestSection[] }): Promise<DigestRow | undefined> {
    const [row] = await this.db
      .update(digests)
      .set({ ...set, updatedAt: new Date() })
      .where(and(eq(digests.id, id), eq(digests.status, 'draft')))
      .returning();
    return row;
  }

  /**
   * Starts sending, once: the draft becomes `sending` with its content and mail frozen, and one row per
   * active member who has not turned the digest off is written, in one transaction. Undefined when
   * another request (on any node) started it first.
   */
  async startSending(id: string, frozen: { content: DigestContent; html: string; text: string; sentById: string }): Promise<DigestRow | undefined> {
    return this.db.transaction(async (tx) => {
      const [row] = await tx
        .update(digests)
        .set({ status: 'sending', ...frozen, sendingAt: new Date(), updatedAt: new Date() })
        .where(and(eq(digests.id, id), eq(digests.status, 'draft')))
        .returning();
      if (!row) return undefined;
      await tx.execute(sql`
        insert into digest_recipients (digest_id, user_id, email)
        select ${row.id}, u.id, u.email from memberships m join users u on u.id = m.user_id
        where m.site_id = ${row.siteId} and m.status = 'active' and coalesce(u.notify_prefs->>'digest', 'true') <> 'false'
        on conflict do nothing`);
      return row;
    });
  }

  /** Members a digest would go to now (active, not opted out). */
  async audience(siteId: string): Promise<number> {
    const [r] = await this.rows<{ n: number }>(sql`
      select count(*)::int as n from memberships m join users u on u.id = m.user_id
      where m.site_id = ${siteId} and m.status = 'active' and coalesce(u.notify_prefs->>'digest', 'true') <> 'false'`);
    return r?.n ?? 0;
  }

  /** Digests whose sending started and is not finished (a node resumes them). */
  async sendingIds(): Promise<string[]> {
    return (await this.db.select({ id: digests.id }).from(digests).where(eq(digests.status, 'sending'))).map((r) => r.id);
  }

  /**
   * Claims a few mails of the digest for this node: pending, never claimed or claimed longer ago than
   * the lease, skipping rows another node holds right now. Each row is in one node's hands at a time.
   */
  async claim(digestId: string, node: string): Promise<{ userId: string; email: string; wantsDigest: boolean; active: boolean }[]> {
    return this.rows(sql`
      with picked as (
        select r.digest_id, r.user_id from digest_recipients r
        where r.digest_id = ${digestId} and r.status = 'pending'
          and (r.claimed_at is null or r.claimed_at < now() - make_interval(secs => ${CLAIM_LEASE_SEC}))
        order by r.user_id limit ${BATCH}
        for update skip locked)
      update digest_recipients r set claimed_at = now(), claimed_by = ${node}, attempts = r.attempts + 1
      from picked, digests d, users u
      where r.digest_id = picked.digest_id and r.user_id = picked.user_id and d.id = r.digest_id and u.id = r.user_id
      returning r.user_id as "userId", r.email,
        coalesce(u.notify_prefs->>'digest', 'true') <> 'false' as "wantsDigest",
        exists (select 1 from memberships m where m.site_id = d.site_id and m.user_id = r.user_id and m.status = 'active') as active`);
  }

  /** What became of one claimed mail; only the node holding the claim may say so. */
  async settle(digestId: string, userId: string, node: string, status: 'sent' | 'skipped' | 'retry'): Promise<void> {
    const set =
      status === 'retry'
        ? sql`status = case when attempts >= ${MAX_ATTEMPTS} then 'failed' else 'pending' end`
        : sql`status = ${status}, sent_at = case when ${status} = 'sent' then now() else null end`;
    await this.db.execute(sql`update digest_recipients set ${set} where digest_id = ${digestId} and user_id = ${userId} and claimed_by = ${node}`);
  }

  /** Marks the digest sent once no mail is left pending; true when this call did. */
  async finishIfDone(digestId: string): Promise<boolean> {
    const rows = await this.rows<{ id: string }>(sql`
      update digests set status = 'sent', sent_at = now(), updated_at = now()
      where id = ${digestId} and status = 'sending'
        and not exists (select 1 from digest_recipients r where r.digest_id = ${digestId} and r.status = 'pending')
      returning id`);
    return rows.length === 1;
  }

  // ---------- the facts of a period ----------

  async newcomers(siteId: string, b: Bounds): Promise<NewcomerFact[]> {
    const rows = await this.rows<{ name: string; joinedAt: Date | string }>(sql`
      select u.display_name as name, m.created_at as "joinedAt" from memberships m join users u on u.id = m.user_id
      where m.site_id = ${siteId} and m.status = 'active' and m.created_at >= ${b.start} and m.created_at < ${b.end}`);
    return rows.map((r) => ({ name: r.name, joinedAt: new Date(r.joinedAt) }));
  }

  /**
   * Chats rated 4–5 that ended in the period, among those every member may watch (Observe's rule:
   * nothing reported, flagged, set aside, banned, erased or sent to staff), with the helper's longest answer.
   */
  async ratedChats(siteId: string, b: Bounds): Promise<RatedChatFact[]> {
    const rows = await this.rows<{
      helperId: string;
      helperName: string;
      consents: boolean;
      rating: number;
      question: string;
      answer: string | null;
      closedAt: Date | string;
    }>(sql`
      select c.helper_id as "helperId", u.display_name as "helperName", coalesce(u.notify_prefs->>'nameInDigest', 'false') = 'true' as consents,
        c.rating, c.question, c.closed_at as "closedAt",
        (select m.text from messages m where m.conversation_id = c.id and m.author_kind = 'helper' and m.author_id = c.helper_id and not m.flagged
          order by length(m.text) desc, m.seq limit 1) as answer
      from conversations c join users u on u.id = c.helper_id
      where c.rating >= 4 and c.closed_at >= ${b.start} and c.closed_at < ${b.end}
        and c.id in (select conversations.id from conversations where ${observableIn(siteId)})
      order by c.rating desc, c.closed_at desc limit 50`);
    return rows.map((r) => ({
      helperId: r.helperId,
      helperName: r.helperName,
      helperConsents: r.consents,
      rating: r.rating,
      question: r.question,
      answer: r.answer ?? '',
      closedAt: new Date(r.closedAt),
    }));
  }

  /** All-time standings as they were at `until` (the leaderboard's sums: redemptions and refunds aside). */
  async standingsAt(siteId: string, until: Date): Promise<Standing[]> {
    const rows = await this.rows<{ helperId: string; points: number; reachedAt: Date | string }>(sql`
      select l.user_id as "helperId", sum(l.points)::int as points, max(l.created_at) as "reachedAt" from points_ledger l
      where l.site_id = ${siteId} and l.created_at < ${until} and l.reason not in ('redeem', 'refund')
      group by l.user_id`);
    return rows.map((r) => ({ helperId: r.helperId, points: r.points, reachedAt: new Date(r.reachedAt) }));
  }

  /** Names of the site's active members (people who left are not named). */
  async memberNames(siteId: string): Promise<Map<string, string>> {
    const rows = await this.rows<{ id: string; name: string }>(sql`
      select u.id, u.display_name as name from memberships m join users u on u.id = m.user_id where m.site_id = ${siteId} and m.status = 'active'`);
    return new Map(rows.map((r) => [r.id, r.name]));
  }

  /** Missions not over before the period began, with who joined and who completed them in it. */
  async missions(siteId: string, b: Bounds): Promise<DigestMissionFact[]> {
    const rows = await this.rows<{
      title: string;
      why: string;
      startsAt: Date | string;
      endsAt: Date | string;
      closedAt: Date | string | null;
      joined: number;
      completions: number;
    }>(sql`
      select m.title, m.why, m.starts_at as "startsAt", m.ends_at as "endsAt", m.closed_at as "closedAt",
        (select count(*)::int from mission_participants p where p.mission_id = m.id and p.state = 'joined') as joined,
        (select count(*)::int from mission_participants p where p.mission_id = m.id and p.completed_at >= ${b.start} and p.completed_at < ${b.end}) as completions
      from missions m where m.site_id = ${siteId} and m.ends_at >= ${b.start}
      order by m.ends_at limit 100`);
    return rows.map((r) => ({
      ...r,
      startsAt: new Date(r.startsAt),
      endsAt: new Date(r.endsAt),
      closedAt: r.closedAt === null ? null : new Date(r.closedAt),
    }));
  }

  /** The site's events still to come (the events module's table). */
  async events(siteId: string, now: Date): Promise<DigestEventFact[]> {
    const rows = await this.rows<{
      title: string;
      startsAt: Date | string;
      place: string;
      link: string;
      audience: DigestEventFact['audience'];
      cancelledAt: Date | string | null;
    }>(sql`
      select e.title, e.starts_at as "startsAt", e.place, e.link, e.audience, e.cancelled_at as "cancelledAt"
      from events e where e.site_id = ${siteId} and e.starts_at > ${now} and e.cancelled_at is null
      order by e.starts_at limit 50`);
    return rows.map((r) => ({ ...r, startsAt: new Date(r.startsAt), cancelledAt: r.cancelledAt === null ? null : new Date(r.cancelledAt) }));
  }
}
