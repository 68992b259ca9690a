import type { MembershipOnboarding } from '@tribu/db';
import type { OnboardingStep, OnboardingStepKey } from '@tribu/protocol';

/** What the checklist is derived from: real data about the member, and what the site asks. */
export interface StepFacts {
  /** The site has a charter (no charter: no charter step). */
  charterExists: boolean;
  /** I accepted the charter's current version. */
  charterAccepted: boolean;
  charterAcceptedAt: Date | null;
  /** A photo or a bio, and at least one language. */
  profileComplete: boolean;
  /** Chats I watched read-only. */
  observed: number;
  /** Chats the site suggests watching (0: no such step), already capped by what there is to watch. */
  suggested: number;
  /** The site asks for some watching, but there is nothing to watch yet. */
  nothingToWatch: boolean;
  /** I answered at least one chat on the site. */
  answeredAChat: boolean;
  stored: MembershipOnboarding;
}

/** The checklist, each step done when the data says so or when its date was stored earlier. */
export function deriveSteps(f: StepFacts): OnboardingStep[] {
  const s = f.stored;
  const steps: OnboardingStep[] = [];
  if (f.charterExists) {
    steps.push({ key: 'charter', done: f.charterAccepted, doneAt: f.charterAccepted ? (f.charterAcceptedAt?.toISOString() ?? null) : null });
  }
  steps.push(step('profile', f.profileComplete, s.profileCompletedAt));
  if (f.suggested > 0 || f.nothingToWatch) {
    // A site with nothing to watch yet does not hold anyone back.
    const count = f.nothingToWatch ? { done: 0, of: 0 } : { done: Math.min(f.observed, f.suggested), of: f.suggested };
    steps.push({ ...step('observe', f.nothingToWatch || f.observed >= f.suggested, s.observedAt), count });
  }
  steps.push(step('firstChat', f.answeredAChat, s.firstChatAt));
  return steps;
}

function step(key: OnboardingStepKey, derived: boolean, storedAt: string | undefined): OnboardingStep {
  return { key, done: derived || storedAt !== undefined, doneAt: storedAt ?? null };
}

/** Dates to store now: steps the data shows done for the first time, and the whole list once complete. */
export function newDates(steps: OnboardingStep[], stored: MembershipOnboarding, now: Date): Partial<MembershipOnboarding> {
  const at = now.toISOString();
  const out: Partial<MembershipOnboarding> = {};
  const field = { profile: 'profileCompletedAt', observe: 'observedAt', firstChat: 'firstChatAt' } as const;
  for (const s of steps) {
    if (s.key === 'charter' || !s.done || s.doneAt) continue;
    out[field[s.key]] = at;
  }
  if (!stored.completedAt && steps.every((s) => s.done)) out.completedAt = at;
  return out;
}
