import { pathToFileURL } from 'node:url';

/**
 * A hand-made month of a community, April 2026 on the shop "Summit Supplies" (key `kpi-month`,
 * time zone Europe/Paris, UTC+2 all April), whose numbers are written below before any code
 * computes them. The server test inserts it on Postgres; the browser test runs this file
 * (`node --import tsx kpi-month.ts <manager email>…`) to get the same SQL and EXPECTED as JSON.
 *
 * The rules, by day k of April (1…30, all times Paris time):
 *  - Answered: one request a day at 14:00 (30). Taken at +5 s; first answer after 10·k s
 *    (10 s … 300 s); ended 10 min after the take when k is odd, 20 min when even; closed by the
 *    helper. Helper by k mod 3: 1 → Hana, 2 → Ivo, 0 → Jade. Rated for k ≤ 20 with
 *    RATINGS[k-1]: ten 5s, five 4s, two 3s, one 2, two 1s. Ledger: +1 `chat` each, +1
 *    `good_rating` for each 5 star; Hana spends 10 (`redeem`, not earned), Ivo loses 1 (`revoke`).
 *  - Missed: at 03:00 on days 5, 10, 15, 20 (still waiting) and 25, 30 (closed by the system), never taken.
 *  - Abandoned: at 20:00 on Tuesdays 7, 14 (taken by Hana at +60 s, visitor left at +120 s) and
 *    21, 28 (never taken, visitor left at +300 s).
 *  - Online: Hana 13:00–14:59 every day, Ivo 14:00–14:59 every day, Jade 14:00–14:29 from the 2nd.
 *  - Members: Hana (since Nov 2025), Ivo (Jan 2026), Kai (Dec 2025; answered 8 chats 10–17 March at
 *    18:00, online 18:00–18:59 those days, nothing in April), Jade (joined 2 April), Lea (joined
 *    20 April, never came).
 *  - Around the month: 31 March 23:30 (in March in Paris, a missed request) and 1 May 00:30 (30 April
 *    in UTC, May in Paris: outside the month).
 */
export const KPI_MONTH = { siteKey: 'kpi-month', siteName: 'Summit Supplies', timeZone: 'Europe/Paris', from: '2026-04-01', to: '2026-04-30' } as const;

const RATINGS = [5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 4, 4, 4, 4, 4, 3, 3, 2, 1, 1];

/** The figures the dashboard must show for April 2026, worked out by hand from the rules above. */
export const EXPECTED = {
  days: 30,
  requests: 40,
  answered: 30,
  missed: 6,
  abandoned: 4,
  answerRate: 0.75,
  // 10, 20 … 300 s: median (150 + 160) / 2; p90 at rank 0.9 × 29 = 26.1 → 270 + 0.1 × 10.
  medianFirstAnswerSec: 155,
  p90FirstAnswerSec: 271,
  // fifteen of 10 min and fifteen of 20 min.
  medianChatSec: 900,
  chatHours: 7.5,
  // 7.5 h ÷ (35 h × 30/7 weeks) = 7.5 ÷ 150.
  fte: 0.05,
  ratingAverage: 4,
  ratingCounts: [2, 1, 2, 5, 10],
  rated: 20,
  ratedShare: 20 / 30,
  helpers: { active: 3, new: 2, inactive: 2 },
  previous: { from: '2026-03-02', to: '2026-03-31', requests: 9, answered: 8, activeHelpers: 1 },
  perHelper: [
    // Hana: k = 1, 4 … 28; ratings 5 5 5 5 4 3 1; first answers 10, 40 … 280 s; 5 × 10 + 5 × 20 min.
    {
      name: 'Hana',
      chats: 10,
      ratingAverage: 4,
      medianFirstAnswerSec: 145,
      chatHours: 2.5,
      hoursOnline: 60,
      points: 14,
      lastSeenAt: '2026-04-30T12:59:00.000Z',
    },
    // Ivo: k = 2, 5 … 29; ratings 5 5 5 4 4 3 1 (27 / 7); 20, 50 … 290 s; 10 chats + 3 five stars − 1.
    {
      name: 'Ivo',
      chats: 10,
      ratingAverage: 27 / 7,
      medianFirstAnswerSec: 155,
      chatHours: 2.5,
      hoursOnline: 30,
      points: 12,
      lastSeenAt: '2026-04-30T12:59:00.000Z',
    },
    // Jade: k = 3, 6 … 30; ratings 5 5 5 4 4 2 (25 / 6); 30, 60 … 300 s; 29 days × 30 min online.
    {
      name: 'Jade',
      chats: 10,
      ratingAverage: 25 / 6,
      medianFirstAnswerSec: 165,
      chatHours: 2.5,
      hoursOnline: 14.5,
      points: 13,
      lastSeenAt: '2026-04-30T12:29:00.000Z',
    },
    { name: 'Kai', chats: 0, ratingAverage: null, medianFirstAnswerSec: null, chatHours: 0, hoursOnline: 0, points: 0, lastSeenAt: '2026-03-17T17:59:00.000Z' },
    { name: 'Lea', chats: 0, ratingAverage: null, medianFirstAnswerSec: null, chatHours: 0, hoursOnline: 0, points: 0, lastSeenAt: null },
  ],
  // Never seen first, then the longest away.
  inactive: [
    { name: 'Lea', lastSeenAt: null, lastAnswerAt: null },
    { name: 'Kai', lastSeenAt: '2026-03-17T17:59:00.000Z', lastAnswerAt: '2026-03-17T17:01:00.000Z' },
  ],
  daily: {
    '2026-04-01': { requests: 1, answered: 1, missed: 0, abandoned: 0, medianFirstAnswerSec: 10 },
    '2026-04-05': { requests: 2, answered: 1, missed: 1, abandoned: 0, medianFirstAnswerSec: 50 },
    '2026-04-07': { requests: 2, answered: 1, missed: 0, abandoned: 1, medianFirstAnswerSec: 70 },
    '2026-04-30': { requests: 2, answered: 1, missed: 1, abandoned: 0, medianFirstAnswerSec: 300 },
  },
  // weekday: ISO (1 Monday … 7 Sunday). Wednesdays 1, 8, 15, 22, 29: Hana 5 h + Ivo 5 h + Jade 4 × 30 min over 5 hours.
  heatmap: [
    { weekday: 3, hour: 14, requests: 5, helpersOnline: 2.4, gap: false },
    { weekday: 4, hour: 14, requests: 5, helpersOnline: 2.5, gap: false },
    { weekday: 1, hour: 13, requests: 0, helpersOnline: 1, gap: false },
    { weekday: 2, hour: 20, requests: 4, helpersOnline: 0, gap: true },
    { weekday: 7, hour: 3, requests: 1, helpersOnline: 0, gap: true },
  ],
  gaps: 7,
} as const;

