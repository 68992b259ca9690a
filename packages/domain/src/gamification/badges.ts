/** The vocabulary of badge criteria: public to helpers, shared by built-in and managers' own badges. */
export const BadgeMetric = {
  answeredChats: 'answeredChats',
  fiveStarRatings: 'fiveStarRatings',
  fastAnswers: 'fastAnswers',
  nightChats: 'nightChats',
  languages: 'languages',
  mentoredNewcomers: 'mentoredNewcomers',
  likedPosts: 'likedPosts',
} as const;
export type BadgeMetric = (typeof BadgeMetric)[keyof typeof BadgeMetric];

/** A helper's counts for every metric, derived from their chats, ratings and feed. */
export type HelperStats = Record<BadgeMetric, number>;

export interface BadgeDef {
  key: string;
  name: string;
  /** Shown to helpers as the public criterion. */
  description: string;
  metric: BadgeMetric;
  target: number;
}

const milestone = (n: number, name: string): BadgeDef => ({
  key: `chats-${n}`,
  name,
  description: n === 1 ? 'Answer your first chat' : `Answer ${n.toLocaleString('en')} chats`,
  metric: BadgeMetric.answeredChats,
  target: n,
});

export const DEFAULT_BADGES: BadgeDef[] = [
  milestone(1, 'First answer'),
  milestone(10, 'Regular'),
  milestone(50, 'Go-to person'),
  milestone(100, 'Centurion'),
  milestone(500, 'Pillar'),
  milestone(1000, 'Legend'),
  { key: 'quality-10', name: 'Five stars', description: 'Get 10 ratings of 5 stars', metric: BadgeMetric.fiveStarRatings, target: 10 },
  { key: 'speed-10', name: 'Quick draw', description: 'Answer 10 chats within a minute', metric: BadgeMetric.fastAnswers, target: 10 },
  { key: 'night-owl', name: 'Night owl', description: 'Answer 5 chats between 22:00 and 06:00 (site time)', metric: BadgeMetric.nightChats, target: 5 },
  { key: 'polyglot', name: 'Polyglot', description: 'Answer chats in 2 languages', metric: BadgeMetric.languages, target: 2 },
  { key: 'mentor', name: 'Mentor', description: "Help 3 newcomers' first chats via Ask the room", metric: BadgeMetric.mentoredNewcomers, target: 3 },
  { key: 'voice', name: 'Community voice', description: 'Write feed posts that get 10 likes', metric: BadgeMetric.likedPosts, target: 10 },
];

export interface BadgeProgress {
  badge: BadgeDef;
  current: number;
  earned: boolean;
  /** 0–1, for the progress bar. */
  progress: number;
}

/** Progress on every badge; a badge once earned stays earned even if a count later drops (a manager decides). */
export function badgeProgress(stats: HelperStats, badges: BadgeDef[] = DEFAULT_BADGES, alreadyEarned: ReadonlySet<string> = new Set()): BadgeProgress[] {
  return badges.map((badge) => {
    const current = stats[badge.metric] ?? 0;
    const earned = alreadyEarned.has(badge.key) || current >= badge.target;
    return { badge, current, earned, progress: earned ? 1 : Math.min(1, current / badge.target) };
  });
}

/** Badges newly reached by these stats (to award idempotently, key = badge key per helper). */
export function newlyEarned(stats: HelperStats, badges: BadgeDef[], alreadyEarned: ReadonlySet<string>): BadgeDef[] {
  return badges.filter((b) => !alreadyEarned.has(b.key) && (stats[b.metric] ?? 0) >= b.target);
}

/** Whether a moment is "night" (22:00–06:00) in the site's time zone. */
export function isNight(at: Date, timeZone: string): boolean {
  const hour = Number(new Intl.DateTimeFormat('en-GB', { hour: '2-digit', hourCycle: 'h23', timeZone }).format(at));
  return hour >= 22 || hour < 6;
}
