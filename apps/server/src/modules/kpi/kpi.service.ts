import { coverageHeatmap, daysInPeriod, eachDay, fullTimeEquivalent, previousPeriod, ratingAverage, ratio } from '@tribu/domain';
import type { KpiDay, KpiInactiveHelper, KpiQuery, KpiReport, KpiSummary } from '@tribu/protocol';
import type { HelperActor } from '../actors.ts';
import { requireKeyScope, requireManager } from '../access.ts';
import type { ApiKeyPrincipal } from '../sales/api-key.service.ts';
import type { ModuleDeps } from '../module-deps.ts';
import { KpiRepository, type SummaryRow } from './kpi.repository.ts';
import { salesReport } from './sales.service.ts';

const iso = (v: Date | string | null) => (v === null ? null : new Date(v).toISOString());

/** Turns the database's sums into the figures of the dashboard (definitions in @tribu/domain). */
function toSummary(r: SummaryRow, days: number): KpiSummary {
  const ratingCounts: KpiSummary['ratingCounts'] = [r.r1, r.r2, r.r3, r.r4, r.r5];
  const rated = ratingCounts.reduce((a, b) => a + b, 0);
  const chatHours = r.chatSec / 3600;
  return {
    requests: r.requests,
    answered: r.answered,
    missed: r.missed,
    abandoned: r.abandoned,
    answerRate: ratio(r.answered, r.requests),
    medianFirstAnswerSec: r.medianFirstAnswerSec,
    p90FirstAnswerSec: r.p90FirstAnswerSec,
    medianChatSec: r.medianChatSec,
    chatHours,
    fte: fullTimeEquivalent(chatHours, days),
    ratingAverage: ratingAverage(ratingCounts),
    ratingCounts,
    rated,
    ratedShare: ratio(rated, r.answered),
  };
}

/** The managers' numbers of one site over a period of days in the site's time zone. */
export class KpiService {
  private readonly repo: KpiRepository;

  constructor(private readonly deps: ModuleDeps) {
    this.repo = new KpiRepository(deps.db);
  }

  async report(actor: HelperActor, siteId: string, q: KpiQuery): Promise<KpiReport> {
    requireManager(actor, siteId);
    return this.figures(siteId, q);
  }

  /** The same figures for a site API key holding `numbers:read` (GET /api/v1/numbers). */
  async reportForKey(key: ApiKeyPrincipal, q: KpiQuery): Promise<KpiReport> {
    requireKeyScope(key, 'numbers:read');
    return this.figures(key.siteId, q);
  }

  /** The numbers of one site, for whoever the caller checked may read them (managers, a key, the monthly report). */
  async figures(siteId: string, q: KpiQuery): Promise<KpiReport> {
    const timeZone = (await this.deps.sites.byId(siteId))?.settings.timeZone ?? 'UTC';
    const days = daysInPeriod(q.from, q.to);
    const prev = previousPeriod(q.from, q.to);
    const [b, pb] = await Promise.all([this.repo.bounds(q.from, q.to, timeZone), this.repo.bounds(prev.from, prev.to, timeZone)]);
    const [summary, previous, daily, hours, helpers] = await Promise.all([
      this.repo.summary(siteId, b),
      this.repo.summary(siteId, pb),
      this.repo.daily(siteId, b, timeZone),
      this.repo.hoursOfWeek(siteId, b, timeZone),
      this.repo.perHelper(siteId, b),
    ]);
    // Revenue per chat hour needs the period's chat hours.
    const sales = await salesReport(this.deps.db, siteId, b, summary.chatSec / 3600);
    const perHelper = helpers.map(({ lastAnswerAt: _unused, ...h }) => ({ ...h, lastSeenAt: iso(h.lastSeenAt), joinedAt: iso(h.joinedAt) }));
    const inactive: KpiInactiveHelper[] = helpers
      .filter((h) => h.role === 'helper' && h.chats === 0 && h.joinedAt !== null)
      .map((h) => ({ userId: h.userId, name: h.name, joinedAt: iso(h.joinedAt)!, lastSeenAt: iso(h.lastSeenAt), lastAnswerAt: iso(h.lastAnswerAt) }))
      // Those away the longest first: they are the ones to reach out to.
      .sort((x, y) => (x.lastSeenAt ?? '').localeCompare(y.lastSeenAt ?? ''));
    const isNew = (joined: Date | string | null) => joined !== null && new Date(joined) >= b.start && new Date(joined) < b.end;
    return {
      siteId,
      timeZone,
      from: q.from,
      to: q.to,
      days,
      summary: toSummary(summary, days),
      previous: { ...prev, summary: toSummary(previous, days), activeHelpers: previous.activeHelpers },
      helpers: {
        active: summary.activeHelpers,
        new: helpers.filter((h) => h.role === 'helper' && isNew(h.joinedAt)).length,
        inactive: inactive.length,
      },
      daily: fillDays(q.from, q.to, daily),
      heatmap: coverageHeatmap(hours.requests, hours.minutes, hours.occurrences),
      perHelper,
      inactive,
      sales,
    };
  }
}

/** Every day of the period, with zeros where nobody asked (charts need a continuous axis). */
function fillDays(from: string, to: string, rows: KpiDay[]): KpiDay[] {
  const byDate = new Map(rows.map((r) => [r.date, r]));
  return eachDay(from, to).map((date) => byDate.get(date) ?? { date, requests: 0, answered: 0, missed: 0, abandoned: 0, medianFirstAnswerSec: null });
}
