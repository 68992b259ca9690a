import type { DigestAnswer, DigestContent, DigestEvent, DigestGap, DigestMover, DigestSection } from '@tribu/protocol';
import { DIGEST_SECTIONS } from '@tribu/protocol';
import { anonymise } from '../anonymise.ts';
import { rank, type Standing } from '../gamification/leaderboard.ts';
import { missionStatus, type MissionWindow } from '../gamification/missions.ts';
import type { HeatCell } from '../kpi/heatmap.ts';

/**
 * What the digest says, chosen by rules with no I/O: the server loads the facts of the period and
 * passes the clock. Visitors are never named; helpers are named beside an answer only when they said yes.
 */

export const DIGEST_CAPS = { newcomers: 20, answers: 3, movers: 5, missions: 5, gaps: 5, events: 5, excerpt: 280 } as const;

/** Cut at a word near `max` characters, with an ellipsis. */
export function excerpt(text: string, max: number = DIGEST_CAPS.excerpt): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

export interface NewcomerFact {
  name: string;
  joinedAt: Date;
}

/** Members who joined in [start, end), first come first. */
export function newcomersOf(members: readonly NewcomerFact[], start: Date, end: Date): string[] {
  return members
    .filter((m) => m.joinedAt >= start && m.joinedAt < end)
    .sort((a, b) => a.joinedAt.getTime() - b.joinedAt.getTime() || a.name.localeCompare(b.name))
    .slice(0, DIGEST_CAPS.newcomers)
    .map((m) => m.name);
}

export interface RatedChatFact {
  helperId: string;
  helperName: string;
  /** The helper agreed to be named in the digest (profile). */
  helperConsents: boolean;
  rating: number | null;
  question: string;
  /** The helper's answer (their longest message in the chat). */
  answer: string;
  closedAt: Date;
}

/**
 * The best-rated answers: rated 4–5, best first then most recent, one per helper so the light is
 * spread; question and answer scrubbed of contact details and cut short; the helper named only with consent.
 */
export function bestAnswers(chats: readonly RatedChatFact[]): DigestAnswer[] {
  const seen = new Set<string>();
  const out: DigestAnswer[] = [];
  const sorted = chats
    .filter((c) => c.rating !== null && c.rating >= 4 && c.answer.trim() && c.question.trim())
    .sort((a, b) => b.rating! - a.rating! || b.closedAt.getTime() - a.closedAt.getTime());
  for (const c of sorted) {
    if (seen.has(c.helperId)) continue;
    seen.add(c.helperId);
    out.push({
      question: excerpt(anonymise(c.question)),
      answer: excerpt(anonymise(c.answer)),
      rating: c.rating!,
      helper: c.helperConsents ? c.helperName : null,
    });
    if (out.length === DIGEST_CAPS.answers) break;
  }
  return out;
}

/**
 * Who climbed the all-time leaderboard during the period: standings at its start and at its end,
 * ranked by the leaderboard's own rule; a climber earned points and gained places (or entered it).
 * Most places gained first; people no longer in the community (no name) are left out.
 */
export function leaderboardMovers(before: readonly Standing[], after: readonly Standing[], names: ReadonlyMap<string, string>): DigestMover[] {
  const was = new Map(rank([...before]).map((r) => [r.helperId, r]));
  const entryRank = before.length + 1;
  return rank([...after])
    .flatMap((r) => {
      const b = was.get(r.helperId);
      const name = names.get(r.helperId);
      const points = r.points - (b?.points ?? 0);
      if (!name || points <= 0 || (b && b.rank <= r.rank)) return [];
      return [{ name, from: b?.rank ?? null, to: r.rank, points, gained: (b?.rank ?? entryRank) - r.rank }];
    })
    .sort((x, y) => y.gained - x.gained || x.to - y.to)
    .slice(0, DIGEST_CAPS.movers)
    .map(({ gained: _gained, ...m }) => m);
}

export interface DigestMissionFact extends MissionWindow {
  title: string;
  why: string;
  joined: number;
  /** People who completed it in the period. */
  completions: number;
}

/** Missions open now (or about to start), ending soonest first; and those completed by someone in the period, most completions first. */
export function digestMissions(missions: readonly DigestMissionFact[], now: Date): DigestContent['missions'] {
  const open = missions
    .filter((m) => ['open', 'upcoming'].includes(missionStatus(m, now)))
    .sort((a, b) => a.endsAt.getTime() - b.endsAt.getTime())
    .slice(0, DIGEST_CAPS.missions)
    .map((m) => ({ title: m.title, why: excerpt(m.why, 200), endsAt: m.endsAt.toISOString(), joined: m.joined }));
  const completed = missions
    .filter((m) => m.completions > 0)
    .sort((a, b) => b.completions - a.completions || a.title.localeCompare(b.title))
    .slice(0, DIGEST_CAPS.missions)
    .map((m) => ({ title: m.title, completions: m.completions }));
  return { open, completed };
}

/**
 * Gaps in coverage from the Numbers' heatmap: hours of a weekday with requests and nobody online,
 * joined into runs ("Sunday 18:00–21:00"), most requests first.
 */
export function coverageGaps(cells: readonly HeatCell[]): DigestGap[] {
  const runs: DigestGap[] = [];
  const sorted = cells.filter((c) => c.gap).sort((a, b) => a.weekday - b.weekday || a.hour - b.hour);
  for (const c of sorted) {
    const last = runs.at(-1);
    if (last && last.weekday === c.weekday && last.toHour === c.hour) {
      last.toHour = c.hour + 1;
      last.requests += c.requests;
    } else {
      runs.push({ weekday: c.weekday, fromHour: c.hour, toHour: c.hour + 1, requests: c.requests });
    }
  }
  return runs.sort((a, b) => b.requests - a.requests || a.weekday - b.weekday || a.fromHour - b.fromHour).slice(0, DIGEST_CAPS.gaps);
}

export interface DigestEventFact {
  title: string;
  startsAt: Date;
  place: string;
  link: string;
  audience: 'everyone' | 'tier' | 'picked';
  cancelledAt: Date | null;
}

/** Days ahead an event is announced. */
export const EVENTS_AHEAD_DAYS = 45;

/** Events still to come (not cancelled, open to more than hand-picked people) within 45 days, soonest first. */
export function upcomingEvents(events: readonly DigestEventFact[], now: Date): DigestEvent[] {
  const until = now.getTime() + EVENTS_AHEAD_DAYS * 86_400_000;
  return events
    .filter((e) => !e.cancelledAt && e.audience !== 'picked' && e.startsAt > now && e.startsAt.getTime() <= until)
    .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime())
    .slice(0, DIGEST_CAPS.events)
    .map((e) => ({ title: e.title, startsAt: e.startsAt.toISOString(), place: e.place.trim() || (e.link.trim() ? 'Online' : '') }));
}

/** The sections a digest shows: those the manager kept that have something to say, in reading order. */
export function visibleSections(content: DigestContent, note: string, hidden: readonly DigestSection[]): DigestSection[] {
  const has: Record<DigestSection, boolean> = {
    note: note.trim().length > 0,
    newcomers: content.newcomers.length > 0,
    bestAnswers: content.bestAnswers.length > 0,
    movers: content.movers.length > 0,
    missions: content.missions.open.length + content.missions.completed.length > 0,
    coverage: content.coverage.length > 0,
    events: content.events.length > 0,
  };
  return DIGEST_SECTIONS.filter((s) => has[s] && !hidden.includes(s));
}
