import { and, asc, desc, eq, gt, inArray, isNull, or, sql } from 'drizzle-orm';
import { badgeAwards, missionEvidence, missionParticipants, missions, pointsLedger, users, type Db } from '@tribu/db';
import type { MissionFact } from '@tribu/domain';
import type { MissionGoal } from '@tribu/protocol';

export type MissionRow = typeof missions.$inferSelect;
export type ParticipantRow = typeof missionParticipants.$inferSelect;
export type EvidenceRow = typeof missionEvidence.$inferSelect & { displayName: string | null };

const rowsOf = <T>(r: unknown) => (r as { rows: T[] }).rows;
/** How long after its end a mission still takes late facts of its period (a rating given days later). */
const LATE_FACTS_MS = 7 * 86_400_000;

/** Missions, who answered them, their evidence, and the facts progress is counted from. */
export class MissionsRepository {
  constructor(private readonly db: Db) {}

  async mission(id: string): Promise<MissionRow | undefined> {
    return (await this.db.select().from(missions).where(eq(missions.id, id)))[0];
  }

  /** All of a site's missions, or those not yet over (not closed, end still ahead), soonest end first. */
  async ofSite(siteId: string, onlyOpen: boolean, now: Date): Promise<MissionRow[]> {
    return this.db
      .select()
      .from(missions)
      .where(and(eq(missions.siteId, siteId), onlyOpen ? and(isNull(missions.closedAt), gt(missions.endsAt, now)) : undefined))
      .orderBy(onlyOpen ? asc(missions.endsAt) : desc(missions.createdAt))
      .limit(200);
  }

  async insert(values: typeof missions.$inferInsert): Promise<MissionRow> {
    const [row] = await this.db.insert(missions).values(values).returning();
    return row!;
  }

  async update(id: string, values: Partial<typeof missions.$inferInsert>): Promise<MissionRow> {
    const [row] = await this.db.update(missions).set(values).where(eq(missions.id, id)).returning();
    return row!;
  }

  /** Closes it once (a second close keeps the first moment). */
  async close(id: string, at: Date): Promise<MissionRow> {
    await this.db
      .update(missions)
      .set({ closedAt: at })
      .where(and(eq(missions.id, id), isNull(missions.closedAt)));
    return (await this.mission(id))!;
  }

  async participants(missionIds: string[]): Promise<(ParticipantRow & { displayName: string })[]> {
    if (missionIds.length === 0) return [];
    const rows = await this.db
      .select({ p: missionParticipants, displayName: users.displayName })
      .from(missionParticipants)
      .innerJoin(users, eq(users.id, missionParticipants.userId))
      .where(inArray(missionParticipants.missionId, missionIds))
      .orderBy(desc(missionParticipants.progress), asc(missionParticipants.respondedAt));
    return rows.map((r) => ({ ...r.p, displayName: r.displayName }));
  }

  /** Joins or says "not for me"; a later change of mind is allowed (a completion stays). */
  async respond(missionId: string, userId: string, state: 'joined' | 'ignored'): Promise<void> {
    await this.db
      .insert(missionParticipants)
      .values({ missionId, userId, state })
      .onConflictDoUpdate({ target: [missionParticipants.missionId, missionParticipants.userId], set: { state, respondedAt: new Date() } });
  }

  /**
   * Missions of a site this helper joined that may still move: not completed (individual) or joined
   * at all (community), and not over for more than a week — a rating may come after the end for a
   * chat of the period (facts are still counted within the period only).
   */
  async joinedOpen(siteId: string, userId: string, now: Date): Promise<MissionRow[]> {
    const since = new Date(now.getTime() - LATE_FACTS_MS);
    const rows = await this.db
      .select({ m: missions })
      .from(missions)
      .innerJoin(missionParticipants, and(eq(missionParticipants.missionId, missions.id), eq(missionParticipants.userId, userId)))
      .where(
        and(
          eq(missions.siteId, siteId),
          eq(missionParticipants.state, 'joined'),
          or(isNull(missions.closedAt), gt(missions.closedAt, since)),
          gt(missions.endsAt, since),
          // A completed individual mission is done with; a community one still counts towards the shared counter.
          or(eq(missions.scope, 'community'), isNull(missionParticipants.completedAt)),
        ),
      );
    return rows.map((r) => r.m);
  }

  /**
   * Completes one person's mission and writes its reward, once: the conditional update lets one
   * caller through (the other node waits on the row, then finds it completed), and the ledger's key
   * `mission:<id>:<user>` holds even if it did not. Returns whether this call completed it and the points written.
   */
  async complete(m: MissionRow, userId: string, key: string): Promise<{ completedAt: Date; points: number } | null> {
    return this.db.transaction(async (tx) => {
      const [done] = await tx
        .update(missionParticipants)
        .set({ completedAt: new Date() })
        .where(and(eq(missionParticipants.missionId, m.id), eq(missionParticipants.userId, userId), isNull(missionParticipants.completedAt)))
        .returning({ completedAt: missionParticipants.completedAt });
      if (!done?.completedAt) return null;
      if (m.rewardPoints <= 0) return { completedAt: done.completedAt, points: 0 };
      const [row] = await tx
        .insert(pointsLedger)
        .values({ siteId: m.siteId, userId, points: m.rewardPoints, reason: 'mission', note: m.title, idempotencyKey: key })
        .onConflictDoNothing()
        .returning({ id: pointsLedger.id });
      return { completedAt: done.completedAt, points: row ? m.rewardPoints : 0 };
    });
  }

