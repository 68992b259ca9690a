import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { sql } from 'drizzle-orm';
import type { ParsedMail } from 'mailparser';
import { createDb, type DbHandle } from '@tribu/db';
import type { MonthlyReportPref } from '@tribu/protocol';
import { buildApp, type App } from '../app.ts';
import { loadEnv } from '../env.ts';
import { usePostgresServer } from './support/app.ts';
import { signedInCaller } from './support/clients.ts';
import { USERS } from './support/fixtures.ts';
import { SALES_MONTH_SQL } from './support/sales-month.ts';
import { hasPostgres } from './support/services.ts';
import { useSmtpInbox } from './support/smtp.ts';

const SECRET = randomBytes(32).toString('hex');
/** Where both nodes say they are served (the mails' links); requests go to the first node's real address. */
const PUBLIC_URL = 'http://tribu.example';
const to = (m: ParsedMail) => (Array.isArray(m.to) ? m.to : [m.to]).flatMap((a) => a?.value.map((v) => v.address) ?? []).join(',');
const header = (m: ParsedMail, name: string) => m.headerLines.find((h) => h.key === name)?.line.replace(/^[^:]+:\s*/, '');

/** The key figures of the hand-made April (support/sales-month.ts), worked out by hand before the code. */
const APRIL_FIGURES = [
  'Chats',
  // v1…v4 answered, v5 never: 4 of 5; each answered 30 s after it was taken.
  'Requests: 5 · answered 4 (80%)',
  'First answer: median 30 s',
  // Four chats of 30 minutes: 2 h ÷ (35 h × 30/7 weeks) = 0.0133.
  'Chat hours: 2 h ≈ 0.01 full-time equivalent',
  'Rating: no rating',
  // Hana and Ivo answered; both joined before April.
  'Active helpers: 2 · new 0',
  '',
  'Sales',
  'Orders reported: 7 orders · €300.50 · JP¥6,000',
  'Assisted by a chat: 4 orders (57%) · €230.50 · JP¥5,000',
  'Referred by a helper: 2 orders (29%) · €130.50',
  'Visitors who chatted and bought: 3 of 4 (75%)',
  'Average order: €76.83 · JP¥5,000 with a chat · €35.00 · JP¥1,000 without',
  'Assisted revenue per chat hour: €115.25 · JP¥2,500',
].join('\n');

