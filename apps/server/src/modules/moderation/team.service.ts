import { and, eq, sql } from 'drizzle-orm';
import { memberships, sites, users } from '@tribu/db';
import { ErrorCode, type Role, type TeamMember } from '@tribu/protocol';
import { AppError, notFound } from '../../lib/errors.ts';
import { requireManager, roleOn } from '../access.ts';
import { byRoleThenName, memberColumns } from '../sites/member-columns.ts';
import type { HelperActor } from '../actors.ts';
import type { ModuleDeps } from '../module-deps.ts';

const RANK: Record<Role, number> = { helper: 0, moderator: 1, admin: 2 };

/**
 * Who may suspend, reinstate or remove whom: only someone of a higher role, never oneself.
 * A moderator acts on helpers; an admin on helpers and moderators; admins are changed by the
 * site's settings (roles), never from the team page, so a site cannot lose its last admin here.
 */
export function mayActOn(actor: { userId: string; role: Role | undefined }, target: { userId: string; role: Role }): boolean {
  if (!actor.role || actor.userId === target.userId) return false;
  return RANK[actor.role] > RANK[target.role] && RANK[actor.role] >= RANK.moderator;
}

type MemberRow = { userId: string; displayName: string; role: Role; status: 'active' | 'suspended' };

/** The team page: members with their activity; suspend, reinstate, remove — live on every node. */
export class TeamService {
  constructor(private readonly deps: ModuleDeps) {}

  async list(actor: HelperActor, siteId: string): Promise<TeamMember[]> {
    requireManager(actor, siteId);
    const rows = await this.deps.db
      .select({
        ...memberColumns,
        suspendedReason: memberships.suspendedReason,
        chatsAnswered: sql<number>`(select count(*)::int from conversations c where c.site_id = ${siteId} and c.helper_id = ${users.id} and c.first_response_at is not null)`,
        lastSeenAt: sql<string | null>`(select max(m.minute) from online_minutes m where m.site_id = ${siteId} and m.user_id = ${users.id})`,
      })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(eq(memberships.siteId, siteId))
      .orderBy(...byRoleThenName);
    const role = roleOn(actor, siteId);
    return rows.map((r) => ({
      ...r,
      joinedAt: r.joinedAt.toISOString(),
      lastSeenAt: r.lastSeenAt ? new Date(r.lastSeenAt).toISOString() : null,
      actionable: mayActOn({ userId: actor.userId, role }, r),
    }));
  }

  async suspend(actor: HelperActor, siteId: string, userId: string, reason: string): Promise<void> {
    const member = await this.target(actor, siteId, userId);
    if (member.status === 'suspended') throw new AppError(ErrorCode.invalidState, `${member.displayName} is already suspended`);
    await this.deps.db
      .update(memberships)
      .set({ status: 'suspended', suspendedReason: reason })
      .where(and(eq(memberships.userId, userId), eq(memberships.siteId, siteId)));
    await this.takeAway(member, siteId);
    const [site] = await this.deps.db.select({ name: sites.name }).from(sites).where(eq(sites.id, siteId));
    this.deps.notify.membershipSuspended(userId, { siteId, siteName: site?.name ?? '', reason });
    // Kept in their notifications too: someone active on another site reads it there.
    await this.tell(userId, siteId, actor, `Your membership of ${site?.name ?? 'this site'} is suspended: ${reason}`);
    await this.deps.audit.record(actor, {
      siteId,
      action: 'member.suspended',
      targetKind: 'user',
      targetId: userId,
      targetLabel: member.displayName,
      reason,
      details: { role: member.role },
    });
  }

  async reinstate(actor: HelperActor, siteId: string, userId: string): Promise<void> {
    const member = await this.target(actor, siteId, userId);
    if (member.status !== 'suspended') throw new AppError(ErrorCode.invalidState, `${member.displayName} is not suspended`);
    await this.deps.db
      .update(memberships)
      .set({ status: 'active', suspendedReason: null })
      .where(and(eq(memberships.userId, userId), eq(memberships.siteId, siteId)));
    // Tabs still open (on any node) act for the site again at once.
    await this.deps.notify.rightsChanged(userId, siteId);
    this.deps.notify.membershipReinstated(userId, { siteId });
    const [site] = await this.deps.db.select({ name: sites.name }).from(sites).where(eq(sites.id, siteId));
    await this.tell(userId, siteId, actor, `Welcome back: your membership of ${site?.name ?? 'this site'} is active again`);
    this.deps.notify.presenceChanged(siteId);
    await this.deps.audit.record(actor, {
      siteId,
      action: 'member.reinstated',
      targetKind: 'user',
      targetId: userId,
      targetLabel: member.displayName,
      details: { role: member.role },
    });
  }

  async remove(actor: HelperActor, siteId: string, userId: string, reason: string): Promise<void> {
    const member = await this.target(actor, siteId, userId);
    await this.deps.db.delete(memberships).where(and(eq(memberships.userId, userId), eq(memberships.siteId, siteId)));
    await this.takeAway(member, siteId);
    const [site] = await this.deps.db.select({ name: sites.name }).from(sites).where(eq(sites.id, siteId));
    // Kept in their bell: the decision and its reason are there when they next sign in.
    await this.tell(userId, siteId, actor, `You were removed from ${site?.name ?? 'this site'}: ${reason}`);
    await this.deps.audit.record(actor, {
      siteId,
      action: 'member.removed',
      targetKind: 'user',
      targetId: userId,
      targetLabel: member.displayName,
      reason,
      details: { role: member.role },
    });
  }

  /** The member acted on, if the actor outranks them (a stranger to the site answers "not found"). */
  private async target(actor: HelperActor, siteId: string, userId: string): Promise<MemberRow> {
    requireManager(actor, siteId);
    const [member] = await this.deps.db
      .select({ userId: users.id, displayName: users.displayName, role: memberships.role, status: memberships.status })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(and(eq(memberships.userId, userId), eq(memberships.siteId, siteId)));
    if (!member) throw notFound('Member');
    if (!mayActOn({ userId: actor.userId, role: roleOn(actor, siteId) }, member)) {
      throw new AppError(
        ErrorCode.forbidden,
        member.userId === actor.userId ? 'You cannot do that to yourself' : `Only someone above a ${member.role} can do that`,
      );
    }
    return member;
  }

  /** A notification to the member; a lost one is logged, the decision itself stands. */
  private async tell(userId: string, siteId: string, actor: HelperActor, text: string): Promise<void> {
    await this.deps.notifications
      .notify({ userId, siteId, kind: 'moderation', actorId: actor.userId, text })
      .catch((err: unknown) => this.deps.log.warn({ err }, 'member not notified'));
  }

  /**
   * Called once the membership is changed in the database: every open tab, on every node, loses
   * the role and the site's rooms now (so it cannot claim meanwhile), then their chats go back to the board.
   */
  private async takeAway(member: MemberRow, siteId: string): Promise<void> {
    await this.deps.notify.rightsChanged(member.userId, siteId);
    const as: HelperActor = { kind: 'helper', userId: member.userId, displayName: member.displayName, roles: { [siteId]: member.role } };
    for (const row of await this.deps.conversationRepo.activeForHelper(siteId, member.userId)) {
      await this.deps.conversations.release(as, row.id).catch((err: unknown) => this.deps.log.info({ err }, 'chat not released'));
    }
    this.deps.notify.presenceChanged(siteId);
  }
}
