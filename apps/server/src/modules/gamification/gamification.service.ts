import { awardsFor, badgeProgress, newlyEarned, rank, tierFor } from '@tribu/domain';
import type { GamificationSummary, Leaderboard, LeaderboardPeriod } from '@tribu/protocol';
import { and, eq, inArray } from 'drizzle-orm';
import { memberships, users } from '@tribu/db';
import { notFound } from '../../lib/errors.ts';
import { roleOn } from '../access.ts';
import type { HelperActor } from '../actors.ts';
import type { ModuleDeps } from '../module-deps.ts';
import { keepInBell, pointsText } from './earned-notes.ts';
import { GamificationRepository, toFacts } from './gamification.repository.ts';
import { siteRules } from './rules.service.ts';

const TIE_RULE = 'Equal points: whoever reached them first ranks higher.';

/** Points and badges for real help: derived from the append-only ledger, awarded once per key. */
export class GamificationService {
  private readonly repo: GamificationRepository;

  constructor(private readonly deps: ModuleDeps) {
    this.repo = new GamificationRepository(deps.db);
  }

  /** Scores an ended (or just rated) chat; safe to run twice, on any node, at the same time. */
  async chatEnded(conversationId: string): Promise<void> {
    const chat = await this.repo.chat(conversationId);
    if (!chat?.helperId || !chat.closedAt) return;
    const { scoring: rules, timeZone } = await siteRules(this.deps, chat.siteId);
    const facts = toFacts(chat);
    const written = await this.repo.award({ ...chat, helperId: chat.helperId }, (already) => awardsFor(facts, rules, already), timeZone);
    if (written.length > 0) {
      const { balance } = await this.repo.totals(chat.siteId, chat.helperId);
      const entries = written.map((a) => ({ reason: a.reason, points: a.points }));
      this.deps.notify.pointsAwarded(chat.helperId, { siteId: chat.siteId, conversationId: chat.id, entries, balance });
      await keepInBell(this.deps, chat.helperId, chat.siteId, { kind: 'points', text: pointsText(entries), conversationId: chat.id });
    }
    await this.checkBadges(chat.siteId, chat.helperId);
  }

  /** Awards every badge the helper's counts now reach (each once); called after scoring and grants. */
  async checkBadges(siteId: string, userId: string): Promise<void> {
    const { timeZone, badges } = await siteRules(this.deps, siteId);
    const [stats, earned] = await Promise.all([this.repo.stats(siteId, userId, timeZone), this.repo.earnedBadges(siteId, userId)]);
    for (const badge of newlyEarned(stats, badges, new Set(earned.keys()))) {
      if (!(await this.repo.awardBadge(siteId, userId, badge.key))) continue;
      this.deps.notify.badgeEarned(userId, {
        siteId,
        badge: { key: badge.key, name: badge.name, description: badge.description },
      });
      await keepInBell(this.deps, userId, siteId, { kind: 'badge', text: `You earned the badge “${badge.name}”: ${badge.description}` });
    }
  }

  /** A member's standing; any member of the site may read it (public recognition), others: not found. */
  async summary(actor: HelperActor, siteId: string, userId = actor.userId): Promise<GamificationSummary> {
    if (!roleOn(actor, siteId)) throw notFound('Site');
    // Someone who never belonged to the site has no standing there to read (not even a zero one).
    if (userId !== actor.userId) {
      const [member] = await this.deps.db
        .select({ userId: memberships.userId })
        .from(memberships)
        .where(and(eq(memberships.siteId, siteId), eq(memberships.userId, userId)));
      if (!member) throw notFound('Member');
    }
    const { timeZone, tiers, badges } = await siteRules(this.deps, siteId);
    const [totals, stats, earned, history] = await Promise.all([
      this.repo.totals(siteId, userId),
      this.repo.stats(siteId, userId, timeZone),
      this.repo.earnedBadges(siteId, userId),
      userId === actor.userId ? this.repo.history(siteId, userId) : Promise.resolve([]),
    ]);
    const t = tierFor(totals.lifetime, tiers);
    return {
      siteId,
      userId,
      ...totals,
      tier: { name: t.tier.name, min: t.tier.min, next: t.next, progress: t.progress, toNext: t.toNext },
      badges: badgeProgress(stats, badges, new Set(earned.keys())).map((p) => ({
        key: p.badge.key,
        name: p.badge.name,
        description: p.badge.description,
        target: p.badge.target,
        current: p.current,
        earned: p.earned,
        earnedAt: earned.get(p.badge.key)?.toISOString() ?? null,
      })),
      history: history.map((h) => ({
        id: h.id,
        points: h.points,
        reason: h.reason,
        conversationId: h.conversationId,
        note: h.note,
        by: h.by,
        createdAt: h.createdAt.toISOString(),
      })),
    };
  }

  /** Every ledger row of the site, oldest first (the caller checks the reader is a manager). */
  ledger(siteId: string) {
    return this.repo.ledgerOf(siteId);
  }

  async leaderboard(actor: HelperActor, siteId: string, period: LeaderboardPeriod): Promise<Leaderboard> {
    if (!roleOn(actor, siteId)) throw notFound('Site');
    const ranked = rank(await this.repo.standings(siteId, periodStart(period, new Date())));
    const ids = ranked.map((r) => r.helperId);
    const people = ids.length
      ? await this.deps.db.select({ id: users.id, displayName: users.displayName, avatarUrl: users.avatarUrl }).from(users).where(inArray(users.id, ids))
      : [];
    const rows = ranked.map((r) => {
      const p = people.find((x) => x.id === r.helperId);
      return { rank: r.rank, userId: r.helperId, displayName: p?.displayName ?? 'Former member', avatarUrl: p?.avatarUrl ?? null, points: r.points };
    });
    return { period, rows: rows.slice(0, 50), me: rows.find((r) => r.userId === actor.userId) ?? null, tieRule: TIE_RULE };
  }
}

/** Week = since Monday 00:00 UTC; month = since the 1st, 00:00 UTC; all = no start. */
export function periodStart(period: LeaderboardPeriod, now: Date): Date | null {
  if (period === 'all') return null;
  const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), period === 'month' ? 1 : now.getUTCDate()));
  if (period === 'week') d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
  return d;
}
