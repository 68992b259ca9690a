import { DEFAULT_BADGES, DEFAULT_SCORING, DEFAULT_TIERS, awardsFor, tierFor, type BadgeDef, type ScoringRules, type Tier } from '@tribu/domain';
import { eq, inArray, sql } from 'drizzle-orm';
import { memberships, sites, users } from '@tribu/db';
import { type ScoredChat, type LedgerEntry, type PointsAdjust, type Rules, type RulesPreview, type RulesView } from '@tribu/protocol';
import { notFound } from '../../lib/errors.ts';
import type { HelperActor } from '../actors.ts';
import { mayReadConversation, requireManager, roleOn } from '../access.ts';
import type { ModuleDeps } from '../module-deps.ts';
import { GamificationRepository, toFacts, type ChatRow } from './gamification.repository.ts';

const DAY_MS = 86_400_000;

/** A site's recognition rules as data, with defaults; what the scoring and the badges read. */
export async function siteRules(deps: ModuleDeps, siteId: string): Promise<{ scoring: ScoringRules; tiers: Tier[]; badges: BadgeDef[]; timeZone: string }> {
  const s = (await deps.sites.byId(siteId))?.settings;
  return {
    scoring: { ...DEFAULT_SCORING, ...(s?.scoring ?? {}) },
    tiers: s?.tiers?.length ? s.tiers : DEFAULT_TIERS,
    badges: [...DEFAULT_BADGES, ...((s?.customBadges ?? []) as BadgeDef[])],
    timeZone: s?.timeZone ?? 'UTC',
  };
}

/** Managers edit scoring, tiers and their own badges, with a preview; and grant or revoke points. */
export class RulesService {
  private readonly repo: GamificationRepository;

  constructor(private readonly deps: ModuleDeps) {
    this.repo = new GamificationRepository(deps.db);
  }

  async get(actor: HelperActor, siteId: string): Promise<RulesView> {
    if (!roleOn(actor, siteId)) throw notFound('Site');
    const r = await siteRules(this.deps, siteId);
    return {
      scoring: r.scoring,
      tiers: r.tiers,
      customBadges: r.badges.filter((b) => b.key.startsWith('custom-')) as Rules['customBadges'],
      builtInBadges: DEFAULT_BADGES,
    };
  }

  async save(actor: HelperActor, siteId: string, rules: Rules): Promise<RulesView> {
    requireManager(actor, siteId);
    const patch = JSON.stringify({ scoring: rules.scoring, tiers: [...rules.tiers].sort((a, b) => a.min - b.min), customBadges: rules.customBadges });
    await this.deps.db
      .update(sites)
      .set({ settings: sql`${sites.settings} || ${patch}::jsonb` })
      .where(eq(sites.id, siteId));
    this.deps.sites.changed(siteId);
    return this.get(actor, siteId);
  }

  /** Last 30 days re-scored with the proposed rules (in order, with the daily cap per visitor); nothing is saved. */
  async preview(actor: HelperActor, siteId: string, rules: Rules, now = new Date()): Promise<RulesPreview> {
    requireManager(actor, siteId);
    const from = new Date(now.getTime() - 30 * DAY_MS);
    const chats = await this.repo.closedBetween(siteId, from, now);
    const proposed = rescore(chats, rules.scoring);
    const current = rescore(chats, (await siteRules(this.deps, siteId)).scoring);
    const ids = [...proposed.keys()];
    const names = ids.length ? await this.deps.db.select({ id: users.id, displayName: users.displayName }).from(users).where(inArray(users.id, ids)) : [];
    const top = [...proposed.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 10)
      .map(([userId, points]) => ({
        userId,
        displayName: names.find((n) => n.id === userId)?.displayName ?? 'Former member',
        points,
        tier: tierFor(points, rules.tiers).tier.name,
        currentPoints: current.get(userId) ?? 0,
      }));
    return { from: from.toISOString(), to: now.toISOString(), top };
  }

