import { and, asc, desc, eq, lt } from 'drizzle-orm';
import { auditLog, type Db } from '@tribu/db';
import type { HelperActor } from '../actors.ts';

export type AuditRow = typeof auditLog.$inferSelect;

/** What happened, to what, and why; the actor and the time are added by `record`. */
export interface AuditEntry {
  siteId: string | null;
  action: string;
  targetKind?: string;
  targetId?: string;
  targetLabel?: string;
  reason?: string | null;
  details?: Record<string, unknown>;
}

/** Anything that can run one insert: the database or an open transaction. */
type Writer = Pick<Db, 'insert'>;

/**
 * The audit log: every moderation and administration action (who, what, when, why).
 * Append-only; pass the transaction of the action so the line and the action land together.
 */
export class AuditService {
  constructor(private readonly db: Db) {}

  async record(actor: Pick<HelperActor, 'userId' | 'displayName'>, entry: AuditEntry, tx: Writer = this.db): Promise<void> {
    await tx.insert(auditLog).values({
      siteId: entry.siteId,
      actorId: actor.userId,
      actorName: actor.displayName,
      action: entry.action,
      targetKind: entry.targetKind ?? null,
      targetId: entry.targetId ?? null,
      targetLabel: entry.targetLabel ?? null,
      reason: entry.reason ?? null,
      details: entry.details ?? {},
    });
  }

  /** A site's log, newest first, paged by `before` (an ISO date of the last line seen), optionally one action. */
  async list(siteId: string, opts: { limit?: number; before?: string; action?: string } = {}): Promise<AuditRow[]> {
    const limit = Math.min(opts.limit ?? 100, 5000);
    return this.db
      .select()
      .from(auditLog)
      .where(
        and(
          eq(auditLog.siteId, siteId),
          opts.before ? lt(auditLog.createdAt, new Date(opts.before)) : undefined,
          opts.action ? eq(auditLog.action, opts.action) : undefined,
        ),
      )
      .orderBy(desc(auditLog.createdAt))
      .limit(limit);
  }

  /** The actions present in a site's log (for a filter). */
  async actions(siteId: string): Promise<string[]> {
    const rows = await this.db.selectDistinct({ action: auditLog.action }).from(auditLog).where(eq(auditLog.siteId, siteId)).orderBy(asc(auditLog.action));
    return rows.map((r) => r.action);
  }
}
