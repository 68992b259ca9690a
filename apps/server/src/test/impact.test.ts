import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { MyImpact } from '@tribu/protocol';
import { usePostgresServer } from './support/app.ts';
import { signedInCaller } from './support/clients.ts';
import { USERS } from './support/fixtures.ts';
import { hasPostgres } from './support/services.ts';

/**
 * Ada's purchases on shop-a, all happening now (this week and this month whatever the day), except
 * where said: visitor 1 bought twice (trail shoes; socks and an item without a name), visitor 2
 * once (no items), visitor 3's order was refunded, visitor 4 bought 40 days ago (not this month);
 * one order names Ada's referral code without a chat; Ben assisted one more order (not Ada's).
 * Expected for Ada, week and month alike: 2 visitors, 3 orders, 1 referred, products
 * Socks and Trail shoes; amounts 129.90 + 15.00 = 144.90 EUR and 3000 JPY (not shown by default).
 */
describe.skipIf(!hasPostgres)('A helper sees their impact (Postgres)', () => {
  const t = usePostgresServer();
  const call = signedInCaller(() => t.server.url);
  let site: string;
  const impact = async (who: keyof typeof USERS) => {
    const res = await call<MyImpact>(who, 'GET', `/api/sites/${site}/impact/mine`);
    expect(res.status, res.text).toBe(200);
    return res.data;
  };

  beforeAll(async () => {
    site = t.server.sites.siteA;
    await t.server.db.db.execute(
      sql.raw(`
      do $impact$
      declare
        site uuid := '${site}';
        ada uuid := (select id from users where email = '${USERS.helperA1.email}');
        ben uuid := (select id from users where email = '${USERS.helperA2.email}');
        v1 uuid := gen_random_uuid(); v2 uuid := gen_random_uuid(); v3 uuid := gen_random_uuid(); v4 uuid := gen_random_uuid(); v5 uuid := gen_random_uuid();
      begin
        insert into visitors (id, site_id) values (v1, site), (v2, site), (v3, site), (v4, site), (v5, site);
        insert into conversions (site_id, order_id, amount_minor, currency, visitor_id, source, occurred_at, attribution, helper_id, referrer_id, refunded_at, items) values
          (site, 'i1', 12990, 'EUR', v1, 'api', now() - interval '2 seconds', 'assisted', ada, null, null, '[{"name": "Trail shoes", "quantity": 1}]'),
          (site, 'i2', 1500, 'EUR', v1, 'api', now() - interval '1 second', 'assisted', ada, null, null, '[{"name": "Socks", "quantity": 2}, {"sku": "X-1", "quantity": 1}]'),
          (site, 'i3', 3000, 'JPY', v2, 'api', now(), 'assisted', ada, null, null, '[]'),
          (site, 'i4', 50000, 'EUR', v3, 'api', now(), 'assisted', ada, null, now(), '[{"name": "Tent", "quantity": 1}]'),
          (site, 'i5', 7000, 'EUR', v4, 'api', now() - interval '40 days', 'assisted', ada, null, null, '[{"name": "Old boots", "quantity": 1}]'),
          (site, 'i6', 6000, 'EUR', null, 'api', now(), 'none', null, ada, null, '[{"name": "Gift card", "quantity": 1}]'),
          (site, 'i7', 8000, 'EUR', v5, 'api', now(), 'assisted', ben, null, null, '[{"name": "Stove", "quantity": 1}]');
      end $impact$;`),
    );
  });

  it('counts the visitors a helper helped who bought this week and this month, with the products, and no amount', async () => {
    const mine = await impact('helperA1');
    const expected = { visitors: 2, orders: 3, referred: 1, products: ['Socks', 'Trail shoes'] };
    expect(mine).toEqual({ siteId: site, showAmounts: false, week: expected, month: expected });
    expect(JSON.stringify(mine)).not.toMatch(/amount|129|144/);
  });

  it("counts only the helper's own: another helper sees theirs", async () => {
    const ben = await impact('helperA2');
    expect(ben.week).toEqual({ visitors: 1, orders: 1, referred: 0, products: ['Stove'] });
  });

  it('shows the amounts per currency only once the site chooses to', async () => {
    const on = await call('adminA', 'PATCH', `/api/sites/${site}/settings`, { showSalesAmountsToHelpers: true });
    expect(on.status, on.text).toBe(200);
    const mine = await impact('helperA1');
    expect(mine.showAmounts).toBe(true);
    expect(mine.week.amounts).toEqual([
      { currency: 'EUR', amount: 144.9 },
      { currency: 'JPY', amount: 3000 },
    ]);
    const off = await call('adminA', 'PATCH', `/api/sites/${site}/settings`, { showSalesAmountsToHelpers: false });
    expect(off.status).toBe(200);
    expect((await impact('helperA1')).week).toEqual({ visitors: 2, orders: 3, referred: 1, products: ['Socks', 'Trail shoes'] });
  });

  it("refuses another site's impact like a missing site", async () => {
    const res = await call('helperB1', 'GET', `/api/sites/${site}/impact/mine`);
    expect(res.status).toBe(404);
  });
});
