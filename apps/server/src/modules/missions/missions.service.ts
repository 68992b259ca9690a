import { completionsDue, missionEnd, missionProgress, missionRewardKey, missionStatus, sharedCount } from '@tribu/domain';
import {
  ErrorCode,
  type EvidenceDecide,
  type EvidenceSubmit,
  type Mission,
  type MissionDetail,
  type MissionEvidence,
  type MissionResponse,
  type MissionSave,
} from '@tribu/protocol';
import { AppError, notFound } from '../../lib/errors.ts';
import { requireManager, requireMember } from '../access.ts';
import type { HelperActor } from '../actors.ts';
import { siteRules } from '../gamification/rules.service.ts';
import type { ModuleDeps } from '../module-deps.ts';
import { keepInBell } from '../gamification/earned-notes.ts';
import { MissionsRepository, type EvidenceRow, type MissionRow, type ParticipantRow } from './missions.repository.ts';

type Participant = ParticipantRow & { displayName: string };

/**
 * Missions: managers set them, helpers join or ignore them (one click, nothing nags), progress is
 * counted from the facts scoring reads, and completing gives the reward once through the ledger.
 */
export class MissionsService {
  private readonly repo: MissionsRepository;

  constructor(
    private readonly deps: ModuleDeps,
    private readonly badges: { checkBadges(siteId: string, userId: string): Promise<void> },
    private readonly now = () => new Date(),
  ) {
    this.repo = new MissionsRepository(deps.db);
  }

  async list(actor: HelperActor, siteId: string, scope: 'open' | 'all'): Promise<Mission[]> {
    if (scope === 'all') requireManager(actor, siteId);
    else requireMember(actor, siteId);
    const rows = await this.repo.ofSite(siteId, scope === 'open', this.now());
    const people = await this.repo.participants(rows.map((m) => m.id));
    const names = await this.badgeNames(siteId);
    return rows.map((m) =>
      this.view(
        m,
        people.filter((p) => p.missionId === m.id),
        actor.userId,
        names,
      ),
    );
  }

  async save(actor: HelperActor, p: MissionSave): Promise<Mission> {
    requireManager(actor, p.siteId);
    const names = await this.badgeNames(p.siteId);
    if (p.rewardBadge !== null && !names.has(p.rewardBadge)) throw new AppError(ErrorCode.badRequest, 'No such badge on this site');
    const values = {
      title: p.title,
      why: p.why,
      startsAt: new Date(p.startsAt),
      endsAt: new Date(p.endsAt),
      scope: p.scope,
      goal: p.goal,
      rewardPoints: p.rewardPoints,
      rewardBadge: p.rewardBadge,
    };
    let row: MissionRow;
    if (p.missionId) {
      const before = await this.repo.mission(p.missionId);
      if (before?.siteId !== p.siteId) throw notFound('Mission');
      if (before.closedAt) throw new AppError(ErrorCode.invalidState, 'This mission is closed');
      row = await this.repo.update(before.id, values);
    } else {
      row = await this.repo.insert({ ...values, siteId: p.siteId, createdById: actor.userId });
    }
    this.deps.notify.missionsChanged(p.siteId);
    // The goal or the period may have changed: every participant is counted again.
    await this.settle(row, await this.recountAll(row));
    return this.viewOne(row, actor.userId, names);
  }

  async close(actor: HelperActor, missionId: string): Promise<Mission> {
    const m = await this.managed(actor, missionId);
    const row = await this.repo.close(m.id, this.now());
    this.deps.notify.missionsChanged(row.siteId);
    return this.viewOne(row, actor.userId);
  }

  async detail(actor: HelperActor, missionId: string): Promise<MissionDetail> {
    const m = await this.managed(actor, missionId);
    const [people, evidence, names] = await Promise.all([this.repo.participants([m.id]), this.repo.evidenceOf(m.id), this.badgeNames(m.siteId)]);
    return {
      mission: this.view(m, people, actor.userId, names),
      participants: people.map((p) => ({
        userId: p.userId,
        displayName: p.displayName,
        state: p.state,
        current: p.progress,
        completedAt: p.completedAt?.toISOString() ?? null,
      })),
      evidence: evidence.map(evidenceView),
    };
  }

