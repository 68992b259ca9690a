import { and, eq, ne } from 'drizzle-orm';
import { memberships, users } from '@tribu/db';
import { ErrorCode, type Role, type SiteMember } from '@tribu/protocol';
import { AppError, notFound } from '../../lib/errors.ts';
import type { HelperActor } from '../actors.ts';
import { requireAdmin } from '../access.ts';
import { byRoleThenName, memberColumns } from './member-columns.ts';
import type { ModuleDeps } from '../module-deps.ts';

const roleWords: Record<Role, string> = { helper: 'a helper', moderator: 'a community manager', admin: 'an admin' };

/** A site's people and their roles, for its admins (named columns only: see `memberColumns`). */
export class SiteMembersService {
  constructor(private readonly deps: ModuleDeps) {}

  async list(actor: HelperActor, siteId: string): Promise<SiteMember[]> {
    requireAdmin(actor, siteId);
    const rows = await this.deps.db
      .select(memberColumns)
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(eq(memberships.siteId, siteId))
      .orderBy(...byRoleThenName);
    return rows.map((r) => ({ ...r, joinedAt: r.joinedAt.toISOString() }));
  }

  /**
   * helper ↔ moderator ↔ admin. Nobody changes their own role, and the last active admin stays
   * one (the site's admin rows are locked, so two admins demoting each other at once cannot both win).
   */
  async changeRole(actor: HelperActor, siteId: string, userId: string, role: Role): Promise<SiteMember> {
    requireAdmin(actor, siteId);
    if (userId === actor.userId) throw new AppError(ErrorCode.forbidden, 'You cannot change your own role; ask another admin');
    const member = await this.deps.db.transaction(async (tx) => {
      const admins = await tx
        .select({ userId: memberships.userId })
        .from(memberships)
        .where(and(eq(memberships.siteId, siteId), eq(memberships.role, 'admin'), eq(memberships.status, 'active')))
        .for('update');
      const [row] = await tx
        .select({ userId: memberships.userId, role: memberships.role, displayName: users.displayName })
        .from(memberships)
        .innerJoin(users, eq(users.id, memberships.userId))
        .where(and(eq(memberships.siteId, siteId), eq(memberships.userId, userId)))
        .for('update', { of: memberships });
      if (!row) throw notFound('Member');
      if (row.role === role) return row;
      if (row.role === 'admin' && !admins.some((a) => a.userId !== userId)) {
        throw new AppError(ErrorCode.conflict, `${row.displayName} is the last admin of this site; make someone else admin first`);
      }
      await tx
        .update(memberships)
        .set({ role })
        .where(and(eq(memberships.siteId, siteId), eq(memberships.userId, userId), ne(memberships.role, role)));
      await this.deps.audit.record(
        actor,
        {
          siteId,
          action: 'member.role_changed',
          targetKind: 'user',
          targetId: userId,
          targetLabel: row.displayName,
          details: { from: row.role, to: role, role },
        },
        tx,
      );
      return { ...row, role, changed: true };
    });
    // Told after the commit, outside the transaction (the embedded database has one connection).
    if ('changed' in member) {
      // Their open tabs act with the new role at once, on this node and the others (no stale rights),
      // and leave the rooms it no longer opens (another helper's chat a demoted manager was reading).
      await this.deps.notify.rightsChanged(userId, siteId);
      await this.deps.notifications.notify({
        userId,
        siteId,
        kind: 'moderation',
        actorId: actor.userId,
        text: `${actor.displayName} made you ${roleWords[role]} of this site. Reload the page to see what changed.`,
      });
    }
    const updated = (await this.list(actor, siteId)).find((m) => m.userId === member.userId);
    if (!updated) throw notFound('Member');
    return updated;
  }
}
