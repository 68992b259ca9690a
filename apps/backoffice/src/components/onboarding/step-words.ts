import type { OnboardingStep } from '@tribu/protocol/client';
import type { Format, Messages } from '../../i18n/index.tsx';

export interface StepWords {
  title: string;
  detail: string;
  /** Where to do it (null: on the desk itself, the request board). */
  href: string | null;
  action: string;
}

/** Each checklist step in plain, friendly words, with where to do it. */
export function stepWords(step: OnboardingStep, t: Messages, f: Pick<Format, 'plural'>): StepWords {
  const w = t.community.onboarding;
  switch (step.key) {
    case 'charter':
      return {
        title: step.done ? w.charterAccepted : w.readCharter,
        detail: step.done ? w.charterDetailDone : w.charterDetail,
        href: '/backoffice/charter',
        action: step.done ? w.rereadIt : w.readCharter,
      };
    case 'profile':
      return {
        title: step.done ? w.profileComplete : w.completeProfile,
        detail: w.profileDetail,
        href: '/backoffice/profile',
        action: step.done ? w.editMyProfile : w.completeMyProfile,
      };
    case 'observe': {
      const c = step.count ?? { done: 0, of: 0 };
      if (c.of === 0) return { title: w.watchAFew, detail: w.nothingToWatch, href: '/backoffice/observe', action: w.open };
      return {
        title: step.done ? f.plural(c.of, w.chatsWatched) : f.plural(c.of, w.watchN),
        detail: w.watchDetail(c.done, c.of),
        href: '/backoffice/observe',
        action: step.done ? w.watchMore : w.watchChats,
      };
    }
    case 'firstChat':
      return {
        title: step.done ? w.firstAnswered : w.answerFirst,
        detail: step.done ? w.firstDetailDone : w.firstDetail,
        href: null,
        action: w.seeRequests,
      };
  }
}