  async adjust(actor: HelperActor, input: PointsAdjust): Promise<{ entry: LedgerEntry; balance: number }> {
    requireManager(actor, input.siteId);
    const [member] = await this.deps.db
      .select({ userId: memberships.userId, name: users.displayName })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(sql`${memberships.siteId} = ${input.siteId} and ${memberships.userId} = ${input.userId}`);
    if (!member) throw notFound('Member');
    const row = await this.repo.adjust({ ...input, actorId: actor.userId, key: `adjust:${actor.userId}:${input.clientId}` });
    await this.deps.audit.record(actor, {
      siteId: input.siteId,
      action: 'points.adjusted',
      targetKind: 'user',
      targetId: input.userId,
      targetLabel: member.name,
      reason: input.note,
      details: { points: row.points },
    });
    const { balance } = await this.repo.totals(input.siteId, input.userId);
    const sign = row.points > 0 ? `+${row.points}` : String(row.points);
    this.deps.notify.pointsAwarded(input.userId, {
      siteId: input.siteId,
      conversationId: null,
      entries: [{ reason: row.reason, points: row.points }],
      balance,
    });
    await this.deps.notifications.notify({
      userId: input.userId,
      siteId: input.siteId,
      kind: 'points',
      actorId: actor.userId,
      text: `${sign} points from ${actor.displayName}: ${input.note}`,
    });
    return {
      entry: {
        id: row.id,
        points: row.points,
        reason: row.reason,
        conversationId: null,
        note: row.note,
        by: actor.displayName,
        createdAt: row.createdAt.toISOString(),
      },
      balance,
    };
  }

  async scored(actor: HelperActor, siteId: string, now = new Date()): Promise<ScoredChat[]> {
    requireManager(actor, siteId);
    const rows = await this.repo.scoredSince(siteId, new Date(now.getTime() - 30 * DAY_MS));
    return rows.map((r) => ({
      conversationId: r.conversationId,
      question: r.question,
      helper: r.helperId ? { id: r.helperId, displayName: r.helperName ?? '' } : null,
      points: r.points,
      rating: r.rating,
      closedAt: new Date(r.closedAt).toISOString(),
      excluded: r.excluded === true,
    }));
  }

  /** Marks a chat abusive or out of scope: what it earned is revoked once; its rating never counts. */
  async exclude(actor: HelperActor, conversationId: string, reason: string): Promise<{ revoked: number }> {
    const conv = await this.deps.conversationRepo.findRow(conversationId);
    // A chat one may not read answers like a missing one; on their own chat a helper learns why not.
    if (!conv || !mayReadConversation(actor, conv)) throw notFound();
    requireManager(actor, conv.siteId);
    const done = await this.repo.exclude(conv.siteId, conv.id, reason, actor.userId);
    if (done && done.points > 0) {
      const { balance } = await this.repo.totals(conv.siteId, done.userId);
      this.deps.notify.pointsAwarded(done.userId, {
        siteId: conv.siteId,
        conversationId: conv.id,
        entries: [{ reason: 'revoke', points: -done.points }],
        balance,
      });
      await this.deps.notifications.notify({
        userId: done.userId,
        siteId: conv.siteId,
        kind: 'points',
        actorId: actor.userId,
        text: `${actor.displayName} marked a chat out of scope (${reason}): its ${done.points} point${done.points === 1 ? '' : 's'} were taken back. Your badges stay.`,
        link: { conversationId: conv.id },
      });
    }
    return { revoked: done?.points ?? 0 };
  }
}

/** Points per helper over chats in time order, applying the daily cap per (helper, visitor, day). */
function rescore(chats: ChatRow[], scoring: ScoringRules): Map<string, number> {
  const perHelper = new Map<string, number>();
  const perVisitorDay = new Map<string, number>();
  for (const c of chats) {
    if (!c.helperId || !c.closedAt) continue;
    const key = `${c.helperId}:${c.visitorId}:${c.closedAt.toISOString().slice(0, 10)}`;
    const facts = toFacts(c);
    const earned = awardsFor(facts, scoring, perVisitorDay.get(key) ?? 0).reduce((n, a) => n + a.points, 0);
    perVisitorDay.set(key, (perVisitorDay.get(key) ?? 0) + earned);
    perHelper.set(c.helperId, (perHelper.get(c.helperId) ?? 0) + earned);
  }
  return perHelper;
}
