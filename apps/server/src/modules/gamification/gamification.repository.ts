import { and, desc, eq, gte, sql } from 'drizzle-orm';
import { badgeAwards, pointsLedger, users, type Db } from '@tribu/db';
import type { Award, ChatFacts, HelperStats } from '@tribu/domain';

export interface ChatRow {
  id: string;
  siteId: string;
  helperId: string | null;
  visitorId: string;
  createdAt: Date;
  firstResponseAt: Date | null;
  closedAt: Date | null;
  rating: number | null;
  staffFlaggedBy: string | null;
  replied: boolean;
  /** A manager marked it abusive or out of scope. */
  excludedByManager: boolean;
}

/** What scoring needs of a chat. Sent to staff or set aside by a manager: it earns nothing. */
export function toFacts(chat: ChatRow): ChatFacts {
  return {
    conversationId: chat.id,
    askedAt: chat.createdAt,
    firstAnswerAt: chat.firstResponseAt,
    closedAt: chat.closedAt!,
    visitorRepliedAfterAnswer: chat.replied,
    rating: chat.rating,
    excluded: chat.staffFlaggedBy !== null || chat.excludedByManager,
  };
}

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
const rowsOf = <T>(r: unknown) => (r as { rows: T[] }).rows;

/** Ledger and badge storage; every write is insert-once by key. */
export class GamificationRepository {
  constructor(private readonly db: Db) {}

  async chat(conversationId: string): Promise<ChatRow | undefined> {
    return (await this.chats(sql`c.id = ${conversationId}`))[0];
  }

  /** Closed chats with a helper, between two moments (for previews of new rules). */
  async closedBetween(siteId: string, from: Date, to: Date): Promise<ChatRow[]> {
    return this.chats(
      sql`c.site_id = ${siteId} and c.status = 'closed' and c.helper_id is not null and c.closed_at >= ${from} and c.closed_at < ${to} order by c.closed_at`,
    );
  }

  private async chats(where: ReturnType<typeof sql>): Promise<ChatRow[]> {
    const r = await this.db.execute(sql`
      select c.id, c.site_id as "siteId", c.helper_id as "helperId", c.visitor_id as "visitorId",
        c.created_at as "createdAt", c.first_response_at as "firstResponseAt", c.closed_at as "closedAt",
        c.rating, c.staff_flagged_by as "staffFlaggedBy",
        exists (select 1 from messages m where m.conversation_id = c.id and m.author_kind = 'visitor'
                and c.first_response_at is not null and m.created_at > c.first_response_at) as replied,
        exists (select 1 from points_ledger x where x.site_id = c.site_id and x.idempotency_key = 'exclude:' || c.id) as "excludedByManager"
      from conversations c where ${where}`);
    type Raw = ChatRow & { createdAt: Date | string; firstResponseAt: Date | string | null; closedAt: Date | string | null };
    const d = (v: Date | string | null) => (v === null ? null : new Date(v));
    return rowsOf<Raw>(r).map((row) => ({ ...row, createdAt: new Date(row.createdAt), firstResponseAt: d(row.firstResponseAt), closedAt: d(row.closedAt) }));
  }

  /**
   * Revokes what a chat earned, once: one negative row per helper who got points for it, keyed
   * `exclude:<conversation>` (the mark itself). Returns the points taken back.
   */
  async exclude(siteId: string, conversationId: string, note: string, actorId: string): Promise<{ userId: string; points: number } | null> {
    return this.db.transaction(async (tx) => {
      const r = await tx.execute(sql`
        select user_id as "userId", coalesce(sum(points), 0)::int as points from points_ledger
        where site_id = ${siteId} and conversation_id = ${conversationId} and points > 0 and reason in ('chat', 'good_rating', 'fast_answer')
        group by user_id`);
      const earned = rowsOf<{ userId: string; points: number }>(r)[0];
      const [row] = await tx
        .insert(pointsLedger)
        .values({
          siteId,
          userId: earned?.userId ?? actorId,
          points: -(earned?.points ?? 0),
          reason: 'revoke',
          conversationId,
          note,
          actorId,
          idempotencyKey: `exclude:${conversationId}`,
        })
        .onConflictDoNothing()
        .returning();
      return row && earned ? { userId: earned.userId, points: earned.points } : null;
    });
  }

