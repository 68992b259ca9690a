import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { KpiReport } from '@tribu/protocol';
import { usePostgresServer } from './support/app.ts';
import { login } from './support/clients.ts';
import { USERS } from './support/fixtures.ts';
import { EXPECTED, KPI_MONTH, kpiMonthSql } from './support/kpi-month.ts';
import { hasPostgres } from './support/services.ts';

const APRIL = `from=${KPI_MONTH.from}&to=${KPI_MONTH.to}`;

describe.skipIf(!hasPostgres)('KPI dashboard numbers (Postgres)', () => {
  const t = usePostgresServer();
  let mo: string;
  let monthSite: string;

  const get = (cookie: string, path: string) => fetch(`${t.server.url}${path}`, { headers: { cookie } });
  async function report(cookie: string, siteId: string, query = APRIL): Promise<KpiReport> {
    const res = await get(cookie, `/api/sites/${siteId}/kpis?${query}`);
    expect(res.status, await res.clone().text()).toBe(200);
    return (await res.json()) as KpiReport;
  }

  beforeAll(async () => {
    await t.server.db.db.execute(sql.raw(kpiMonthSql([{ email: USERS.moderatorA.email, role: 'moderator' }])));
    const rows = (await t.server.db.db.execute(sql`select id from sites where key = ${KPI_MONTH.siteKey}`)) as unknown as { rows: { id: string }[] };
    monthSite = rows.rows[0]!.id;
    mo = (await login(t.server.url, USERS.moderatorA.email)).cookie;
  });

  it('counts the requests, answered, missed and abandoned of the month, in the site time zone', async () => {
    const r = await report(mo, monthSite);
    expect(r).toMatchObject({ timeZone: 'Europe/Paris', from: '2026-04-01', to: '2026-04-30', days: EXPECTED.days });
    expect(r.summary).toMatchObject({
      requests: EXPECTED.requests,
      answered: EXPECTED.answered,
      missed: EXPECTED.missed,
      abandoned: EXPECTED.abandoned,
      answerRate: EXPECTED.answerRate,
    });
  });

  it('gives the median and p90 first answer, the median chat, chat hours and their full-time equivalent', async () => {
    const { summary } = await report(mo, monthSite);
    expect(summary.medianFirstAnswerSec).toBeCloseTo(EXPECTED.medianFirstAnswerSec, 6);
    expect(summary.p90FirstAnswerSec).toBeCloseTo(EXPECTED.p90FirstAnswerSec, 6);
    expect(summary.medianChatSec).toBeCloseTo(EXPECTED.medianChatSec, 6);
    expect(summary.chatHours).toBeCloseTo(EXPECTED.chatHours, 6);
    expect(summary.fte).toBeCloseTo(EXPECTED.fte, 6);
  });

  it('gives the rating average, the distribution of stars and the share of answered chats rated', async () => {
    const { summary } = await report(mo, monthSite);
    expect(summary.ratingAverage).toBeCloseTo(EXPECTED.ratingAverage, 6);
    expect(summary.ratingCounts).toEqual(EXPECTED.ratingCounts);
    expect(summary.rated).toBe(EXPECTED.rated);
    expect(summary.ratedShare).toBeCloseTo(EXPECTED.ratedShare, 6);
  });

  it('counts active, new and inactive helpers, and lists the inactive ones with when they were last seen', async () => {
    const r = await report(mo, monthSite);
    expect(r.helpers).toEqual(EXPECTED.helpers);
    expect(r.inactive.map(({ name, lastSeenAt, lastAnswerAt }) => ({ name, lastSeenAt, lastAnswerAt }))).toEqual(EXPECTED.inactive);
  });

  it('compares with the 30 days before', async () => {
    const { previous } = await report(mo, monthSite);
    expect(previous).toMatchObject({
      from: EXPECTED.previous.from,
      to: EXPECTED.previous.to,
      activeHelpers: EXPECTED.previous.activeHelpers,
      summary: { requests: EXPECTED.previous.requests, answered: EXPECTED.previous.answered },
    });
  });

  it('gives every day of the month, with the median first answer of each', async () => {
    const { daily } = await report(mo, monthSite);
    expect(daily).toHaveLength(30);
    for (const [date, day] of Object.entries(EXPECTED.daily)) expect(daily.find((d) => d.date === date)).toEqual({ date, ...day });
    expect(daily.reduce((n, d) => n + d.requests, 0)).toBe(EXPECTED.requests);
  });

  it('maps requests against helpers online per hour of the week, with the gaps', async () => {
    const { heatmap } = await report(mo, monthSite);
    expect(heatmap).toHaveLength(7 * 24);
    for (const cell of EXPECTED.heatmap) {
      const got = heatmap.find((c) => c.weekday === cell.weekday && c.hour === cell.hour)!;
      expect({ ...got, helpersOnline: Number(got.helpersOnline.toFixed(6)) }).toEqual(cell);
    }
    expect(heatmap.filter((c) => c.gap)).toHaveLength(EXPECTED.gaps);
  });

  it('gives each helper their chats, rating, median first answer, hours, points earned and last seen', async () => {
    const { perHelper } = await report(mo, monthSite);
    expect(perHelper.map((h) => h.name)).toEqual(EXPECTED.perHelper.map((h) => h.name));
    for (const want of EXPECTED.perHelper) {
      const got = perHelper.find((h) => h.name === want.name)!;
      expect(got).toMatchObject({ chats: want.chats, points: want.points, lastSeenAt: want.lastSeenAt });
      if (want.ratingAverage === null) expect(got.ratingAverage).toBeNull();
      else expect(got.ratingAverage).toBeCloseTo(want.ratingAverage, 6);
      expect(got.medianFirstAnswerSec).toBe(want.medianFirstAnswerSec);
      expect(got.chatHours).toBeCloseTo(want.chatHours, 6);
      expect(got.hoursOnline).toBeCloseTo(want.hoursOnline, 6);
    }
  });

  it('shows an empty period as zeros and no rates, not as errors', async () => {
    const r = await report(mo, t.server.sites.siteA);
    expect(r.summary).toMatchObject({ requests: 0, answerRate: null, medianFirstAnswerSec: null, ratingAverage: null, fte: 0 });
    expect(r.perHelper.map((h) => h.name).sort()).toEqual(['Ada', 'Ben']);
  });

  it('lets the managers and admins of a site in, answers 403 to its helpers and 404 to other sites', async () => {
    const [ada, al, bea] = await Promise.all([
      login(t.server.url, USERS.helperA1.email),
      login(t.server.url, USERS.adminA.email),
      login(t.server.url, USERS.helperB1.email),
    ]);
    const site = t.server.sites.siteA;
    expect((await get(mo, `/api/sites/${site}/kpis?${APRIL}`)).status).toBe(200);
    expect((await get(al.cookie, `/api/sites/${site}/kpis?${APRIL}`)).status).toBe(200);
    expect((await get(ada.cookie, `/api/sites/${site}/kpis?${APRIL}`)).status).toBe(403);
    expect((await get(ada.cookie, `/api/sites/${site}/kpis/helpers.csv?${APRIL}`)).status).toBe(403);
    // Another site's numbers answer exactly like a site that does not exist.
    const foreign = await get(bea.cookie, `/api/sites/${site}/kpis?${APRIL}`);
    const missing = await get(bea.cookie, `/api/sites/00000000-0000-4000-8000-000000000000/kpis?${APRIL}`);
    expect([foreign.status, missing.status]).toEqual([404, 404]);
    expect(await foreign.json()).toEqual(await missing.json());
    expect((await get(bea.cookie, `/api/sites/${monthSite}/kpis/daily.csv?${APRIL}`)).status).toBe(404);
    expect((await fetch(`${t.server.url}/api/sites/${site}/kpis?${APRIL}`)).status).toBe(401);
  });

  it.each([
    ['from=2026-04-31&to=2026-05-02', 'not a real date'],
    ['from=2026-05-01&to=2026-04-01', 'from after to'],
    ['from=2025-01-01&to=2026-04-30', 'more than 366 days'],
    ['from=april&to=may', 'not dates'],
    ['from=2026-04-01', 'no end'],
  ])('refuses %s (%s)', async (query) => {
    expect((await get(mo, `/api/sites/${monthSite}/kpis?${query}`)).status).toBe(400);
  });

  it('exports every table as CSV with the same figures', async () => {
    const csv = async (table: string) => {
      const res = await get(mo, `/api/sites/${monthSite}/kpis/${table}.csv?${APRIL}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
      expect(res.headers.get('content-disposition')).toContain(`tribu-${table}-2026-04-01-to-2026-04-30.csv`);
      return (await res.text()).trimEnd().split('\r\n');
    };
    const daily = await csv('daily');
    expect(daily[0]).toBe('"date","requests","answered","missed","abandoned","median_first_answer_sec"');
    expect(daily).toContain('"2026-04-05",2,1,1,0,50');
    expect(daily).toHaveLength(31);
    const helpers = await csv('helpers');
    expect(helpers[1]).toMatch(/^"Hana","helper",10,4,145,2\.5,60,14,"2026-04-30T12:59:00\.000Z",/);
    expect(await csv('inactive')).toEqual([
      '"helper","joined","last_seen","last_answer"',
      expect.stringMatching(/^"Lea","2026-04-20T08:00:00\.000Z",,$/),
      expect.stringMatching(/^"Kai",/),
    ]);
    expect(await csv('ratings')).toEqual(['"stars","chats"', '1,2', '2,1', '3,2', '4,5', '5,10']);
    const heatmap = await csv('heatmap');
    expect(heatmap).toHaveLength(1 + 168);
    expect(heatmap).toContain('"Wednesday",14,5,2.4,"no"');
    expect(heatmap).toContain('"Tuesday",20,4,0,"yes"');
  });

  it('defuses a helper name that a spreadsheet would run as a formula', async () => {
    await t.server.db.db.execute(sql`update users set display_name = '=HYPERLINK("https://evil.example","Lea")' where email = 'lea@kpi-month.test'`);
    const text = await (await get(mo, `/api/sites/${monthSite}/kpis/inactive.csv?${APRIL}`)).text();
    expect(text).toContain(`"'=HYPERLINK(""https://evil.example"",""Lea"")"`);
    expect(text.split('\r\n').some((line) => line.startsWith('='))).toBe(false);
  });
});
