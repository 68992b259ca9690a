/** Why a person is not called (or `send`): the reasons are data, so tests and logs name them. */
export const PushVerdict = {
  send: 'send',
  /** The person may not take this request (not a member, suspended, or a staff item for managers only). */
  notAllowed: 'not-allowed',
  /** They said they are away. */
  away: 'away',
  /** A backoffice tab of theirs is open somewhere: the tab alerts them itself. */
  tabOpen: 'tab-open',
  /** Inside their quiet hours, in their own time zone. */
  quiet: 'quiet',
  /** They were already called about this request. */
  already: 'already',
  /** Too many pushes lately. */
  rate: 'rate',
} as const;
export type PushVerdict = (typeof PushVerdict)[keyof typeof PushVerdict];

/** At most this many pushes to one person per window (a busy evening must not become a siren). */
export const PUSH_RATE = { max: 4, windowMs: 15 * 60_000 } as const;
/** Default seconds a request waits unclaimed before helpers are called. */
export const DEFAULT_PUSH_AFTER_SEC = 60;
/** Default hours between two "visitors are waiting" emails to one person. */
export const DEFAULT_WAITING_EMAIL_HOURS = 4;

export interface QuietHours {
  /** `HH:MM`, 24 h; a window may span midnight (22:00 → 07:00). */
  start: string;
  end: string;
}

const minutesOf = (hhmm: string): number | null => {
  const m = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(hhmm);
  return m ? Number(m[1]) * 60 + Number(m[2]) : null;
};

/** Minutes since local midnight at `now` in `timeZone` (an unknown zone reads as UTC). */
export function localMinutes(now: Date, timeZone: string | undefined): number {
  let parts: Intl.DateTimeFormatPart[];
  try {
    parts = new Intl.DateTimeFormat('en-GB', { timeZone: timeZone || 'UTC', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(now);
  } catch {
    parts = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(now);
  }
  const hour = Number(parts.find((p) => p.type === 'hour')?.value ?? 0);
  const minute = Number(parts.find((p) => p.type === 'minute')?.value ?? 0);
  return hour * 60 + minute;
}

/** True when `now` falls in the quiet window in the person's zone; start included, end excluded. */
export function inQuietHours(quiet: QuietHours | null | undefined, timeZone: string | undefined, now: Date): boolean {
  if (!quiet) return false;
  const start = minutesOf(quiet.start);
  const end = minutesOf(quiet.end);
  if (start === null || end === null || start === end) return false;
  const t = localMinutes(now, timeZone);
  return start < end ? t >= start && t < end : t >= start || t < end;
}

/** Everything the push rule needs about one person and one reason to call them. */
export interface PushCandidate {
  /** The access layer's answer: may they take this request / read this chat? */
  mayTake: boolean;
  away: boolean;
  /** Backoffice tabs of theirs open on any node. */
  openTabs: number;
  quietHours: QuietHours | null | undefined;
  timeZone: string | undefined;
  /** Already called about this very request. */
  alreadySent: boolean;
  /** When their recent pushes went out (any order; older ones are ignored). */
  recentSends: Date[];
}

/**
 * Whether to call a person now. The order is the order of the reasons a person would give:
 * first who they are (allowed, away), then where they are (a tab open), then when (quiet hours),
 * then how often (this request already, the rate).
 */
export function pushVerdict(c: PushCandidate, now: Date): PushVerdict {
  if (!c.mayTake) return PushVerdict.notAllowed;
  if (c.away) return PushVerdict.away;
  if (c.openTabs > 0) return PushVerdict.tabOpen;
  if (inQuietHours(c.quietHours, c.timeZone, now)) return PushVerdict.quiet;
  if (c.alreadySent) return PushVerdict.already;
  const since = now.getTime() - PUSH_RATE.windowMs;
  if (c.recentSends.filter((d) => d.getTime() > since).length >= PUSH_RATE.max) return PushVerdict.rate;
  return PushVerdict.send;
}

/** The "visitors are waiting" email is due when none went out in the last `everyHours` hours. */
export function waitingEmailDue(lastSentAt: Date | null, everyHours: number, now: Date): boolean {
  return lastSentAt === null || now.getTime() - lastSentAt.getTime() >= everyHours * 3_600_000;
}

/** Is `value` a valid `HH:MM`? (The profile form and the route's schema use it.) */
export const isClockTime = (value: string): boolean => minutesOf(value) !== null;