describe.skipIf(!hasPostgres)('the monthly report mail (Postgres, a real SMTP server, two app instances)', () => {
  const inbox = useSmtpInbox();
  const t = usePostgresServer({ env: () => ({ SMTP_URL: inbox.url, MAIL_FROM: 'Tribu <no-reply@tribu.test>', SECRET, PUBLIC_URL }) });
  const call = signedInCaller(() => t.server.url);
  let second: App;
  let secondDb: DbHandle;
  let dataDir: string;
  let salesSite: string;

  beforeAll(async () => {
    await t.server.db.db.execute(sql.raw(SALES_MONTH_SQL));
    const rows = (await t.server.db.db.execute(sql`select id from sites where key = 'sales-month'`)) as unknown as { rows: { id: string }[] };
    salesSite = rows.rows[0]!.id;
    // Sales Month: Mo manages it (support/sales-month.ts), Al is its admin, Ben a manager who turns the mail off; Hana and Ivo are helpers.
    await t.server.db.db.execute(sql`
      insert into memberships (user_id, site_id, role) select id, ${salesSite}, 'admin' from users where email = ${USERS.adminA.email};
    `);
    await t.server.db.db.execute(
      sql`insert into memberships (user_id, site_id, role) select id, ${salesSite}, 'moderator' from users where email = ${USERS.helperA2.email}`,
    );
    // A second node on the same database and mail server, with the same secret, as in production.
    dataDir = mkdtempSync(join(tmpdir(), 'tribu-test-'));
    const env = loadEnv({
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      SECRET,
      PUBLIC_URL,
      LOG_LEVEL: 'silent',
      SEED_DEMO: 'false',
      DATABASE_URL: t.databaseUrl,
      SMTP_URL: inbox.url,
      MAIL_FROM: 'Tribu <no-reply@tribu.test>',
    });
    secondDb = await createDb({ databaseUrl: env.DATABASE_URL, poolSize: 5 });
    second = await buildApp({ env, db: secondDb });
  });

  afterAll(async () => {
    await second?.app.close();
    await secondDb?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  /** Both nodes run the schedule at the same moment, at `now` (their clocks agree). */
  async function bothSweep(now: string) {
    // The nodes' own timers sweep at today's date in between (as they do every few seconds): that must not hold the schedule back.
    await Promise.all([t.server.sweep(), second.sweep()]);
    vi.useFakeTimers({ toFake: ['Date'], now: new Date(now) });
    try {
      await Promise.all([t.server.sweep(), second.sweep()]);
    } finally {
      vi.useRealTimers();
    }
  }
  const reportsOf = (month: string) =>
    inbox.mails
      .filter((m) => m.subject?.endsWith(`your community in ${month}`))
      .map((m) => `${to(m)} ${m.subject}`)
      .sort();

  it('lets a manager turn the mail off on their profile', async () => {
    expect((await call<MonthlyReportPref>('helperA2', 'GET', '/api/profile/monthly-report')).data).toEqual({ subscribed: true });
    const off = await call<MonthlyReportPref>('helperA2', 'PUT', '/api/profile/monthly-report', { subscribed: false });
    expect([off.status, off.data]).toEqual([200, { subscribed: false }]);
    expect((await call<MonthlyReportPref>('helperA2', 'GET', '/api/profile/monthly-report')).data).toEqual({ subscribed: false });
    expect((await call('helperA2', 'PUT', '/api/profile/monthly-report', { subscribed: 'no' })).status).toBe(400);
  });

  it('sends last month’s report once per site and person when two nodes run the schedule on the 1st; none to helpers or to who turned it off', async () => {
    // 1 May, 08:00 in Paris (06:00 UTC): April ended for Sales Month (Paris) and for shops A and B (UTC).
    await bothSweep('2026-05-01T06:00:00Z');
    expect(reportsOf('April 2026')).toEqual([
      'admin-a@test.tribu Sales Month · your community in April 2026',
      'admin-a@test.tribu Shop A · your community in April 2026',
      'mod-a@test.tribu Sales Month · your community in April 2026',
      'mod-a@test.tribu Shop A · your community in April 2026',
    ]);
    const claims = (await t.server.db.db.execute(
      sql`select count(*)::int as n, count(sent_at)::int as sent from monthly_report_mails where month = '2026-04'`,
    )) as unknown as { rows: { n: number; sent: number }[] };
    expect(claims.rows[0]).toEqual({ n: 4, sent: 4 });
    // Later rounds that day and the next, on either node: nothing more.
    await bothSweep('2026-05-01T06:02:00Z');
    await bothSweep('2026-05-02T09:00:00Z');
    expect(reportsOf('April 2026')).toHaveLength(4);
  });

  it('writes the month’s key figures exactly, in plain text and HTML, with the report page and a one-click unsubscribe', async () => {
    const mail = inbox.mails.find((m) => to(m) === USERS.moderatorA.email && m.subject === 'Sales Month · your community in April 2026')!;
    const text = mail.text!;
    console.log(text, mail.headerLines.map((h) => h.line).join('\n'));
    expect(text).toContain('Hello Mo,');
    expect(text).toContain('Here is what the Sales Month community did in April 2026 (Europe/Paris time).');
    expect(text).toContain(APRIL_FIGURES);
    const page = `${PUBLIC_URL}/backoffice/manage/numbers?site=${salesSite}&from=2026-04-01&to=2026-04-30&report=monthly`;
    expect(text).toContain(`Open the printable report:\n${page}`);
    const html = mail.html as string;
    for (const line of APRIL_FIGURES.split('\n').filter(Boolean)) expect(html).toContain(line.replaceAll("'", '&#39;'));
    expect(html).toContain(`href="${page.replaceAll('&', '&amp;')}"`);
    const oneClick = header(mail, 'list-unsubscribe')!;
    expect(oneClick).toMatch(new RegExp(`^<${PUBLIC_URL}/api/monthly-report/unsubscribe\\?token=[0-9a-f-]{36}\\.[A-Za-z0-9_-]{43}>$`));
    expect(header(mail, 'list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
    const token = oneClick.slice(oneClick.indexOf('token=') + 6, -1);
    expect(text).toContain(`Stop these mails in one click: ${PUBLIC_URL}/backoffice/monthly-report/unsubscribe#${token}`);
  });

  it('unsubscribes in one click from the mail program (RFC 8058), refuses a token it did not sign, and sends the next month to the others only', async () => {
    const mail = inbox.mails.find((m) => to(m) === USERS.moderatorA.email && m.subject?.endsWith('April 2026'))!;
    const url = header(mail, 'list-unsubscribe')!.slice(1, -1).replace(PUBLIC_URL, t.server.url);
    const forged = await fetch(url.replace(/\.[A-Za-z0-9_-]{43}$/, `.${'A'.repeat(43)}`), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(forged.status).toBe(400);
    expect((await call<MonthlyReportPref>('moderatorA', 'GET', '/api/profile/monthly-report')).data).toEqual({ subscribed: true });
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'List-Unsubscribe=One-Click' });
    expect([res.status, await res.json()]).toEqual([200, { unsubscribed: true }]);
    expect((await call<MonthlyReportPref>('moderatorA', 'GET', '/api/profile/monthly-report')).data).toEqual({ subscribed: false });
    // 1 June: May's reports go to Al only (Mo and Ben turned them off).
    await bothSweep('2026-06-01T06:00:00Z');
    expect(reportsOf('May 2026')).toEqual([
      'admin-a@test.tribu Sales Month · your community in May 2026',
      'admin-a@test.tribu Shop A · your community in May 2026',
    ]);
  });

  it('sends nothing after the 3rd of the month: a month missed that long stays unsent', async () => {
    await call('helperA2', 'PUT', '/api/profile/monthly-report', { subscribed: true });
    await bothSweep('2026-07-04T09:00:00Z');
    expect(reportsOf('June 2026')).toEqual([]);
  });
});