  /**
   * One helper's facts in a period, read as scoring reads them: chats that earned the 'chat' award
   * and were not set aside by a manager; feed tips not taken down; this mission's approved evidence.
   */
  private async facts(
    db: Pick<Db, 'execute'>,
    m: { id: string; siteId: string; goal: MissionGoal },
    userId: string,
    from: Date,
    to: Date,
  ): Promise<MissionFact[]> {
    if (m.goal.kind === 'tips') {
      const r = await db.execute(sql`
        select created_at as at from feed_posts where site_id = ${m.siteId} and author_id = ${userId} and kind = 'post'
          and moderation is null and created_at >= ${from} and created_at < ${to}`);
      return rowsOf<{ at: string | Date }>(r).map((x) => ({ kind: 'tip', at: new Date(x.at) }));
    }
    if (m.goal.kind === 'checked') {
      const r = await db.execute(sql`
        select created_at as at from mission_evidence where mission_id = ${m.id} and user_id = ${userId} and status = 'approved'`);
      return rowsOf<{ at: string | Date }>(r).map((x) => ({ kind: 'evidence', at: new Date(x.at) }));
    }
    const r = await db.execute(sql`
      select c.closed_at as at, c.first_response_at as "answeredAt", c.topics, c.locale as language, c.rating
      from points_ledger l join conversations c on c.id = l.conversation_id
      where l.site_id = ${m.siteId} and l.user_id = ${userId} and l.reason = 'chat'
        and c.closed_at >= ${from} and c.closed_at < ${to}
        and not exists (select 1 from points_ledger x where x.site_id = l.site_id and x.idempotency_key = 'exclude:' || c.id)`);
    return rowsOf<{ at: string | Date; answeredAt: string | Date | null; topics: string[] | null; language: string | null; rating: number | null }>(r).map(
      (x) => ({
        kind: 'chat',
        at: new Date(x.at),
        answeredAt: x.answeredAt === null ? null : new Date(x.answeredAt),
        topics: x.topics ?? [],
        language: x.language,
        rating: x.rating,
      }),
    );
  }

  /**
   * Counts one helper's progress afresh and stores it, one count at a time per (mission, helper):
   * two nodes counting at once write in turn, so the last write holds every fact committed before it.
   */
  async recount(m: MissionRow, userId: string, from: Date, to: Date, count: (facts: MissionFact[]) => number): Promise<number> {
    return this.db.transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`mission:${m.id}:${userId}`}, 2))`);
      const n = count(await this.facts(tx, m, userId, from, to));
      await tx
        .update(missionParticipants)
        .set({ progress: n })
        .where(and(eq(missionParticipants.missionId, m.id), eq(missionParticipants.userId, userId)));
      return n;
    });
  }

  async balance(siteId: string, userId: string): Promise<number> {
    const r = await this.db.execute(sql`select coalesce(sum(points), 0)::int as n from points_ledger where site_id = ${siteId} and user_id = ${userId}`);
    return rowsOf<{ n: number }>(r)[0]?.n ?? 0;
  }

  /** Inserts the badge once; true when this call awarded it. */
  async awardBadge(siteId: string, userId: string, badgeKey: string): Promise<boolean> {
    return (await this.db.insert(badgeAwards).values({ siteId, userId, badgeKey }).onConflictDoNothing().returning()).length > 0;
  }

  async insertEvidence(values: typeof missionEvidence.$inferInsert) {
    const [row] = await this.db.insert(missionEvidence).values(values).returning();
    return row!;
  }

  async evidence(id: string): Promise<EvidenceRow | undefined> {
    const [row] = await this.db
      .select({ e: missionEvidence, displayName: users.displayName })
      .from(missionEvidence)
      .leftJoin(users, eq(users.id, missionEvidence.userId))
      .where(eq(missionEvidence.id, id));
    return row ? { ...row.e, displayName: row.displayName } : undefined;
  }

  async evidenceOf(missionId: string): Promise<EvidenceRow[]> {
    const rows = await this.db
      .select({ e: missionEvidence, displayName: users.displayName })
      .from(missionEvidence)
      .leftJoin(users, eq(users.id, missionEvidence.userId))
      .where(eq(missionEvidence.missionId, missionId))
      .orderBy(desc(missionEvidence.createdAt))
      .limit(200);
    return rows.map((r) => ({ ...r.e, displayName: r.displayName }));
  }

  /** Decides pending evidence once (a second decision finds it decided). */
  async decideEvidence(id: string, status: 'approved' | 'rejected', note: string | null, byId: string): Promise<boolean> {
    const rows = await this.db
      .update(missionEvidence)
      .set({ status, note, decidedById: byId, decidedAt: new Date() })
      .where(and(eq(missionEvidence.id, id), eq(missionEvidence.status, 'pending')))
      .returning({ id: missionEvidence.id });
    return rows.length > 0;
  }

  async pendingEvidenceCount(missionId: string, userId: string): Promise<number> {
    const r = await this.db.execute(
      sql`select count(*)::int as n from mission_evidence where mission_id = ${missionId} and user_id = ${userId} and status = 'pending'`,
    );
    return rowsOf<{ n: number }>(r)[0]?.n ?? 0;
  }
}
