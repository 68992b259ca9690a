import { sql } from 'drizzle-orm';
import { currencyDecimals, type ImpactPeriod, type MyImpact } from '@tribu/protocol';
import type { HelperActor } from '../actors.ts';
import { requireMember } from '../access.ts';
import type { ModuleDeps } from '../module-deps.ts';

interface PeriodRow {
  period: 'week' | 'month';
  visitors: number;
  orders: number;
  referred: number;
  products: string[] | null;
}

const rowsOf = <T>(r: unknown) => (r as { rows: T[] }).rows;
const MAX_PRODUCTS = 10;

/**
 * What a helper's chats brought, shown to them as thanks: visitors they helped who bought this
 * calendar week and month (site time zone), with the products; the amounts only when the site
 * chooses to show them. Never points, never a rank: nothing here is compared with anyone.
 */
export class ImpactService {
  constructor(
    private readonly deps: Pick<ModuleDeps, 'db' | 'sites'>,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async mine(actor: HelperActor, siteId: string): Promise<MyImpact> {
    requireMember(actor, siteId);
    const settings = (await this.deps.sites.byId(siteId))?.settings;
    const timeZone = settings?.timeZone ?? 'UTC';
    const showAmounts = settings?.showSalesAmountsToHelpers === true;
    const now = this.now();
    const me = actor.userId;
    // Both periods in one statement: their starts are the site's Monday 00:00 and the 1st 00:00.
    const starts = sql`select 'week' as period, date_trunc('week', ${now}::timestamptz at time zone ${timeZone}) at time zone ${timeZone} as start
      union all select 'month', date_trunc('month', ${now}::timestamptz at time zone ${timeZone}) at time zone ${timeZone}`;
    const inPeriod = sql`s.site_id = ${siteId} and s.refunded_at is null and s.occurred_at >= p.start`;
    const counts = rowsOf<PeriodRow>(
      await this.deps.db.execute(sql`
        with p as (${starts})
        select p.period,
          (select count(distinct s.visitor_id)::int from conversions s where ${inPeriod} and s.attribution = 'assisted' and s.helper_id = ${me}) as visitors,
          (select count(*)::int from conversions s where ${inPeriod} and s.attribution = 'assisted' and s.helper_id = ${me}) as orders,
          (select count(*)::int from conversions s where ${inPeriod} and s.referrer_id = ${me}) as referred,
          (select array_agg(name) from (
            select i.item->>'name' as name, max(s.occurred_at) as at
            from conversions s cross join lateral jsonb_array_elements(s.items) as i(item)
            where ${inPeriod} and s.attribution = 'assisted' and s.helper_id = ${me} and i.item ? 'name'
            group by 1 order by 2 desc, 1 limit ${MAX_PRODUCTS}) named) as products
        from p`),
    );
    const amounts = showAmounts
      ? rowsOf<{ period: 'week' | 'month'; currency: string; minor: number }>(
          await this.deps.db.execute(sql`
            with p as (${starts})
            select p.period, s.currency, sum(s.amount_minor)::float8 as minor
            from p join conversions s on ${inPeriod} and s.attribution = 'assisted' and s.helper_id = ${me}
            group by p.period, s.currency order by s.currency`),
        )
      : [];
    const period = (name: 'week' | 'month'): ImpactPeriod => {
      const r = counts.find((c) => c.period === name)!;
      const out: ImpactPeriod = { visitors: r.visitors, orders: r.orders, referred: r.referred, products: r.products ?? [] };
      if (showAmounts) {
        out.amounts = amounts
          .filter((a) => a.period === name)
          .map((a) => ({ currency: a.currency, amount: Number((a.minor / 10 ** currencyDecimals(a.currency)).toFixed(currencyDecimals(a.currency))) }));
      }
      return out;
    };
    return { siteId, showAmounts, week: period('week'), month: period('month') };
  }
}
