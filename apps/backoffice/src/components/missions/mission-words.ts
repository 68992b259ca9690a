import type { Mission, MissionGoal, MissionSlot } from '@tribu/protocol/client';
import type { Format, Messages } from '../../i18n/index.tsx';

type F = Pick<Format, 'locale' | 'plural' | 'number' | 'list' | 'dayMonth'>;

/** "Answer 5 chats on billing in German", "Post 3 tips in the feed"… */
export function goalWords(g: MissionGoal, t: Messages, f: F): string {
  const w = t.community.missions;
  switch (g.kind) {
    case 'chats':
      return [
        f.plural(g.target, w.answerChats),
        g.topic ? w.onTopic(g.topic) : null,
        g.language ? w.inLanguage(languageName(g.language, f)) : null,
        g.slot ? slotWords(g.slot, t) : null,
      ]
        .filter(Boolean)
        .join(' ');
    case 'tips':
      return f.plural(g.target, w.postTips);
    case 'good_ratings':
      return f.plural(g.target, w.goodRatings);
    case 'checked':
      return g.target === 1 ? w.checkedOnce : w.checkedTimes(g.target);
  }
}

const hh = (h: number) => `${String(h).padStart(2, '0')}:00`;
/** "on Sundays 18:00–20:00" (site time). */
export const slotWords = (s: MissionSlot, t: Messages) =>
  t.community.missions.slot(t.community.missions.weekdays[s.weekday - 1] ?? '', hh(s.fromHour), hh(s.toHour));

/** A language's name in the reader's language: `de` → "German", "allemand", "alemán". */
export function languageName(code: string, f: Pick<Format, 'locale'>): string {
  try {
    return new Intl.DisplayNames([f.locale], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** "15 points and the “Mentor” badge". */
export function rewardWords(m: Pick<Mission, 'rewardPoints' | 'rewardBadge'>, t: Messages, f: F): string {
  const w = t.community.missions;
  const parts = [m.rewardPoints > 0 ? f.plural(m.rewardPoints, w.points) : null, m.rewardBadge ? w.badge(m.rewardBadge.name) : null].filter(
    (p): p is string => p !== null,
  );
  return f.list(parts);
}

/** "Dec 1 – Dec 31". */
export const periodWords = (m: Pick<Mission, 'startsAt' | 'endsAt'>, f: F) => `${f.dayMonth(m.startsAt)} – ${f.dayMonth(m.endsAt)}`;

/** The visible count beside a bar: "3 of 5", or "120 of 300 together". */
export const countWords = (m: Mission, t: Messages, f: F) => {
  const w = t.community.missions;
  const current = f.number(Math.min(m.current, m.target));
  return m.scope === 'community' ? w.countTogether(current, f.number(m.target)) : w.count(current, f.number(m.target));
};