/** The month as one SQL script (a DO block); `managers` get the role on the fixture site. */
export function kpiMonthSql(managers: { email: string; role: 'moderator' | 'admin' }[]): string {
  const grants = managers
    .map((m) => `insert into memberships (user_id, site_id, role) select id, site, '${m.role}' from users where email = '${m.email.replace(/'/g, "''")}';`)
    .join('\n  ');
  return `
do $kpi$
declare
  tz text := '${KPI_MONTH.timeZone}';
  site uuid; hana uuid; ivo uuid; jade uuid; kai uuid; lea uuid; h uuid; v uuid; c uuid;
  k int; t timestamptz; dur int; stars int;
  ratings int[] := array[${RATINGS.join(',')}];
begin
  insert into sites (key, name, allowed_origins, settings)
    values ('${KPI_MONTH.siteKey}', '${KPI_MONTH.siteName}', array['https://summit.example'], '{"timeZone": "${KPI_MONTH.timeZone}"}')
    returning id into site;
  insert into users (email, password_hash, display_name) values ('hana@kpi-month.test', '!', 'Hana') returning id into hana;
  insert into users (email, password_hash, display_name) values ('ivo@kpi-month.test', '!', 'Ivo') returning id into ivo;
  insert into users (email, password_hash, display_name) values ('jade@kpi-month.test', '!', 'Jade') returning id into jade;
  insert into users (email, password_hash, display_name) values ('kai@kpi-month.test', '!', 'Kai') returning id into kai;
  insert into users (email, password_hash, display_name) values ('lea@kpi-month.test', '!', 'Lea') returning id into lea;
  insert into memberships (user_id, site_id, role, created_at) values
    (hana, site, 'helper', '2025-11-03 10:00'::timestamp at time zone tz),
    (ivo, site, 'helper', '2026-01-12 10:00'::timestamp at time zone tz),
    (kai, site, 'helper', '2025-12-01 10:00'::timestamp at time zone tz),
    (jade, site, 'helper', '2026-04-02 09:00'::timestamp at time zone tz),
    (lea, site, 'helper', '2026-04-20 10:00'::timestamp at time zone tz);
  ${grants}

  -- Answered: one a day at 14:00.
  for k in 1..30 loop
    t := format('2026-04-%s 14:00', lpad(k::text, 2, '0'))::timestamp at time zone tz;
    h := case k % 3 when 1 then hana when 2 then ivo else jade end;
    dur := case when k % 2 = 1 then 600 else 1200 end;
    stars := case when k <= 20 then ratings[k] end;
    v := gen_random_uuid();
    insert into visitors (id, site_id, created_at, last_seen_at) values (v, site, t, t);
    insert into conversations (site_id, visitor_id, status, helper_id, question, created_at, claimed_at, first_response_at, closed_at, closed_by, rating, last_seq)
      values (site, v, 'closed', h, 'Question ' || k, t, t + interval '5 seconds', t + make_interval(secs => 10 * k),
              t + interval '5 seconds' + make_interval(secs => dur), 'helper', stars, 2)
      returning id into c;
    insert into messages (conversation_id, seq, author_kind, author_id, sender_key, client_id, text, created_at) values
      (c, 1, 'visitor', null, 'v:' || v, 'q' || k, 'Question ' || k, t),
      (c, 2, 'helper', h, 'u:' || h, 'a' || k, 'Answer ' || k, t + make_interval(secs => 10 * k));
    insert into points_ledger (site_id, user_id, points, reason, conversation_id, idempotency_key, created_at)
      values (site, h, 1, 'chat', c, 'chat:' || c, t + make_interval(secs => dur));
    if stars = 5 then
      insert into points_ledger (site_id, user_id, points, reason, conversation_id, idempotency_key, created_at)
        values (site, h, 1, 'good_rating', c, 'rating:' || c, t + make_interval(secs => dur + 60));
    end if;
  end loop;
  insert into points_ledger (site_id, user_id, points, reason, idempotency_key, created_at) values
    (site, hana, -10, 'redeem', 'redeem:kpi-month', '2026-04-25 12:00'::timestamp at time zone tz),
    (site, ivo, -1, 'revoke', 'revoke:kpi-month', '2026-04-26 12:00'::timestamp at time zone tz);

  -- Missed (never taken) at 03:00, abandoned (the visitor left first) at 20:00, and the two edges.
  for k in 1..10 loop
    t := case
      when k <= 6 then format('2026-04-%s 03:00', lpad((5 * k)::text, 2, '0'))::timestamp at time zone tz
      when k <= 10 then format('2026-04-%s 20:00', lpad((7 * (k - 6))::text, 2, '0'))::timestamp at time zone tz
    end;
    v := gen_random_uuid();
    insert into visitors (id, site_id, created_at, last_seen_at) values (v, site, t, t);
    insert into conversations (site_id, visitor_id, status, helper_id, question, created_at, claimed_at, closed_at, closed_by)
      values (site, v,
        case when k <= 4 then 'waiting' else 'closed' end::conversation_status,
        case when k in (7, 8) then hana end,
        'Unanswered ' || k, t,
        case when k in (7, 8) then t + interval '60 seconds' end,
        case when k between 5 and 6 then t + interval '1 day' when k in (7, 8) then t + interval '120 seconds' when k > 8 then t + interval '300 seconds' end,
        case when k between 5 and 6 then 'system' when k > 6 then 'visitor' end::author_kind);
  end loop;
  foreach t in array array['2026-03-31 23:30'::timestamp at time zone tz, '2026-05-01 00:30'::timestamp at time zone tz] loop
    v := gen_random_uuid();
    insert into visitors (id, site_id, created_at, last_seen_at) values (v, site, t, t);
    insert into conversations (site_id, visitor_id, question, created_at) values (site, v, 'Anyone there?', t);
  end loop;

  -- Kai's March: eight chats at 18:00, answered in 60 s, 10 min long, online that hour.
  for k in 10..17 loop
    t := format('2026-03-%s 18:00', k)::timestamp at time zone tz;
    v := gen_random_uuid();
    insert into visitors (id, site_id, created_at, last_seen_at) values (v, site, t, t);
    insert into conversations (site_id, visitor_id, status, helper_id, question, created_at, claimed_at, first_response_at, closed_at, closed_by)
      values (site, v, 'closed', kai, 'March question ' || k, t, t + interval '5 seconds', t + interval '60 seconds', t + interval '605 seconds', 'helper')
      returning id into c;
    insert into points_ledger (site_id, user_id, points, reason, conversation_id, idempotency_key, created_at)
      values (site, kai, 1, 'chat', c, 'chat:' || c, t + interval '605 seconds');
    insert into online_minutes (user_id, site_id, minute)
      select kai, site, m from generate_series(t, t + interval '59 minutes', interval '1 minute') m;
  end loop;

  -- Minutes online in April.
  for k in 1..30 loop
    t := format('2026-04-%s 00:00', lpad(k::text, 2, '0'))::timestamp at time zone tz;
    insert into online_minutes (user_id, site_id, minute)
      select hana, site, m from generate_series(t + interval '13 hours', t + interval '14 hours 59 minutes', interval '1 minute') m;
    insert into online_minutes (user_id, site_id, minute)
      select ivo, site, m from generate_series(t + interval '14 hours', t + interval '14 hours 59 minutes', interval '1 minute') m;
    if k >= 2 then
      insert into online_minutes (user_id, site_id, minute)
        select jade, site, m from generate_series(t + interval '14 hours', t + interval '14 hours 29 minutes', interval '1 minute') m;
    end if;
  end loop;
end
$kpi$;`;
}

// `node --import tsx kpi-month.ts moderator:manager@demo.tribu …` prints { sql, expected, month } as JSON.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const managers = process.argv.slice(2).map((arg) => {
    const [role, email] = arg.split(':') as ['moderator' | 'admin', string];
    return { role, email };
  });
  process.stdout.write(JSON.stringify({ sql: kpiMonthSql(managers), expected: EXPECTED, month: KPI_MONTH }));
}
