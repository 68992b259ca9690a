import type { OnboardingStep } from '@tribu/protocol/client';

export interface StepWords {
  title: string;
  detail: string;
  /** Where to do it (null: on the desk itself, the request board). */
  href: string | null;
  action: string;
}

/** Each checklist step in plain, friendly words, with where to do it. */
export function stepWords(step: OnboardingStep): StepWords {
  switch (step.key) {
    case 'charter':
      return {
        title: step.done ? 'Charter accepted' : 'Read the charter',
        detail: step.done ? 'How we help visitors and each other.' : 'How we help visitors and each other: a short read.',
        href: '/backoffice/charter',
        action: step.done ? 'Reread it' : 'Read the charter',
      };
    case 'profile':
      return {
        title: step.done ? 'Profile complete' : 'Complete your profile',
        detail: 'A photo or a few words about you, and the languages you speak.',
        href: '/backoffice/profile',
        action: step.done ? 'Edit my profile' : 'Complete my profile',
      };
    case 'observe': {
      const c = step.count ?? { done: 0, of: 0 };
      if (c.of === 0)
        return { title: 'Watch a few chats', detail: 'No past chats to watch yet: nothing to do here.', href: '/backoffice/observe', action: 'Open' };
      return {
        title: step.done ? `${c.of} chats watched` : `Watch ${c.of} chats`,
        detail: `See how peers answer, read-only. ${c.done} of ${c.of} watched.`,
        href: '/backoffice/observe',
        action: step.done ? 'Watch more' : 'Watch chats',
      };
    }
    case 'firstChat':
      return {
        title: step.done ? 'First chat answered' : 'Answer a first chat',
        detail: step.done ? 'Welcome aboard: visitors are lucky to have you.' : 'Pick a request from the board when you feel ready. No rush.',
        href: null,
        action: 'See the requests',
      };
  }
}