  /** Join (counted from the start of the period) or "not for me"; only while the mission is not over. */
  async respond(actor: HelperActor, p: MissionResponse): Promise<Mission> {
    const m = await this.visible(actor, p.missionId);
    if (m.closedAt || m.endsAt <= this.now()) throw new AppError(ErrorCode.invalidState, 'This mission is over');
    await this.repo.respond(m.id, actor.userId, p.response === 'join' ? 'joined' : 'ignored');
    if (p.response === 'join') await this.progressOf(m, actor.userId);
    else if (m.scope === 'community') await this.settle(m, await this.repo.participants([m.id]));
    return this.viewOne(m, actor.userId);
  }

  async submitEvidence(actor: HelperActor, p: EvidenceSubmit): Promise<MissionEvidence> {
    const m = await this.visible(actor, p.missionId);
    if (m.goal.kind !== 'checked') throw new AppError(ErrorCode.invalidState, 'This mission is measured by Tribu, not by evidence');
    if (m.closedAt || m.endsAt <= this.now() || m.startsAt > this.now()) throw new AppError(ErrorCode.invalidState, 'This mission is not open');
    const [mine] = (await this.repo.participants([m.id])).filter((x) => x.userId === actor.userId);
    if (mine?.state !== 'joined') throw new AppError(ErrorCode.invalidState, 'Join the mission first');
    // A bound on what waits for a manager: a few pieces at once per person.
    if ((await this.repo.pendingEvidenceCount(m.id, actor.userId)) >= 5) {
      throw new AppError(ErrorCode.invalidState, 'Wait for a manager to look at what you sent');
    }
    const row = await this.repo.insertEvidence({ missionId: m.id, userId: actor.userId, link: p.link ?? null, text: p.text ?? null });
    this.deps.notify.missionEvidenceSent(m.siteId, m.id);
    return evidenceView({ ...row, displayName: actor.displayName });
  }

  async decideEvidence(actor: HelperActor, p: EvidenceDecide): Promise<MissionEvidence> {
    const e = await this.repo.evidence(p.evidenceId);
    const m = e ? await this.repo.mission(e.missionId) : undefined;
    if (!e || !m) throw notFound('Evidence');
    requireManager(actor, m.siteId, 'Evidence');
    if (!(await this.repo.decideEvidence(e.id, p.action === 'approve' ? 'approved' : 'rejected', p.note ?? null, actor.userId))) {
      throw new AppError(ErrorCode.invalidState, 'Already decided');
    }
    if (p.action === 'approve') await this.progressOf(m, e.userId);
    return evidenceView((await this.repo.evidence(e.id))!);
  }

  /** A chat was scored (ended or rated): its helper's open missions are counted again. */
  async chatScored(conversationId: string): Promise<void> {
    const chat = await this.deps.conversationRepo.findRow(conversationId);
    if (chat?.helperId) await this.factsChanged(chat.siteId, chat.helperId);
  }

  /** Something a mission may count happened for this helper (a scored chat, a rating, a feed tip). */
  async factsChanged(siteId: string, userId: string): Promise<void> {
    for (const m of await this.repo.joinedOpen(siteId, userId, this.now())) {
      if (m.startsAt > this.now()) continue;
      await this.progressOf(m, userId);
    }
  }

  // ---------- counting, completing, telling ----------

  /** Counts one helper again, then completes whoever is due and tells the participants. */
  private async progressOf(m: MissionRow, userId: string): Promise<void> {
    const { timeZone } = await siteRules(this.deps, m.siteId);
    await this.repo.recount(m, userId, m.startsAt, missionEnd(m), (facts) => missionProgress(m.goal, m, facts, timeZone));
    await this.settle(m, await this.repo.participants([m.id]));
  }

  private async recountAll(m: MissionRow): Promise<Participant[]> {
    const { timeZone } = await siteRules(this.deps, m.siteId);
    for (const p of await this.repo.participants([m.id])) {
      if (p.state === 'joined') await this.repo.recount(m, p.userId, m.startsAt, missionEnd(m), (facts) => missionProgress(m.goal, m, facts, timeZone));
    }
    return this.repo.participants([m.id]);
  }

