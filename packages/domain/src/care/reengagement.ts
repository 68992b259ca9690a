/** Site setting bounds of the "we miss you" note. */
export const REENGAGEMENT_LIMITS = { inactiveDaysMin: 7, inactiveDaysMax: 365, template: 2000, listed: 5 } as const;
export const DEFAULT_INACTIVE_DAYS = 30;
export const DEFAULT_NOTE_TEMPLATE =
  'Hello {name},\n\nWe have not seen you around for a while: no pressure at all, we simply miss you. Here is what changed since your last visit:\n\n{changes}\n\nDrop by whenever you feel like it.';

const DAY_MS = 86_400_000;

export interface NoteDueInput {
  enabled: boolean;
  inactiveDays: number;
  optedOut: boolean;
  /** Their last activity on the site (online, an answer, or joining). */
  lastActiveAt: Date;
  /** Their last note from this site, if any. */
  lastNoteAt: Date | null;
  now: Date;
}

/**
 * Whether a helper gets a note now: the site sends them, they did not opt out, they have been away
 * `inactiveDays`, and they got no note since their last activity (one per spell of absence). So two
 * notes are always at least `inactiveDays` apart: at most one per period.
 */
export function noteDue(i: NoteDueInput): boolean {
  if (!i.enabled || i.optedOut) return false;
  const period = i.inactiveDays * DAY_MS;
  if (i.now.getTime() - i.lastActiveAt.getTime() < period) return false;
  return !(i.lastNoteAt && i.lastNoteAt >= i.lastActiveAt);
}

/** A nudged helper came back: active again after the note, within `windowDays` of it. */
export function cameBack(sentAt: Date, activeAgainAt: Date | null, windowDays: number): boolean {
  if (!activeAgainAt) return false;
  const t = activeAgainAt.getTime() - sentAt.getTime();
  return t > 0 && t <= windowDays * DAY_MS;
}

/** What is new on the site since a helper's last visit (titles, newest first). */
export interface SiteChanges {
  missions: string[];
  events: string[];
  rewards: string[];
  announcements: string[];
}

const LABELS: [keyof SiteChanges, string, string][] = [
  ['missions', 'new mission', 'new missions'],
  ['events', 'upcoming event', 'upcoming events'],
  ['rewards', 'new reward', 'new rewards'],
  ['announcements', 'announcement', 'announcements'],
];

/** "What changed since", one line per kind: `- 2 new missions: A, B`; a few titles, then "and N more". */
export function changesText(c: SiteChanges): string {
  const lines = LABELS.filter(([k]) => c[k].length > 0).map(([k, one, many]) => {
    const items = c[k];
    const shown = items.slice(0, REENGAGEMENT_LIMITS.listed).join(', ');
    const more = items.length > REENGAGEMENT_LIMITS.listed ? ` and ${items.length - REENGAGEMENT_LIMITS.listed} more` : '';
    return `- ${items.length} ${items.length === 1 ? one : many}: ${shown}${more}`;
  });
  return lines.length ? lines.join('\n') : '- Nothing big: the community simply carried on answering.';
}

/** The manager's template with `{name}` and `{changes}` filled in (every occurrence; other braces stay). */
export function renderNote(template: string, v: { name: string; changes: string }): string {
  return template.replaceAll('{name}', v.name).replaceAll('{changes}', v.changes);
}
