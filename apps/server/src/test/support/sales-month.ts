import { USERS } from './fixtures.ts';

/**
 * A hand-made April 2026 of purchases on "Sales Month" (Europe/Paris), written before the code:
 *  - chats answered in April: v1 by Hana (3rd), v2 by Ivo (10th), v3 by Hana (20th), v4 by Ivo (25th,
 *    never buys); v5 asked on the 12th and nobody answered (not a visitor who chatted).
 *  - orders (Paris time, noon unless said):
 *    o1 v1 assisted Hana 120.00 EUR (4th) · o4 v1 assisted Hana 30.00 EUR (6th) · o2 v2 assisted Ivo
 *    and referred by Ivo 80.50 EUR (11th) · o3 v3 assisted Hana 5000 JPY (21st) · o5 no visitor,
 *    referred by Ivo 50.00 EUR (12th) · o6 no visitor 20.00 EUR (15th) · o7 no visitor 1000 JPY (16th);
 *    o8 assisted Ivo 999.00 EUR refunded (17th, counts nowhere); o9 assisted Hana 40.00 EUR on
 *    31 March 23:30 and o10 10.00 EUR on 1 May 00:30 (both outside April in Paris).
 * Worked out by hand:
 *  - all: 7 orders; EUR 5 orders 300.50; JPY 2 orders 6000.
 *  - assisted: o1 o2 o3 o4 → 4 (share 4/7); EUR 3 orders 230.50; JPY 1 order 5000.
 *  - referred: o2 o5 → 2 (share 2/7); EUR 2 orders 130.50.
 *  - without chat: o5 o6 o7 → 3; EUR 2 orders 70.00; JPY 1 order 1000.
 *  - average order: with chat EUR 230.50 / 3 = 76.83, JPY 5000; without EUR 35.00, JPY 1000.
 *  - visitors who chatted: v1 v2 v3 v4 = 4; who bought: v1 v2 v3 = 3 → 0.75.
 *  - by helper: Hana assisted 3 (EUR 2 orders 150.00, JPY 1 order 5000); Ivo assisted 1 (EUR 80.50),
 *    referred 2 (EUR 130.50).
 *  - each of the four answered chats lasts 30 min from its take to its end: 2 chat hours, so assisted
 *    revenue per chat hour is EUR 230.50 / 2 = 115.25 and JPY 5000 / 2 = 2500.
 *  - items: o1 trail shoes; o4 trail shoes twice in one order (socks too); o6 socks; o8 (refunded)
 *    trail shoes; o7 an item with a sku only. By product: Trail shoes 2 orders, 2 assisted; Socks 2
 *    orders, 1 assisted (most ordered first, then most assisted).
 *  - topics of the credited chats: v1's chat is about sizing and shoes, v2's about sizing, v3's has none.
 *    By topic: sizing o1 o4 o2 → 3 orders EUR 230.50; shoes o1 o4 → 2 orders EUR 150.00.
 */
export const SALES_MONTH_SQL = `
do $sales$
declare
  tz text := 'Europe/Paris';
  site uuid; hana uuid; ivo uuid; v1 uuid; v2 uuid; v3 uuid; v4 uuid; v5 uuid;
begin
  insert into sites (key, name, allowed_origins, settings)
    values ('sales-month', 'Sales Month', array['https://sales.example'], '{"timeZone": "Europe/Paris"}') returning id into site;
  insert into users (email, password_hash, display_name) values ('hana@sales-month.test', '!', 'Hana') returning id into hana;
  insert into users (email, password_hash, display_name) values ('ivo@sales-month.test', '!', 'Ivo') returning id into ivo;
  insert into memberships (user_id, site_id, role) values (hana, site, 'helper'), (ivo, site, 'helper');
  insert into memberships (user_id, site_id, role) select id, site, 'moderator' from users where email = '${USERS.moderatorA.email}';
  insert into visitors (id, site_id) values (gen_random_uuid(), site) returning id into v1;
  insert into visitors (id, site_id) values (gen_random_uuid(), site) returning id into v2;
  insert into visitors (id, site_id) values (gen_random_uuid(), site) returning id into v3;
  insert into visitors (id, site_id) values (gen_random_uuid(), site) returning id into v4;
  insert into visitors (id, site_id) values (gen_random_uuid(), site) returning id into v5;
  insert into conversations (site_id, visitor_id, status, helper_id, question, created_at, claimed_at, first_response_at, closed_at, closed_by)
    select site, x.v, 'closed', x.h, 'Which size?', x.t, x.t, x.t + interval '30 seconds', x.t + interval '30 minutes', 'helper'
    from (values (v1, hana, '2026-04-03 10:00'::timestamp at time zone tz), (v2, ivo, '2026-04-10 10:00'::timestamp at time zone tz),
                 (v3, hana, '2026-04-20 10:00'::timestamp at time zone tz), (v4, ivo, '2026-04-25 10:00'::timestamp at time zone tz)) as x(v, h, t);
  insert into conversations (site_id, visitor_id, question, created_at) values (site, v5, 'Anyone?', '2026-04-12 10:00'::timestamp at time zone tz);
  insert into conversions (site_id, order_id, amount_minor, currency, visitor_id, source, occurred_at, attribution, helper_id, referrer_id, refunded_at)
    select site, x.o, x.amount, x.currency, x.v, 'api', x.t::timestamp at time zone tz, x.attribution, x.h, x.ref, x.refunded
    from (values
      ('o1', 12000, 'EUR', v1, '2026-04-04 12:00', 'assisted', hana, null::uuid, null::timestamptz),
      ('o4', 3000, 'EUR', v1, '2026-04-06 12:00', 'assisted', hana, null, null),
      ('o2', 8050, 'EUR', v2, '2026-04-11 12:00', 'assisted', ivo, ivo, null),
      ('o3', 5000, 'JPY', v3, '2026-04-21 12:00', 'assisted', hana, null, null),
      ('o5', 5000, 'EUR', null, '2026-04-12 12:00', 'none', null, ivo, null),
      ('o6', 2000, 'EUR', null, '2026-04-15 12:00', 'none', null, null, null),
      ('o7', 1000, 'JPY', null, '2026-04-16 12:00', 'none', null, null, null),
      ('o8', 99900, 'EUR', v2, '2026-04-17 12:00', 'assisted', ivo, null, now()),
      ('o9', 4000, 'EUR', v1, '2026-03-31 23:30', 'assisted', hana, null, null),
      ('o10', 1000, 'EUR', null, '2026-05-01 00:30', 'none', null, null, null)
    ) as x(o, amount, currency, v, t, attribution, h, ref, refunded);
  update conversions set items = '[{"name": "Trail shoes", "quantity": 1}]' where site_id = site and order_id in ('o1', 'o8');
  update conversions set items = '[{"name": "Trail shoes", "quantity": 1}, {"name": "Socks", "quantity": 2}, {"name": "Trail shoes", "sku": "TS-2", "quantity": 1}]'
    where site_id = site and order_id = 'o4';
  update conversions set items = '[{"name": "Socks", "quantity": 1}]' where site_id = site and order_id = 'o6';
  update conversions set items = '[{"sku": "GIFT", "quantity": 1}]' where site_id = site and order_id = 'o7';
  update conversations set topics = array['sizing', 'shoes'] where visitor_id = v1;
  update conversations set topics = array['sizing'] where visitor_id = v2;
  update conversions s set conversation_id = c.id from conversations c
    where s.site_id = site and s.attribution = 'assisted' and c.visitor_id = s.visitor_id and c.first_response_at is not null;
end $sales$;`;
