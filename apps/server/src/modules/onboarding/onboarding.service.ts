import { DEFAULT_OBSERVE_CHATS, ErrorCode, type CharterView, type OnboardingStatus, type OnboardingStep } from '@tribu/protocol';
import { AppError, notFound } from '../../lib/errors.ts';
import { hasRoleOn, requireMember } from '../access.ts';
import type { HelperActor } from '../actors.ts';
import { charterFor } from '../content/site-content.ts';
import type { ModuleDeps } from '../module-deps.ts';
import type { SiteRow } from '../sites/site.service.ts';
import { OnboardingRepository, type Member } from './onboarding.repository.ts';
import { deriveSteps, newDates } from './onboarding.steps.ts';

/** How many chats the site suggests watching (0: none). */
export const observeChatsOf = (site: SiteRow) => site.settings.observeChats ?? DEFAULT_OBSERVE_CHATS;

/** The charter's current version is accepted when the acceptance is not older than the last change. */
export function charterAccepted(site: SiteRow, acceptedAt: Date | null): boolean {
  if (!site.settings.charter) return true;
  if (!acceptedAt) return false;
  const changed = site.settings.charterUpdatedAt;
  return !changed || acceptedAt.getTime() >= new Date(changed).getTime();
}

/** A newcomer's checklist (charter, profile, watching chats, a first chat) and the site's charter. */
export class OnboardingService {
  readonly repo: OnboardingRepository;

  constructor(readonly deps: ModuleDeps) {
    this.repo = new OnboardingRepository(deps.db);
  }

  async site(siteId: string): Promise<SiteRow> {
    const site = await this.deps.sites.byId(siteId);
    if (!site) throw notFound('Site');
    return site;
  }

  /** The steps of one member, from real data; `available` is how many chats there are to watch. */
  steps(site: SiteRow, m: Member, answered: number, available: number): OnboardingStep[] {
    const wanted = observeChatsOf(site);
    const hasCharter = Boolean(site.settings.charter);
    return deriveSteps({
      charterExists: hasCharter,
      charterAccepted: hasCharter && charterAccepted(site, m.charterAcceptedAt),
      charterAcceptedAt: m.charterAcceptedAt,
      profileComplete: (Boolean(m.avatarUrl) || Boolean(m.bio?.trim())) && m.languages.length > 0,
      observed: m.onboarding.observed?.length ?? 0,
      suggested: Math.min(wanted, available),
      nothingToWatch: wanted > 0 && available === 0,
      answeredAChat: answered > 0,
      stored: m.onboarding,
    });
  }

  async status(actor: HelperActor, siteId: string): Promise<OnboardingStatus> {
    requireMember(actor, siteId);
    const site = await this.site(siteId);
    const m = await this.repo.member(siteId, actor.userId);
    if (!m) throw notFound('Site');
    const [answered, available] = await Promise.all([this.repo.answered(siteId, [actor.userId]), this.repo.observableCount(siteId)]);
    const steps = this.steps(site, m, answered.get(actor.userId) ?? 0, available);
    const dates = newDates(steps, m.onboarding, new Date());
    if (Object.keys(dates).length) await this.repo.mergeOnboarding(siteId, actor.userId, dates);
    const stored = { ...m.onboarding, ...dates };
    // Steps done just now carry the date just stored.
    const shown = steps.map((s) => (s.done && !s.doneAt && s.key !== 'charter' ? { ...s, doneAt: dates[dateField[s.key]] ?? null } : s));
    const done = steps.filter((s) => s.done).length;
    return {
      siteId,
      steps: shown,
      done,
      total: steps.length,
      complete: stored.completedAt !== undefined,
      dismissed: stored.dismissedAt !== undefined,
      mentor: m.mentor,
      charter: {
        exists: Boolean(site.settings.charter),
        needsAcceptance: !charterAccepted(site, m.charterAcceptedAt),
        updatedAt: site.settings.charterUpdatedAt ?? null,
      },
    };
  }

  /** Closes the finished checklist for good; an unfinished one stays (it is how newcomers find their way). */
  async dismiss(actor: HelperActor, siteId: string): Promise<OnboardingStatus> {
    const status = await this.status(actor, siteId);
    if (!status.complete) throw new AppError(ErrorCode.invalidState, 'The checklist closes once every step is done');
    if (!status.dismissed) await this.repo.mergeOnboarding(siteId, actor.userId, { dismissedAt: new Date().toISOString() });
    return { ...status, dismissed: true };
  }

  async charter(actor: HelperActor, siteId: string): Promise<CharterView> {
    requireMember(actor, siteId);
    const site = await this.site(siteId);
    const m = await this.repo.member(siteId, actor.userId);
    if (!m) throw notFound('Site');
    return {
      siteName: site.name,
      text: charterFor(site, actor),
      updatedAt: site.settings.charterUpdatedAt ?? null,
      acceptedAt: m.charterAcceptedAt?.toISOString() ?? null,
      needsAcceptance: !charterAccepted(site, m.charterAcceptedAt),
      ...(hasRoleOn(actor, siteId, 'moderator') && site.settings.charter
        ? { versions: { text: site.settings.charter, translations: site.settings.charterTranslations ?? {} } }
        : {}),
    };
  }

  async acceptCharter(actor: HelperActor, siteId: string): Promise<CharterView> {
    requireMember(actor, siteId);
    const site = await this.site(siteId);
    if (!site.settings.charter) throw new AppError(ErrorCode.invalidState, 'This community has no charter to accept yet');
    await this.repo.acceptCharter(siteId, actor.userId, new Date());
    return this.charter(actor, siteId);
  }
}

const dateField = { profile: 'profileCompletedAt', observe: 'observedAt', firstChat: 'firstChatAt' } as const;
