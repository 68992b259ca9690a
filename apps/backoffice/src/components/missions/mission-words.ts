import type { Mission, MissionGoal, MissionSlot } from '@tribu/protocol/client';

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** "Answer 5 chats on billing in German", "Post 3 tips in the feed"… */
export function goalWords(g: MissionGoal): string {
  switch (g.kind) {
    case 'chats':
      return `Answer ${plural(g.target, 'chat')}${g.topic ? ` on ${g.topic}` : ''}${g.language ? ` in ${languageName(g.language)}` : ''}${g.slot ? ` ${slotWords(g.slot)}` : ''}`;
    case 'tips':
      return `Post ${plural(g.target, 'tip')} in the feed`;
    case 'good_ratings':
      return `Get ${plural(g.target, 'chat')} rated 4 or 5 stars`;
    case 'checked':
      return g.target === 1 ? 'Do it and show it (a link or a few words)' : `Do it ${g.target} times and show it`;
  }
}

export const WEEKDAY_NAMES = ['Mondays', 'Tuesdays', 'Wednesdays', 'Thursdays', 'Fridays', 'Saturdays', 'Sundays'];
const hh = (h: number) => `${String(h).padStart(2, '0')}:00`;
/** "on Sundays 18:00–20:00" (site time). */
export const slotWords = (s: MissionSlot) => `on ${WEEKDAY_NAMES[s.weekday - 1]} ${hh(s.fromHour)}–${hh(s.toHour)}`;

export function languageName(code: string): string {
  try {
    return new Intl.DisplayNames(['en'], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

export function rewardWords(m: Pick<Mission, 'rewardPoints' | 'rewardBadge'>): string {
  const parts = [m.rewardPoints > 0 ? plural(m.rewardPoints, 'point') : null, m.rewardBadge ? `the “${m.rewardBadge.name}” badge` : null].filter(Boolean);
  return parts.join(' and ');
}

const DAY = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short' });
/** "1 Dec – 31 Dec". */
export const periodWords = (m: Pick<Mission, 'startsAt' | 'endsAt'>) => `${DAY.format(new Date(m.startsAt))} – ${DAY.format(new Date(m.endsAt))}`;

/** The visible count beside a bar: "3 of 5", or "120 of 300 together". */
export const countWords = (m: Mission) => `${Math.min(m.current, m.target)} of ${m.target}${m.scope === 'community' ? ' together' : ''}`;
