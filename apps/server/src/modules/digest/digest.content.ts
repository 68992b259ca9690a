import { bestAnswers, coverageGaps, coverageHeatmap, digestMissions, leaderboardMovers, newcomersOf, upcomingEvents } from '@tribu/domain';
import type { DigestContent } from '@tribu/protocol';
import type { KpiRepository } from '../kpi/kpi.repository.ts';
import type { DigestRepository } from './digest.repository.ts';

/**
 * A digest's content for a period: the facts loaded here, chosen by the domain's rules. Missions open
 * and events to come are read at `now` (a draft is counted again whenever it is read; sending freezes it).
 */
export async function digestContent(
  repos: { digest: DigestRepository; kpi: KpiRepository },
  site: { id: string; name: string; timeZone: string },
  period: { from: string; to: string },
  now: Date,
): Promise<DigestContent> {
  const { digest, kpi } = repos;
  const b = await kpi.bounds(period.from, period.to, site.timeZone);
  const [members, chats, before, after, names, missions, hours, events] = await Promise.all([
    digest.newcomers(site.id, b),
    digest.ratedChats(site.id, b),
    digest.standingsAt(site.id, b.start),
    digest.standingsAt(site.id, b.end),
    digest.memberNames(site.id),
    digest.missions(site.id, b),
    kpi.hoursOfWeek(site.id, b, site.timeZone),
    digest.events(site.id, now),
  ]);
  return {
    siteName: site.name,
    timeZone: site.timeZone,
    period,
    newcomers: newcomersOf(members, b.start, b.end),
    bestAnswers: bestAnswers(chats),
    movers: leaderboardMovers(before, after, names),
    missions: digestMissions(missions, now),
    // The same heatmap as Numbers: requests that came while nobody was online most of the hour.
    coverage: coverageGaps(coverageHeatmap(hours.requests, hours.minutes, hours.occurrences)),
    events: upcomingEvents(events, now),
  };
}
