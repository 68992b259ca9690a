import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { seriousViolations } from './support/axe.ts';
import { launchBrowser, personPage, screenshot } from './support/browser.ts';
import { signIn } from './support/people.ts';
import { freshDatabase, psql } from './support/postgres.ts';
import { hasChromium } from './support/requirements.ts';
import { printServerOutputOnFailure, startServer, type RunningServer } from './support/server.ts';

const serverDir = resolve(dirname(fileURLToPath(import.meta.url)), '../../server');

/** The server's hand-made April 2026 (one source of truth): its SQL and the figures written in advance. */
interface Month {
  sql: string;
  month: { siteName: string; from: string; to: string };
  expected: {
    requests: number;
    answered: number;
    missed: number;
    abandoned: number;
    answerRate: number;
    medianFirstAnswerSec: number;
    p90FirstAnswerSec: number;
    medianChatSec: number;
    chatHours: number;
    fte: number;
    ratingAverage: number;
    ratingCounts: number[];
    ratedShare: number;
    helpers: { active: number; new: number; inactive: number };
    perHelper: {
      name: string;
      chats: number;
      ratingAverage: number | null;
      medianFirstAnswerSec: number | null;
      chatHours: number;
      hoursOnline: number;
      points: number;
    }[];
    inactive: { name: string }[];
    gaps: number;
  };
}
function kpiMonth(managerEmail: string): Month {
  const out = execFileSync(process.execPath, ['--import', 'tsx', 'src/test/support/kpi-month.ts', `moderator:${managerEmail}`], {
    cwd: serverDir,
    encoding: 'utf8',
  });
  return JSON.parse(out) as Month;
}

// How the dashboard writes figures (checked against the numbers, not copied from the page).
const minSec = (s: number) => (s < 60 ? `${s} s` : s % 60 ? `${Math.floor(s / 60)} min ${s % 60} s` : `${s / 60} min`);
const pct = (v: number) => `${Math.round(v * 100)}%`;
const oneDecimal = (v: number) => Number(v.toFixed(1)).toString();