  private async settle(m: MissionRow, people: Participant[]): Promise<void> {
    const target = m.goal.target;
    const persons = people.map((p) => ({ userId: p.userId, joined: p.state === 'joined', completed: p.completedAt !== null, current: p.progress }));
    const completed = new Map<string, Date>();
    for (const userId of completionsDue(m.scope, target, persons)) {
      const done = await this.repo.complete(m, userId, missionRewardKey(m.id, userId));
      if (!done) continue;
      completed.set(userId, done.completedAt);
      if (done.points > 0) {
        const balance = await this.repo.balance(m.siteId, userId);
        this.deps.notify.pointsAwarded(userId, { siteId: m.siteId, conversationId: null, entries: [{ reason: 'mission', points: done.points }], balance });
        await keepInBell(this.deps, userId, m.siteId, { kind: 'points', text: `+${done.points} points: mission “${m.title}” completed` });
      }
      if (m.rewardBadge) await this.awardBadge(m, m.rewardBadge, userId);
    }
    const shared = sharedCount(persons);
    for (const p of people.filter((x) => x.state === 'joined')) {
      this.deps.notify.missionProgressed(p.userId, {
        siteId: m.siteId,
        missionId: m.id,
        current: m.scope === 'community' ? shared : p.progress,
        target,
        completedAt: (completed.get(p.userId) ?? p.completedAt)?.toISOString() ?? null,
      });
    }
  }

  /** The mission's badge, once (the badge table's key holds it); then any badge the new points reach. */
  private async awardBadge(m: MissionRow, key: string, userId: string): Promise<void> {
    if (await this.repo.awardBadge(m.siteId, userId, key)) {
      const badge = (await siteRules(this.deps, m.siteId)).badges.find((b) => b.key === key);
      this.deps.notify.badgeEarned(userId, {
        siteId: m.siteId,
        badge: { key, name: badge?.name ?? key, description: badge?.description ?? m.title },
      });
      await keepInBell(this.deps, userId, m.siteId, { kind: 'badge', text: `You earned the badge “${badge?.name ?? key}”: ${badge?.description ?? m.title}` });
    }
    await this.badges.checkBadges(m.siteId, userId);
  }

  // ---------- reading ----------

  /** A mission of a site the actor belongs to; others' answer like missing ones. */
  private async visible(actor: HelperActor, missionId: string): Promise<MissionRow> {
    const m = await this.repo.mission(missionId);
    if (!m) throw notFound('Mission');
    requireMember(actor, m.siteId, 'Mission');
    return m;
  }

  private async managed(actor: HelperActor, missionId: string): Promise<MissionRow> {
    const m = await this.repo.mission(missionId);
    if (!m) throw notFound('Mission');
    requireManager(actor, m.siteId, 'Mission');
    return m;
  }

  private async badgeNames(siteId: string): Promise<Map<string, string>> {
    return new Map((await siteRules(this.deps, siteId)).badges.map((b) => [b.key, b.name]));
  }

  private async viewOne(m: MissionRow, readerId: string, names?: Map<string, string>): Promise<Mission> {
    return this.view(m, await this.repo.participants([m.id]), readerId, names ?? (await this.badgeNames(m.siteId)));
  }

  private view(m: MissionRow, people: Participant[], readerId: string, names: Map<string, string>): Mission {
    const me = people.find((p) => p.userId === readerId);
    const joined = people.filter((p) => p.state === 'joined');
    const shared = joined.reduce((n, p) => n + p.progress, 0);
    return {
      id: m.id,
      siteId: m.siteId,
      title: m.title,
      why: m.why,
      startsAt: m.startsAt.toISOString(),
      endsAt: m.endsAt.toISOString(),
      scope: m.scope,
      goal: m.goal,
      rewardPoints: m.rewardPoints,
      rewardBadge: m.rewardBadge ? { key: m.rewardBadge, name: names.get(m.rewardBadge) ?? m.rewardBadge } : null,
      status: missionStatus(m, this.now()),
      me: me ? { state: me.state, current: me.progress, completedAt: me.completedAt?.toISOString() ?? null } : null,
      current: m.scope === 'community' ? shared : (me?.progress ?? 0),
      target: m.goal.target,
      participants: joined.length,
    };
  }
}

function evidenceView(e: EvidenceRow): MissionEvidence {
  return {
    id: e.id,
    missionId: e.missionId,
    user: e.userId ? { id: e.userId, displayName: e.displayName ?? 'Former member' } : null,
    link: e.link,
    text: e.text,
    status: e.status,
    note: e.note,
    createdAt: e.createdAt.toISOString(),
  };
}
