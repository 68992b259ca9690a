import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { KpiReport } from '@tribu/protocol';
import { usePostgresServer } from './support/app.ts';
import { login } from './support/clients.ts';
import { USERS } from './support/fixtures.ts';
import { hasPostgres } from './support/services.ts';
import { SALES_MONTH_SQL } from './support/sales-month.ts';

const APRIL = 'from=2026-04-01&to=2026-04-30';

describe.skipIf(!hasPostgres)('Numbers: the Sales section (Postgres)', () => {
  const t = usePostgresServer();
  let mo: string;
  let site: string;
  const get = (path: string) => fetch(`${t.server.url}${path}`, { headers: { cookie: mo } });
  const sales = async () => {
    const res = await get(`/api/sites/${site}/kpis?${APRIL}`);
    expect(res.status, await res.clone().text()).toBe(200);
    return ((await res.json()) as KpiReport).sales;
  };

  beforeAll(async () => {
    await t.server.db.db.execute(sql.raw(SALES_MONTH_SQL));
    const rows = (await t.server.db.db.execute(sql`select id from sites where key = 'sales-month'`)) as unknown as { rows: { id: string }[] };
    site = rows.rows[0]!.id;
    mo = (await login(t.server.url, USERS.moderatorA.email)).cookie;
  });

  it('sums the orders and revenue of the month per currency: all, assisted by a chat, referred by a helper, without chat', async () => {
    const s = await sales();
    expect(s.all).toEqual({
      orders: 7,
      revenue: [
        { currency: 'EUR', orders: 5, amount: 300.5 },
        { currency: 'JPY', orders: 2, amount: 6000 },
      ],
    });
    expect(s.assisted).toEqual({
      orders: 4,
      share: 4 / 7,
      revenue: [
        { currency: 'EUR', orders: 3, amount: 230.5 },
        { currency: 'JPY', orders: 1, amount: 5000 },
      ],
    });
    expect(s.referred).toEqual({ orders: 2, share: 2 / 7, revenue: [{ currency: 'EUR', orders: 2, amount: 130.5 }] });
    expect(s.withoutChat).toEqual({
      orders: 3,
      revenue: [
        { currency: 'EUR', orders: 2, amount: 70 },
        { currency: 'JPY', orders: 1, amount: 1000 },
      ],
    });
  });

  it('gives the conversion of visitors who chatted and the average order with and without a chat', async () => {
    const s = await sales();
    expect(s.chatted).toEqual({ visitors: 4, bought: 3, conversion: 0.75 });
    expect(s.averageOrder).toEqual({
      withChat: [
        { currency: 'EUR', orders: 3, amount: 76.83 },
        { currency: 'JPY', orders: 1, amount: 5000 },
      ],
      withoutChat: [
        { currency: 'EUR', orders: 2, amount: 35 },
        { currency: 'JPY', orders: 1, amount: 1000 },
      ],
    });
  });

  it('gives the assisted revenue per chat hour and the orders per product', async () => {
    const s = await sales();
    expect(s.perChatHour).toEqual([
      { currency: 'EUR', orders: 3, amount: 115.25 },
      { currency: 'JPY', orders: 1, amount: 2500 },
    ]);
    expect(s.byProduct).toEqual([
      { name: 'Trail shoes', orders: 2, assisted: 2 },
      { name: 'Socks', orders: 2, assisted: 1 },
    ]);
  });

  it('sums the assisted orders by the topics of the chat credited', async () => {
    const s = await sales();
    expect(s.byTopic).toEqual([
      { topic: 'sizing', orders: 3, revenue: [{ currency: 'EUR', orders: 3, amount: 230.5 }] },
      { topic: 'shoes', orders: 2, revenue: [{ currency: 'EUR', orders: 2, amount: 150 }] },
    ]);
  });

  it('credits each helper with their assisted and referred orders', async () => {
    const s = await sales();
    expect(s.perHelper.map(({ userId: _id, ...h }) => h)).toEqual([
      {
        name: 'Hana',
        assisted: {
          orders: 3,
          revenue: [
            { currency: 'EUR', orders: 2, amount: 150 },
            { currency: 'JPY', orders: 1, amount: 5000 },
          ],
        },
        referred: { orders: 0, revenue: [] },
      },
      {
        name: 'Ivo',
        assisted: { orders: 1, revenue: [{ currency: 'EUR', orders: 1, amount: 80.5 }] },
        referred: { orders: 2, revenue: [{ currency: 'EUR', orders: 2, amount: 130.5 }] },
      },
    ]);
  });

  it('shows a period without orders as zeros and no shares', async () => {
    const res = await get(`/api/sites/${site}/kpis?from=2026-02-01&to=2026-02-28`);
    const s = ((await res.json()) as KpiReport).sales;
    expect(s).toEqual({
      all: { orders: 0, revenue: [] },
      assisted: { orders: 0, revenue: [], share: null },
      referred: { orders: 0, revenue: [], share: null },
      withoutChat: { orders: 0, revenue: [] },
      chatted: { visitors: 0, bought: 0, conversion: null },
      averageOrder: { withChat: [], withoutChat: [] },
      perChatHour: [],
      byProduct: [],
      byTopic: [],
      perHelper: [],
    });
  });

  it('exports the sales figures and the helpers credited as CSV, one line per currency', async () => {
    const csv = async (table: string) => {
      const res = await get(`/api/sites/${site}/kpis/${table}.csv?${APRIL}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-disposition')).toContain(`tribu-${table}-2026-04-01-to-2026-04-30.csv`);
      return (await res.text()).trimEnd().split('\r\n');
    };
    const figures = (await csv('sales')).map((l) => l.split(',').slice(0, 4).join(','));
    expect(figures).toEqual([
      '"figure","orders","currency","amount"',
      '"all_orders",5,"EUR",300.5',
      '"all_orders",2,"JPY",6000',
      '"assisted",3,"EUR",230.5',
      '"assisted",1,"JPY",5000',
      '"referred",2,"EUR",130.5',
      '"without_chat",2,"EUR",70',
      '"without_chat",1,"JPY",1000',
      '"average_order_with_chat",3,"EUR",76.83',
      '"average_order_with_chat",1,"JPY",5000',
      '"average_order_without_chat",2,"EUR",35',
      '"average_order_without_chat",1,"JPY",1000',
      '"assisted_revenue_per_chat_hour",3,"EUR",115.25',
      '"assisted_revenue_per_chat_hour",1,"JPY",2500',
      '"assisted_share",,,0.5714',
      '"referred_share",,,0.2857',
      '"visitors_chatted",4,,',
      '"visitors_chatted_who_bought",3,,',
      '"chat_conversion",,,0.75',
      // Four chats of 30 minutes; 2 h ÷ (35 h × 30/7 weeks) = 2 ÷ 150.
      '"chat_hours",,,2',
      '"full_time_equivalents",,,0.013',
    ]);
    // With the cost of an hour the manager typed: its value too (JPY has no decimals).
    const valued = async (query: string) => (await (await get(`/api/sites/${site}/kpis/sales.csv?${APRIL}&${query}`)).text()).trimEnd().split('\r\n').at(-1);
    expect(await valued('costPerHour=25.5')).toBe('"hours_value",,"EUR",51,"chat hours × 25.5 EUR an hour (the cost entered)"');
    expect(await valued('costPerHour=1999.6&costCurrency=JPY')).toBe('"hours_value",,"JPY",3999,"chat hours × 1999.6 JPY an hour (the cost entered)"');
    const refused = await get(`/api/sites/${site}/kpis/sales.csv?${APRIL}&costPerHour=-1&costCurrency=EURO`);
    expect(refused.status).toBe(400);
    expect(await csv('sales-helpers')).toEqual([
      '"helper","credit","orders","currency","amount"',
      '"Hana","assisted",2,"EUR",150',
      '"Hana","assisted",1,"JPY",5000',
      '"Ivo","assisted",1,"EUR",80.5',
      '"Ivo","referred",2,"EUR",130.5',
    ]);
    expect(await csv('sales-topics')).toEqual(['"topic","orders","currency","amount"', '"sizing",3,"EUR",230.5', '"shoes",2,"EUR",150']);
    expect(await csv('sales-products')).toEqual(['"product","orders","assisted_orders"', '"Trail shoes",2,2', '"Socks",2,1']);
  });
});