  /** Chats that earned points since `since`, newest first, with what they earned and whether a manager excluded them. */
  async scoredSince(siteId: string, since: Date) {
    const r = await this.db.execute(sql`
      select c.id as "conversationId", c.question, c.rating, c.closed_at as "closedAt",
             u.id as "helperId", u.display_name as "helperName",
             coalesce(sum(l.points) filter (where l.points > 0), 0)::int as points,
             bool_or(l.idempotency_key = 'exclude:' || c.id) as excluded
      from points_ledger l join conversations c on c.id = l.conversation_id
      left join users u on u.id = c.helper_id
      where l.site_id = ${siteId} and c.closed_at >= ${since}
      group by c.id, u.id order by c.closed_at desc limit 100`);
    return rowsOf<{
      conversationId: string;
      question: string;
      rating: number | null;
      closedAt: Date | string;
      helperId: string | null;
      helperName: string | null;
      points: number;
      excluded: boolean;
    }>(r);
  }

  /** Writes one manual grant or revocation; the key (from the client) makes a retry write once. */
  async adjust(input: { siteId: string; userId: string; points: number; note: string; actorId: string; key: string }) {
    const [row] = await this.db
      .insert(pointsLedger)
      .values({
        siteId: input.siteId,
        userId: input.userId,
        points: input.points,
        reason: input.points > 0 ? 'grant' : 'revoke',
        note: input.note,
        actorId: input.actorId,
        idempotencyKey: input.key,
      })
      .onConflictDoNothing()
      .returning();
    if (row) return row;
    const [existing] = await this.db
      .select()
      .from(pointsLedger)
      .where(and(eq(pointsLedger.siteId, input.siteId), eq(pointsLedger.idempotencyKey, input.key)));
    return existing!;
  }

  /** Every ledger row of a site, oldest first, with who it concerns (CSV export). */
  async ledgerOf(siteId: string) {
    const r = await this.db.execute(sql`
      select l.created_at as "createdAt", u.display_name as "member", l.points, l.reason, l.note,
             l.conversation_id as "conversationId", a.display_name as "by"
      from points_ledger l left join users u on u.id = l.user_id left join users a on a.id = l.actor_id
      where l.site_id = ${siteId} order by l.created_at, l.id`);
    return rowsOf<{
      createdAt: Date | string;
      member: string | null;
      points: number;
      reason: string;
      note: string | null;
      conversationId: string | null;
      by: string | null;
    }>(r);
  }

