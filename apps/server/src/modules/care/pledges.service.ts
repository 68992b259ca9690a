import { asc, eq, and } from 'drizzle-orm';
import { coveragePledges, users } from '@tribu/db';
import { coverageHeatmap, nextPledgedHour, pledgedHours, weekHourIn, type NextPledged } from '@tribu/domain';
import type { PledgeSlot, PledgesView, SitePledgesView } from '@tribu/protocol';
import type { HelperActor } from '../actors.ts';
import { requireManager, requireMember } from '../access.ts';
import { KpiRepository } from '../kpi/kpi.repository.ts';
import type { ModuleDeps } from '../module-deps.ts';
import type { SiteRow } from '../sites/site.service.ts';

/** The coverage gaps a helper pledges against: the last four weeks. */
const GAP_WEEKS = 4;
const DAY_MS = 86_400_000;
/** The widget's "usually answered from" is read on every page view: pledges are cached a minute per node. */
const NEXT_TTL_MS = 60_000;

/** Helpers' soft weekly slots, the gaps they answer, and the next one for the widget. */
export class PledgesService {
  private readonly kpi: KpiRepository;
  private readonly cache = new Map<string, { pledged: number[]; at: number }>();

  constructor(private readonly deps: ModuleDeps) {
    this.kpi = new KpiRepository(deps.db);
  }

  private async zone(siteId: string): Promise<string> {
    return (await this.deps.sites.byId(siteId))?.settings.timeZone ?? 'UTC';
  }

  private async rows(siteId: string) {
    return this.deps.db
      .select({
        userId: coveragePledges.userId,
        name: users.displayName,
        weekday: coveragePledges.weekday,
        startHour: coveragePledges.startHour,
        endHour: coveragePledges.endHour,
      })
      .from(coveragePledges)
      .innerJoin(users, eq(users.id, coveragePledges.userId))
      .where(eq(coveragePledges.siteId, siteId))
      .orderBy(asc(coveragePledges.weekday), asc(coveragePledges.startHour), asc(users.displayName));
  }

  /** My slots beside the site's gaps (last four weeks) and how many pledged each hour. */
  async mine(actor: HelperActor, siteId: string, now = new Date()): Promise<PledgesView> {
    requireMember(actor, siteId);
    const timeZone = await this.zone(siteId);
    const all = await this.rows(siteId);
    const to = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
    const from = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
      new Date(now.getTime() - (GAP_WEEKS * 7 - 1) * DAY_MS),
    );
    const bounds = await this.kpi.bounds(from, to, timeZone);
    const hours = await this.kpi.hoursOfWeek(siteId, bounds, timeZone);
    const heat = coverageHeatmap(hours.requests, hours.minutes, hours.occurrences);
    return {
      timeZone,
      mine: all.filter((p) => p.userId === actor.userId).map(({ weekday, startHour, endHour }) => ({ weekday, startHour, endHour })),
      pledged: pledgedHours(all),
      gaps: heat.map((c) => c.gap),
    };
  }

  /** Replaces my slots as a whole (a helper edits them as one list). */
  async replace(actor: HelperActor, siteId: string, slots: PledgeSlot[]): Promise<PledgesView> {
    requireMember(actor, siteId);
    await this.deps.db.transaction(async (tx) => {
      await tx.delete(coveragePledges).where(and(eq(coveragePledges.siteId, siteId), eq(coveragePledges.userId, actor.userId)));
      if (slots.length) await tx.insert(coveragePledges).values(slots.map((s) => ({ ...s, siteId, userId: actor.userId })));
    });
    this.cache.delete(siteId);
    return this.mine(actor, siteId);
  }

  /** Managers: every helper's slots, for the projected coverage on Numbers. */
  async all(actor: HelperActor, siteId: string): Promise<SitePledgesView> {
    requireManager(actor, siteId);
    const [timeZone, pledges] = await Promise.all([this.zone(siteId), this.rows(siteId)]);
    return { timeZone, pledges, pledged: pledgedHours(pledges) };
  }

  /** The next hour enough helpers pledged (the site's threshold), in the site's time zone; for the widget. */
  async next(site: SiteRow, now = new Date()): Promise<NextPledged | null> {
    let hit = this.cache.get(site.id);
    if (!hit || now.getTime() - hit.at > NEXT_TTL_MS || now.getTime() < hit.at) {
      hit = { pledged: pledgedHours(await this.rows(site.id)), at: now.getTime() };
      this.cache.set(site.id, hit);
    }
    const zone = site.settings.timeZone ?? 'UTC';
    return nextPledgedHour(hit.pledged, weekHourIn(now, zone), site.settings.minHelpers ?? 1);
  }
}
