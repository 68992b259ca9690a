import { and, count, desc, eq, gt, inArray, isNull, sql } from 'drizzle-orm';
import { applications, invitations, memberships, sites, users, type Db } from '@tribu/db';
import type { ApplicationStatus, RecruitmentFunnel } from '@tribu/protocol';

export type ApplicationRow = typeof applications.$inferSelect;
export type InvitationRow = typeof invitations.$inferSelect;
/** The database or an open transaction. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/** Queries of recruitment: applications, invitations and the funnel. */
export class RecruitmentRepository {
  constructor(private readonly db: Db) {}

  // ---------- applications ----------

  async insertApplication(values: typeof applications.$inferInsert): Promise<ApplicationRow> {
    const [row] = await this.db.insert(applications).values(values).returning();
    return row!;
  }

  /** An application from this address still waiting for a decision (new or shortlisted). */
  async pendingByEmail(siteId: string, email: string): Promise<ApplicationRow | undefined> {
    const [row] = await this.db
      .select()
      .from(applications)
      .where(
        and(eq(applications.siteId, siteId), eq(sql`lower(${applications.email})`, email.toLowerCase()), inArray(applications.status, ['new', 'shortlisted'])),
      )
      .limit(1);
    return row;
  }

  async applicationById(siteId: string, id: string): Promise<ApplicationRow | undefined> {
    const [row] = await this.db
      .select()
      .from(applications)
      .where(and(eq(applications.siteId, siteId), eq(applications.id, id)))
      .limit(1);
    return row;
  }

  /** A site's applications with the deciding manager's name, newest first. */
  async listApplications(siteId: string, limit = 500) {
    return this.db
      .select({ a: applications, decidedByName: users.displayName })
      .from(applications)
      .leftJoin(users, eq(users.id, applications.decidedBy))
      .where(eq(applications.siteId, siteId))
      .orderBy(desc(applications.createdAt))
      .limit(limit);
  }

  async countsByStatus(siteId: string): Promise<Record<ApplicationStatus, number>> {
    const rows = await this.db
      .select({ status: applications.status, n: count() })
      .from(applications)
      .where(eq(applications.siteId, siteId))
      .groupBy(applications.status);
    const counts: Record<ApplicationStatus, number> = { new: 0, shortlisted: 0, accepted: 0, rejected: 0 };
    for (const r of rows) counts[r.status] = Number(r.n);
    return counts;
  }

  /**
   * Only moves an application that is still in one of `from` (two managers deciding at once: one wins).
   * Returns the updated row, or undefined when it had already moved.
   */
  async decide(
    siteId: string,
    id: string,
    from: ApplicationStatus[],
    change: { status: ApplicationStatus; decidedBy: string; decisionMessage?: string | null },
    tx: Tx | Db = this.db,
  ): Promise<ApplicationRow | undefined> {
    const [row] = await tx
      .update(applications)
      .set({ status: change.status, decidedBy: change.decidedBy, decidedAt: new Date(), decisionMessage: change.decisionMessage ?? null })
      .where(and(eq(applications.siteId, siteId), eq(applications.id, id), inArray(applications.status, from)))
      .returning();
    return row;
  }

  async linkApplicationUser(applicationId: string, userId: string, tx: Tx): Promise<void> {
    await tx.update(applications).set({ userId }).where(eq(applications.id, applicationId));
  }

  /**
   * Applied → accepted → joined (used the invitation) → active (answered at least one chat in the
   * 30 days after joining the site).
   */
  async funnel(siteId: string): Promise<RecruitmentFunnel> {
    const [row] = await this.db
      .select({
        applied: count(),
        accepted: sql<number>`count(*) filter (where "applications"."status" = 'accepted')`,
        joined: sql<number>`count(*) filter (where "applications"."user_id" is not null)`,
        active: sql<number>`count(*) filter (where exists (
          select 1 from "memberships" m join "conversations" c
            on c.helper_id = m.user_id and c.site_id = m.site_id
          where m.user_id = "applications"."user_id" and m.site_id = "applications"."site_id"
            and c.first_response_at >= m.created_at
            and c.first_response_at < m.created_at + interval '30 days'))`,
      })
      .from(applications)
      .where(eq(applications.siteId, siteId));
    return {
      applied: Number(row?.applied ?? 0),
      accepted: Number(row?.accepted ?? 0),
      joined: Number(row?.joined ?? 0),
      active: Number(row?.active ?? 0),
    };
  }

  // ---------- invitations ----------

  async insertInvitation(values: typeof invitations.$inferInsert): Promise<InvitationRow> {
    const [row] = await this.db.insert(invitations).values(values).returning();
    return row!;
  }

  async invitationByHash(tokenHash: string) {
    const [row] = await this.db
      .select({ inv: invitations, site: sites })
      .from(invitations)
      .innerJoin(sites, eq(sites.id, invitations.siteId))
      .where(eq(invitations.tokenHash, tokenHash))
      .limit(1);
    return row;
  }

  /** Marks the invitation used if it still can be: exactly one caller gets the row back, however raced. */
  async useInvitation(id: string, tx: Tx): Promise<InvitationRow | undefined> {
    const [row] = await tx
      .update(invitations)
      .set({ usedAt: new Date() })
      .where(and(eq(invitations.id, id), isNull(invitations.usedAt), gt(invitations.expiresAt, sql`now()`)))
      .returning();
    return row;
  }

  // ---------- people ----------

  async userByEmail(email: string) {
    const [row] = await this.db
      .select()
      .from(users)
      .where(eq(sql`lower(${users.email})`, email.toLowerCase()))
      .limit(1);
    return row;
  }

  async membership(userId: string, siteId: string) {
    const [row] = await this.db
      .select()
      .from(memberships)
      .where(and(eq(memberships.userId, userId), eq(memberships.siteId, siteId)))
      .limit(1);
    return row;
  }

  /** Saves only the site's application questions inside its settings (other settings untouched). */
  async setQuestions(siteId: string, questions: string[]): Promise<void> {
    await this.db
      .update(sites)
      .set({ settings: sql`${sites.settings} || jsonb_build_object('applicationQuestions', ${JSON.stringify(questions)}::jsonb)` })
      .where(eq(sites.id, siteId));
  }
}
