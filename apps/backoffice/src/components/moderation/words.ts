import type { ReportKind } from '@tribu/protocol/client';

/** How the moderation pages name things, in one place. */
export const KIND_LABEL: Record<ReportKind, string> = { message: 'Chat message', post: 'Feed post', comment: 'Comment' };

export const DURATIONS = [
  { value: '1d', label: '1 day' },
  { value: '7d', label: '7 days' },
  { value: '30d', label: '30 days' },
  { value: 'forever', label: 'For ever' },
] as const;

/** An audit action as a short phrase: "Morgane banned a visitor". */
export const ACTION_LABEL: Record<string, string> = {
  'report.dismissed': 'dismissed a report',
  'report.resolved': 'resolved a report',
  'visitor.banned': 'banned a visitor',
  'ban.lifted': 'lifted a ban',
  'blocked_words.changed': 'changed the blocked words',
  'member.suspended': 'suspended a member',
  'member.reinstated': 'reinstated a member',
  'member.removed': 'removed a member',
  'chat.ended': 'ended a chat',
  'feed.hidden': 'hid a feed item',
  'feed.deleted': 'deleted a feed item',
  'feed.restored': 'restored a feed item',
  'points.adjusted': 'adjusted points',
  'reward.approved': 'approved a reward',
  'reward.fulfilled': 'sent a reward',
  'reward.rejected': 'declined a reward',
  'charter.updated': 'changed the charter',
  'charter.removed': 'removed the charter',
  'mentor.assigned': 'gave a newcomer a mentor',
  'mentor.removed': "removed a newcomer's mentor",
  'onboarding.settings': 'changed how many chats newcomers watch',
  'privacy.exported': "downloaded a visitor's data",
  'privacy.erased': "erased a visitor's data",
  'webhook.created': 'added a webhook endpoint',
  'webhook.updated': 'changed a webhook endpoint',
  'webhook.secret_rotated': "replaced a webhook endpoint's secret",
  'webhook.deleted': 'deleted a webhook endpoint',
  'webhook.resent': 'resent a webhook delivery',
};
export const actionLabel = (a: string) => ACTION_LABEL[a] ?? a.replace(/[._]/g, ' ');

const AREA: Record<string, string> = {
  visitor: 'Ban',
  ban: 'Ban',
  member: 'Team',
  report: 'Report',
  feed: 'Feed',
  blocked_words: 'Words',
  chat: 'Chat',
  points: 'Points',
  reward: 'Rewards',
  webhook: 'Webhooks',
};
/** The area an action belongs to, as a short tag. */
export const actionArea = (a: string) => {
  const head = a.split('.')[0] ?? a;
  return AREA[head] ?? head.replace(/_/g, ' ');
};

/** "14:02" today, "Mon 14:02" this week, else "3 Nov, 14:02". */
export function stamp(iso: string, now = Date.now()): string {
  const d = new Date(iso);
  const time = d.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
  const age = now - d.getTime();
  if (age < 20 * 3600_000 && new Date(now).getDate() === d.getDate()) return time;
  if (age < 6 * 24 * 3600_000) return `${d.toLocaleDateString(undefined, { weekday: 'short' })} ${time}`;
  return `${d.toLocaleDateString(undefined, { day: 'numeric', month: 'short' })}, ${time}`;
}

/** "until 3 Dec" or "for ever". */
export const untilText = (until: string | null) =>
  until ? `until ${new Date(until).toLocaleDateString(undefined, { day: 'numeric', month: 'short', year: 'numeric' })}` : 'for ever';
