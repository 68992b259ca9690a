import type { Messages } from '../../i18n/index.tsx';
import { en } from '../../i18n/messages/en/index.ts';

type Badge = { key: string; name: string; description: string };

/**
 * Tribu's own badges in the reader's language. A site that renamed one keeps its own words: only the name and
 * criteria Tribu wrote (the English the server sends) are replaced.
 */
export function badgeIn<B extends Badge>(badge: B, t: Messages): B {
  const mine = t.recognition.builtIn.badges[badge.key];
  const english = BUILT_IN_EN[badge.key];
  if (!mine || !english) return badge;
  return {
    ...badge,
    name: badge.name === english.name ? mine.name : badge.name,
    description: badge.description === english.description ? mine.description : badge.description,
  };
}

/** A tier's name in the reader's language when it is one of Tribu's default tiers; a tier a site named stays its own. */
export function tierIn(name: string, t: Messages): string {
  return Object.hasOwn(t.recognition.builtIn.tiers, name) ? t.recognition.builtIn.tiers[name]! : name;
}

const BUILT_IN_EN = en.recognition.builtIn.badges;
