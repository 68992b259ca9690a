import { and, desc, eq, ne } from 'drizzle-orm';
import { referralCodes, users } from '@tribu/db';
import { ErrorCode, type ReferralCodeView } from '@tribu/protocol';
import { AppError, notFound } from '../../lib/errors.ts';
import { isUniqueViolation } from '../../lib/pg-errors.ts';
import { requireManager, requireMember } from '../access.ts';
import type { HelperActor } from '../actors.ts';
import type { ModuleDeps } from '../module-deps.ts';

type Row = { id: string; userId: string; displayName: string; code: string; status: string; createdAt: Date };
const view = (r: Row): ReferralCodeView => ({ ...r, status: r.status as ReferralCodeView['status'], createdAt: r.createdAt.toISOString() });
const columns = {
  id: referralCodes.id,
  userId: referralCodes.userId,
  displayName: users.displayName,
  code: referralCodes.code,
  status: referralCodes.status,
  createdAt: referralCodes.createdAt,
};

/** Referral codes: a helper asks for one, the site's managers approve or revoke it (audit-logged). */
export class ReferralService {
  constructor(private readonly deps: Pick<ModuleDeps, 'db' | 'audit'>) {}

  /** The caller's own codes on the site (asked, active or revoked). */
  async mine(actor: HelperActor, siteId: string): Promise<ReferralCodeView[]> {
    requireMember(actor, siteId);
    return (await this.rows(siteId, actor.userId)).map(view);
  }

  /** Every code of the site, newest first (managers). */
  async all(actor: HelperActor, siteId: string): Promise<ReferralCodeView[]> {
    requireManager(actor, siteId);
    return (await this.rows(siteId)).map(view);
  }

  /** Asks for a code; one asked or active code per person and site. */
  async ask(actor: HelperActor, siteId: string, code: string): Promise<ReferralCodeView> {
    requireMember(actor, siteId);
    const [live] = await this.deps.db
      .select({ id: referralCodes.id })
      .from(referralCodes)
      .where(and(eq(referralCodes.siteId, siteId), eq(referralCodes.userId, actor.userId), ne(referralCodes.status, 'revoked')))
      .limit(1);
    if (live) throw new AppError(ErrorCode.conflict, 'You already have a code on this site');
    try {
      const [row] = await this.deps.db.insert(referralCodes).values({ siteId, userId: actor.userId, code }).returning({ id: referralCodes.id });
      return view((await this.rows(siteId, undefined, row!.id))[0]!);
    } catch (e) {
      if (isUniqueViolation(e)) throw new AppError(ErrorCode.conflict, 'This code is taken; pick another');
      throw e;
    }
  }

  /** Approves an asked code, or revokes one (managers); another site's code answers like a missing one. */
  async decide(actor: HelperActor, siteId: string, codeId: string, to: 'active' | 'revoked'): Promise<ReferralCodeView> {
    requireManager(actor, siteId);
    await this.deps.db.transaction(async (tx) => {
      const [row] = await tx
        .update(referralCodes)
        .set({ status: to, decidedBy: actor.userId, decidedAt: new Date() })
        .where(
          and(
            eq(referralCodes.id, codeId),
            eq(referralCodes.siteId, siteId),
            // Approving takes an asked code; revoking, an asked or active one.
            to === 'active' ? eq(referralCodes.status, 'pending') : ne(referralCodes.status, 'revoked'),
          ),
        )
        .returning();
      if (!row) throw notFound('Referral code');
      await this.deps.audit.record(
        actor,
        {
          siteId,
          action: to === 'active' ? 'referral_code.approved' : 'referral_code.revoked',
          targetKind: 'user',
          targetId: row.userId,
          targetLabel: row.code,
        },
        tx,
      );
    });
    return view((await this.rows(siteId, undefined, codeId))[0]!);
  }

  private rows(siteId: string, userId?: string, id?: string): Promise<Row[]> {
    return this.deps.db
      .select(columns)
      .from(referralCodes)
      .innerJoin(users, eq(users.id, referralCodes.userId))
      .where(and(eq(referralCodes.siteId, siteId), userId ? eq(referralCodes.userId, userId) : undefined, id ? eq(referralCodes.id, id) : undefined))
      .orderBy(desc(referralCodes.createdAt))
      .limit(500);
  }
}
