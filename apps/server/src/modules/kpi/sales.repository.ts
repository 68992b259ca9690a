import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '@tribu/db';
import type { Bounds } from './kpi.repository.ts';

/** One currency's orders: all, assisted by a chat, referred by a helper's code (amounts in minor units). */
export interface SalesCurrencyRow {
  currency: string;
  orders: number;
  amountMinor: number;
  assistedOrders: number;
  assistedMinor: number;
  referredOrders: number;
  referredMinor: number;
}

export interface SalesHelperCurrencyRow {
  userId: string;
  name: string;
  currency: string;
  assistedOrders: number;
  assistedMinor: number;
  referredOrders: number;
  referredMinor: number;
}

const rowsOf = <T>(r: unknown) => (r as { rows: T[] }).rows;

/** The sales figures of the Numbers page, summed by Postgres over the conversions table (refunds left out). */
export class SalesRepository {
  constructor(private readonly db: Db) {}

  private async rows<T>(query: SQL): Promise<T[]> {
    return rowsOf<T>(await this.db.execute(query));
  }

  private inPeriod(siteId: string, b: Bounds): SQL {
    return sql`s.site_id = ${siteId} and s.refunded_at is null and s.occurred_at >= ${b.start} and s.occurred_at < ${b.end}`;
  }

  async perCurrency(siteId: string, b: Bounds): Promise<SalesCurrencyRow[]> {
    return this.rows<SalesCurrencyRow>(sql`
      select s.currency, count(*)::int as orders, sum(s.amount_minor)::float8 as "amountMinor",
        count(*) filter (where s.attribution = 'assisted')::int as "assistedOrders",
        coalesce(sum(s.amount_minor) filter (where s.attribution = 'assisted'), 0)::float8 as "assistedMinor",
        count(*) filter (where s.referrer_id is not null)::int as "referredOrders",
        coalesce(sum(s.amount_minor) filter (where s.referrer_id is not null), 0)::float8 as "referredMinor"
      from conversions s where ${this.inPeriod(siteId, b)}
      group by s.currency order by s.currency`);
  }

  /** Per helper credited (assisted or referred) and currency. */
  async perHelper(siteId: string, b: Bounds): Promise<SalesHelperCurrencyRow[]> {
    return this.rows<SalesHelperCurrencyRow>(sql`
      with credit as (
        select s.helper_id as user_id, s.currency, s.amount_minor, true as assisted from conversions s
          where ${this.inPeriod(siteId, b)} and s.attribution = 'assisted' and s.helper_id is not null
        union all
        select s.referrer_id, s.currency, s.amount_minor, false from conversions s
          where ${this.inPeriod(siteId, b)} and s.referrer_id is not null)
      select u.id as "userId", u.display_name as name, c.currency,
        count(*) filter (where c.assisted)::int as "assistedOrders",
        coalesce(sum(c.amount_minor) filter (where c.assisted), 0)::float8 as "assistedMinor",
        count(*) filter (where not c.assisted)::int as "referredOrders",
        coalesce(sum(c.amount_minor) filter (where not c.assisted), 0)::float8 as "referredMinor"
      from credit c join users u on u.id = c.user_id
      group by u.id, u.display_name, c.currency order by u.display_name, u.id, c.currency`);
  }

  /** Orders per product name (items the shop named), and of them assisted; at most 50, most ordered first. */
  async byProduct(siteId: string, b: Bounds): Promise<{ name: string; orders: number; assisted: number }[]> {
    return this.rows(sql`
      select p.name, count(*)::int as orders, count(*) filter (where p.attribution = 'assisted')::int as assisted
      from (select distinct s.id, s.attribution, i.item->>'name' as name
            from conversions s cross join lateral jsonb_array_elements(s.items) as i(item)
            where ${this.inPeriod(siteId, b)} and i.item ? 'name') p
      group by p.name order by orders desc, assisted desc, p.name limit 50`);
  }

  /** Assisted orders per topic of the chat credited, and currency. */
  async byTopic(siteId: string, b: Bounds): Promise<{ topic: string; currency: string; orders: number; minor: number }[]> {
    return this.rows(sql`
      select t.topic, s.currency, count(*)::int as orders, sum(s.amount_minor)::float8 as minor
      from conversions s join conversations c on c.id = s.conversation_id cross join lateral unnest(c.topics) as t(topic)
      where ${this.inPeriod(siteId, b)} and s.attribution = 'assisted'
      group by t.topic, s.currency order by t.topic, s.currency`);
  }

  /** Visitors with a chat answered in the period, and those of them with an assisted purchase in it. */
  async chatted(siteId: string, b: Bounds): Promise<{ visitors: number; bought: number }> {
    const [r] = await this.rows<{ visitors: number; bought: number }>(sql`
      with chatted as (
        select distinct c.visitor_id from conversations c
        where c.site_id = ${siteId} and c.visitor_id is not null and c.first_response_at >= ${b.start} and c.first_response_at < ${b.end})
      select count(*)::int as visitors,
        count(*) filter (where exists (
          select 1 from conversions s where ${this.inPeriod(siteId, b)} and s.attribution = 'assisted' and s.visitor_id = chatted.visitor_id))::int as bought
      from chatted`);
    return r!;
  }
}