  /**
   * Writes the awards of one chat under a lock on (helper, visitor), so the daily cap per visitor
   * holds even when two nodes score two chats of the same visitor at once. Returns the rows written now.
   */
  async award(chat: ChatRow & { helperId: string }, compute: (alreadyFromVisitorToday: number) => Award[], timeZone: string): Promise<Award[]> {
    return this.db.transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`${chat.helperId}:${chat.visitorId}`}, 1))`);
      const already = await this.fromVisitorToday(tx, chat, timeZone);
      const written: Award[] = [];
      for (const a of compute(already)) {
        const [row] = await tx
          .insert(pointsLedger)
          .values({ siteId: chat.siteId, userId: chat.helperId, points: a.points, reason: a.reason, conversationId: chat.id, idempotencyKey: a.key })
          .onConflictDoNothing()
          .returning({ id: pointsLedger.id });
        if (row) written.push(a);
      }
      return written;
    });
  }

  private async fromVisitorToday(tx: Tx, chat: ChatRow & { helperId: string }, timeZone: string): Promise<number> {
    const r = await tx.execute(sql`
      select coalesce(sum(l.points), 0)::int as n from points_ledger l join conversations c on c.id = l.conversation_id
      where l.site_id = ${chat.siteId} and l.user_id = ${chat.helperId} and c.visitor_id = ${chat.visitorId}
        and l.conversation_id <> ${chat.id} and l.points > 0
        and (l.created_at at time zone ${timeZone})::date = (now() at time zone ${timeZone})::date`);
    return rowsOf<{ n: number }>(r)[0]?.n ?? 0;
  }

  async stats(siteId: string, userId: string, timeZone: string): Promise<HelperStats> {
    const r = await this.db.execute(sql`
      with answered as (
        select c.* from conversations c join points_ledger l on l.conversation_id = c.id and l.reason = 'chat'
        where l.site_id = ${siteId} and l.user_id = ${userId}
          and not exists (select 1 from points_ledger x where x.site_id = l.site_id and x.idempotency_key = 'exclude:' || c.id))
      select
        (select count(*)::int from answered) as "answeredChats",
        (select count(*)::int from answered where rating = 5) as "fiveStarRatings",
        (select count(*)::int from answered a join points_ledger f on f.conversation_id = a.id and f.reason = 'fast_answer') as "fastAnswers",
        (select count(*)::int from answered where extract(hour from first_response_at at time zone ${timeZone}) >= 22
           or extract(hour from first_response_at at time zone ${timeZone}) < 6) as "nightChats",
        (select count(distinct split_part(locale, '-', 1))::int from answered where locale is not null) as "languages",
        (select coalesce(sum(like_count), 0)::int from feed_posts where site_id = ${siteId} and author_id = ${userId}
           and moderation is null) as "likedPosts"`);
    const row = rowsOf<Omit<HelperStats, 'mentoredNewcomers'>>(r)[0]!;
    // Mentoring needs the newcomer onboarding of the community-management issue; counted as 0 until then.
    return { ...row, mentoredNewcomers: 0 };
  }

  async earnedBadges(siteId: string, userId: string): Promise<Map<string, Date>> {
    const rows = await this.db
      .select({ key: badgeAwards.badgeKey, at: badgeAwards.awardedAt })
      .from(badgeAwards)
      .where(and(eq(badgeAwards.siteId, siteId), eq(badgeAwards.userId, userId)));
    return new Map(rows.map((r) => [r.key, r.at]));
  }

  /** Inserts the badge once; true when this call awarded it. */
  async awardBadge(siteId: string, userId: string, badgeKey: string): Promise<boolean> {
    const rows = await this.db.insert(badgeAwards).values({ siteId, userId, badgeKey }).onConflictDoNothing().returning();
    return rows.length > 0;
  }

  async totals(siteId: string, userId: string): Promise<{ balance: number; lifetime: number }> {
    const r = await this.db.execute(sql`
      select coalesce(sum(points), 0)::int as balance,
             coalesce(sum(points) filter (where reason not in ('redeem', 'refund')), 0)::int as lifetime
      from points_ledger where site_id = ${siteId} and user_id = ${userId}`);
    return rowsOf<{ balance: number; lifetime: number }>(r)[0] ?? { balance: 0, lifetime: 0 };
  }

  async history(siteId: string, userId: string, limit = 50) {
    const rows = await this.db
      .select({ l: pointsLedger, by: users.displayName })
      .from(pointsLedger)
      .leftJoin(users, eq(users.id, pointsLedger.actorId))
      .where(and(eq(pointsLedger.siteId, siteId), eq(pointsLedger.userId, userId)))
      .orderBy(desc(pointsLedger.createdAt))
      .limit(limit);
    return rows.map((r) => ({ ...r.l, by: r.by }));
  }

  /** Points per member of the site since `since` (all time when null), with when they reached them. */
  async standings(siteId: string, since: Date | null) {
    const rows = await this.db
      .select({
        userId: pointsLedger.userId,
        points: sql<number>`sum(${pointsLedger.points})::int`,
        reachedAt: sql<string>`max(${pointsLedger.createdAt})`,
      })
      .from(pointsLedger)
      .where(
        and(eq(pointsLedger.siteId, siteId), since ? gte(pointsLedger.createdAt, since) : undefined, sql`${pointsLedger.reason} not in ('redeem', 'refund')`),
      )
      .groupBy(pointsLedger.userId);
    return rows.map((r) => ({ helperId: r.userId, points: r.points, reachedAt: new Date(r.reachedAt) }));
  }
}
