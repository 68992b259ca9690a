import {
  ErrorCode,
  NEWCOMER_DAYS,
  type CharterView,
  type ContentTranslations,
  type MenteesView,
  type Newcomer,
  type NewcomersView,
  type OnboardingSettings,
  type PersonRef,
} from '@tribu/protocol';
import { AppError, notFound } from '../../lib/errors.ts';
import { requireManager } from '../access.ts';
import type { HelperActor } from '../actors.ts';
import { keptTranslations } from '../content/site-content.ts';
import type { SiteRow } from '../sites/site.service.ts';
import type { Member } from './onboarding.repository.ts';
import { requireMember } from '../access.ts';
import { observeChatsOf, type OnboardingService } from './onboarding.service.ts';

const DAY_MS = 86_400_000;
/** Newcomers: joined within the last NEWCOMER_DAYS (or checklist unfinished). */
const since = () => new Date(Date.now() - NEWCOMER_DAYS * DAY_MS);

/** The managers' side of onboarding: where each newcomer stands, mentors, the charter, how much to watch. */
export class NewcomersService {
  constructor(private readonly onboarding: OnboardingService) {}

  private get repo() {
    return this.onboarding.repo;
  }

  private get deps() {
    return this.onboarding.deps;
  }

  async list(actor: HelperActor, siteId: string): Promise<NewcomersView> {
    requireManager(actor, siteId);
    const site = await this.onboarding.site(siteId);
    const [rows, candidates] = await Promise.all([this.repo.newcomers(siteId, since()), this.repo.mentorCandidates(siteId)]);
    const [newcomers, answered] = await Promise.all([
      this.describe(site, rows),
      this.repo.answered(
        siteId,
        candidates.map((c) => c.id),
      ),
    ]);
    return {
      newcomers,
      mentors: candidates.map((c) => ({ ...c, chatsAnswered: answered.get(c.id) ?? 0 })),
      charter: { text: site.settings.charter ?? '', updatedAt: site.settings.charterUpdatedAt ?? null, translations: site.settings.charterTranslations ?? {} },
      observeChats: observeChatsOf(site),
    };
  }

  /** The newcomers I guide on a site, for any member (a mentor need not be a manager). */
  async mentees(actor: HelperActor, siteId: string): Promise<MenteesView> {
    requireMember(actor, siteId);
    const site = await this.onboarding.site(siteId);
    return { mentees: await this.describe(site, await this.repo.mentees(siteId, actor.userId, since())) };
  }

  /** Where each newcomer stands: steps from real data, chats answered, last seen. */
  private async describe(site: SiteRow, rows: Member[]): Promise<Newcomer[]> {
    const ids = rows.map((r) => r.userId);
    const [answered, seen, available] = await Promise.all([
      this.repo.answered(site.id, ids),
      this.repo.lastSeen(site.id, ids),
      this.repo.observableCount(site.id),
    ]);
    return rows.map((m) => {
      const steps = this.onboarding.steps(site, m, answered.get(m.userId) ?? 0, available);
      return {
        id: m.userId,
        displayName: m.displayName,
        avatarUrl: m.avatarUrl,
        joinedAt: m.createdAt.toISOString(),
        steps: steps.map((s) => ({ key: s.key, done: s.done })),
        done: steps.filter((s) => s.done).length,
        total: steps.length,
        lastSeenAt: seen.get(m.userId)?.toISOString() ?? null,
        chatsAnswered: answered.get(m.userId) ?? 0,
        mentor: m.mentor,
      };
    });
  }