describe.skipIf(!hasChromium)('KPI dashboard: a month of known conversations, in the browser (Postgres)', () => {
  let db: ReturnType<typeof freshDatabase>;
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let month: Month;

  beforeAll(async () => {
    db = freshDatabase();
    server = await startServer({ DATABASE_URL: db.url });
    month = kpiMonth('manager@demo.tribu');
    psql(db.url, month.sql);
    browser = await launchBrowser();
    page = await personPage(browser, { width: 1440, height: 900 });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    db?.drop();
  });
  printServerOutputOnFailure(() => server);

  const tile = (id: string) => page.getByTestId(id);

  it('shows the figures of the chosen month exactly as worked out in advance', async () => {
    await signIn(page, server.url, 'manager@demo.tribu');
    await page.goto(`${server.url}/backoffice/manage/numbers`);
    await page.getByRole('heading', { name: 'Numbers', level: 1 }).waitFor();
    await page.getByRole('combobox', { name: 'Site' }).selectOption({ label: month.month.siteName });
    await page.getByRole('combobox', { name: 'Period' }).selectOption({ label: 'Custom dates…' });
    // Dates outside what the server answers are refused before asking it.
    await page.getByRole('textbox', { name: 'From', exact: true }).fill('1999-12-31');
    await page.getByRole('textbox', { name: 'To', exact: true }).fill('2000-01-31');
    await page.getByText('Choose dates from Jan 1, 2000.').waitFor();
    expect(await page.getByRole('button', { name: 'Show' }).isDisabled()).toBe(true);
    await screenshot(page, 'kpi-period-too-early');
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, 'kpi-period-too-early-phone');
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.getByRole('textbox', { name: 'From', exact: true }).fill(month.month.from);
    await page.getByRole('textbox', { name: 'To', exact: true }).fill(month.month.to);
    await page.getByRole('button', { name: 'Show' }).click();
    await page.getByText('Apr 1, 2026 – Apr 30, 2026 · 30 days').waitFor();

    const e = month.expected;
    await expect.poll(() => tile('requests').textContent()).toBe(String(e.requests));
    expect(await tile('answered').textContent()).toBe(String(e.answered));
    expect(await tile('missed').textContent()).toBe(String(e.missed));
    expect(await tile('abandoned').textContent()).toBe(String(e.abandoned));
    expect(await tile('answer-rate').textContent()).toBe(pct(e.answerRate));
    expect(await tile('median-first-answer').textContent()).toBe(minSec(e.medianFirstAnswerSec));
    expect(await tile('p90-first-answer').textContent()).toBe(minSec(e.p90FirstAnswerSec));
    expect(await tile('median-chat').textContent()).toBe(minSec(e.medianChatSec));
    expect(await tile('chat-hours').textContent()).toBe(`${oneDecimal(e.chatHours)} h`);
    expect(await tile('fte').textContent()).toBe(`${e.fte.toFixed(2)} FTE`);
    expect(await tile('rating-average').textContent()).toBe(`${e.ratingAverage.toFixed(1)} ★`);
    expect(await tile('rated-share').textContent()).toBe(pct(e.ratedShare));
    expect(await tile('active-helpers').textContent()).toBe(String(e.helpers.active));
    expect(await tile('new-helpers').textContent()).toBe(String(e.helpers.new));
    expect(await tile('inactive-helpers').textContent()).toBe(String(e.helpers.inactive));

    // Each definition is one click away.
    await page.getByRole('button', { name: 'What is Requests?' }).click();
    await page.getByText('Conversations started by visitors in the period.').first().waitFor();

    const ratings = page.getByRole('list', { name: 'Ratings by stars' });
    for (const [i, n] of e.ratingCounts.entries()) await ratings.getByRole('listitem', { name: `${i + 1} stars: ${n} chats` }).waitFor();

    const helpers = page.getByRole('region', { name: 'Helpers', exact: true });
    for (const want of e.perHelper) {
      const row = helpers.getByRole('row').filter({ has: page.getByRole('rowheader', { name: want.name, exact: true }) });
      const cells = await row.getByRole('cell').allTextContents();
      expect(cells.slice(0, 6)).toEqual([
        String(want.chats),
        want.ratingAverage === null ? '—' : `${want.ratingAverage.toFixed(1)} ★`,
        want.medianFirstAnswerSec === null ? '—' : minSec(want.medianFirstAnswerSec),
        `${oneDecimal(want.chatHours)} h`,
        `${oneDecimal(want.hoursOnline)} h`,
        String(want.points),
      ]);
    }
    const inactive = page.getByRole('region', { name: 'Helpers to re-engage' });
    expect(await inactive.getByRole('listitem').locator('strong').allTextContents()).toEqual(e.inactive.map((h) => h.name));
    await inactive.getByText('Never opened the backoffice').waitFor();

    const coverage = page.getByRole('region', { name: 'Coverage', exact: true });
    await coverage.getByText(`${e.gaps} hours of the week`).waitFor();
    await coverage.getByRole('cell', { name: 'Wednesday 14:00: 5 requests, 2.4 helpers online on average' }).waitFor();
    await coverage.getByRole('cell', { name: 'Tuesday 20:00: 4 requests, 0 helpers online on average — gap' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('sorts the helpers table by a column', async () => {
    const helpers = page.getByRole('region', { name: 'Helpers', exact: true });
    await helpers.getByRole('button', { name: /^Hours online/ }).click();
    const names = await helpers.getByRole('rowheader').allTextContents();
    expect(names.slice(0, 3)).toEqual(['Hana', 'Ivo', 'Jade']);
    await helpers.getByRole('button', { name: /^Hours online/ }).click();
    expect((await helpers.getByRole('rowheader').allTextContents()).slice(0, 3)).toEqual(['Kai', 'Lea', 'Jade']);
    await helpers.getByRole('button', { name: /^Chats/ }).click();
  });

  it('downloads the helpers table as CSV with the same figures', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download the helpers table as CSV' }).click()]);
    expect(download.suggestedFilename()).toBe('tribu-helpers-2026-04-01-to-2026-04-30.csv');
    const lines = readFileSync((await download.path())!, 'utf8')
      .trimEnd()
      .split('\r\n');
    expect(lines[0]).toBe(
      '"helper","role","chats_answered","rating_average","median_first_answer_sec","chat_hours","hours_online","points","last_seen","joined"',
    );
    const hana = month.expected.perHelper[0]!;
    expect(lines[1]).toMatch(
      new RegExp(
        `^"${hana.name}","helper",${hana.chats},${hana.ratingAverage},${hana.medianFirstAnswerSec},${hana.chatHours},${hana.hoursOnline},${hana.points},`,
      ),
    );
    expect(lines).toHaveLength(1 + month.expected.perHelper.length);
  });

  it('keeps the chosen period in the address, so a reload shows the same month', async () => {
    expect(new URL(page.url()).search).toBe(`?from=${month.month.from}&to=${month.month.to}`);
    await page.reload();
    await page.getByText('Apr 1, 2026 – Apr 30, 2026 · 30 days').waitFor();
    await expect.poll(() => tile('requests').textContent()).toBe(String(month.expected.requests));
  });

  it('looks clear at a glance on a desktop and on a phone', async () => {
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.getByRole('heading', { name: 'Numbers', level: 1 }).scrollIntoViewIfNeeded();
    await screenshot(page, 'kpi-month-1440');
    await page.setViewportSize({ width: 1440, height: 2700 });
    await screenshot(page, 'kpi-month-1440-full');
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByRole('heading', { name: 'Numbers', level: 1 }).scrollIntoViewIfNeeded();
    await screenshot(page, 'kpi-month-phone');
    // Tiles stack; wide tables scroll inside their card: nothing of the dashboard sticks out of the screen.
    const overflow = await page.evaluate(() => {
      const kpi = document.querySelector('.kpi')!;
      return { inside: kpi.scrollWidth - kpi.clientWidth, right: kpi.getBoundingClientRect().right, page: document.documentElement.scrollWidth };
    });
    expect(overflow.inside).toBe(0);
    expect(overflow.right).toBeLessThanOrEqual(390);
    await page.getByRole('region', { name: 'Requests per day' }).scrollIntoViewIfNeeded();
    await screenshot(page, 'kpi-month-phone-charts');
    await page.getByRole('region', { name: 'Coverage', exact: true }).scrollIntoViewIfNeeded();
    await screenshot(page, 'kpi-month-phone-coverage');
    await page.getByRole('region', { name: 'Helpers', exact: true }).scrollIntoViewIfNeeded();
    await screenshot(page, 'kpi-month-phone-helpers');
    await page.setViewportSize({ width: 1440, height: 900 });
  });

  it('shows the demo community alive over the last 30 days', async () => {
    await page.getByRole('combobox', { name: 'Site' }).selectOption({ label: 'Alpine Threads' });
    await page.getByRole('combobox', { name: 'Period' }).selectOption({ label: 'Last 30 days' });
    await expect.poll(async () => Number((await tile('requests').textContent())?.replace(/\D/g, '') || 0)).toBeGreaterThan(100);
    await page.setViewportSize({ width: 1440, height: 2700 });
    await screenshot(page, 'kpi-demo-1440-full');
    await page.setViewportSize({ width: 1440, height: 900 });
  });

  it('keeps helpers out: the page says so, and the numbers answer 403', async () => {
    const helper = await personPage(browser, { width: 1440, height: 900 });
    await signIn(helper, server.url, 'helper1@demo.tribu');
    await helper.goto(`${server.url}/backoffice/manage/numbers`);
    await helper.getByRole('alert').getByText("Only this site's community managers and admins can open this page").waitFor();
    expect(await helper.getByTestId('requests').count()).toBe(0);
    const status = await helper.evaluate(async () => {
      const me = (await (await fetch('/api/auth/me')).json()) as { memberships: { siteId: string }[] };
      return (await fetch(`/api/sites/${me.memberships[0]!.siteId}/kpis?from=2026-04-01&to=2026-04-30`)).status;
    });
    expect(status).toBe(403);
    await helper.close();
  });
});