  /** Gives a newcomer a mentor (or none); both are told in-app, the change is in the audit log. */
  async assignMentor(actor: HelperActor, siteId: string, userId: string, mentorId: string | null): Promise<NewcomersView> {
    requireManager(actor, siteId);
    const newcomer = await this.repo.member(siteId, userId);
    if (!newcomer) throw notFound('Person');
    if (mentorId === userId) throw new AppError(ErrorCode.badRequest, 'Someone cannot be their own mentor');
    let mentor: PersonRef | null = null;
    if (mentorId) {
      const row = await this.repo.member(siteId, mentorId);
      if (!row || row.status !== 'active') {
        throw new AppError(ErrorCode.badRequest, 'A mentor must be an active member of this community');
      }
      mentor = { id: row.userId, displayName: row.displayName, avatarUrl: row.avatarUrl };
    }
    const before = newcomer.mentor?.id ?? null;
    if (before === mentorId) return this.list(actor, siteId);
    await this.deps.db.transaction(async (tx) => {
      await this.repo.setMentor(siteId, userId, mentorId, tx);
      await this.deps.audit.record(
        actor,
        {
          siteId,
          action: mentor ? 'mentor.assigned' : 'mentor.removed',
          targetKind: 'member',
          targetId: userId,
          targetLabel: newcomer.displayName,
          details: { mentorId, mentorName: mentor?.displayName ?? null, previousMentorId: before, previousMentorName: newcomer.mentor?.displayName ?? null },
        },
        tx,
      );
    });
    if (mentor) await this.tell(actor, siteId, newcomer.userId, newcomer.displayName, mentor);
    return this.list(actor, siteId);
  }

  private async tell(actor: HelperActor, siteId: string, newcomerId: string, newcomerName: string, mentor: PersonRef): Promise<void> {
    const notes = [
      { userId: mentor.id, text: `You are now ${newcomerName}'s mentor. A friendly hello in the feed goes a long way.` },
      { userId: newcomerId, text: `${mentor.displayName} is now your mentor: ask them anything, any time.` },
    ].filter((n) => n.userId !== actor.userId);
    for (const n of notes) {
      await this.deps.notifications.notify({ userId: n.userId, siteId, kind: 'mentor', actorId: actor.userId, text: n.text });
    }
  }

  /** Writes the charter (empty text removes it); members who accepted an older text are asked again. */
  async updateCharter(actor: HelperActor, siteId: string, text: string, translations?: ContentTranslations<'text'>): Promise<CharterView> {
    requireManager(actor, siteId);
    const site = await this.onboarding.site(siteId);
    const before = site.settings.charter ?? '';
    // Versions in other languages are of the same charter: changing them does not ask members again.
    const versionsBefore = site.settings.charterTranslations ?? {};
    const versions = text && translations ? keptTranslations(site, translations) : text ? versionsBefore : {};
    const versionsChanged = JSON.stringify(versions) !== JSON.stringify(versionsBefore);
    if (before !== text || versionsChanged) {
      if (text) {
        const patch = { ...(before !== text ? { charter: text, charterUpdatedAt: new Date().toISOString() } : {}), charterTranslations: versions };
        await this.repo.writeSettings(siteId, patch);
      } else await this.repo.writeSettings(siteId, {}, ['charter', 'charterUpdatedAt', 'charterTranslations']);
      this.deps.sites.changed(siteId);
      await this.deps.audit.record(actor, {
        siteId,
        action: text ? 'charter.updated' : 'charter.removed',
        targetKind: 'site',
        targetId: siteId,
        targetLabel: site.name,
        details: { characters: text.length, previousCharacters: before.length, languages: Object.keys(versions).join(', ') },
      });
    }
    return this.onboarding.charter(actor, siteId);
  }

  async updateSettings(actor: HelperActor, siteId: string, input: OnboardingSettings): Promise<NewcomersView> {
    requireManager(actor, siteId);
    const site = await this.onboarding.site(siteId);
    const before = observeChatsOf(site);
    if (before !== input.observeChats) {
      await this.repo.writeSettings(siteId, { observeChats: input.observeChats });
      this.deps.sites.changed(siteId);
      await this.deps.audit.record(actor, {
        siteId,
        action: 'onboarding.settings',
        targetKind: 'site',
        targetId: siteId,
        targetLabel: site.name,
        details: { observeChats: input.observeChats, previous: before },
      });
    }
    return this.list(actor, siteId);
  }
}
