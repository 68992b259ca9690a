import { beforeAll, describe, expect, it } from 'vitest';
import { ErrorCode, KPI_TABLES, type Conversation } from '@tribu/protocol';
import { usePostgresServer } from './support/app.ts';
import { clientId, connectVisitor, login, ok, send } from './support/clients.ts';
import { ORIGIN_A, USERS } from './support/fixtures.ts';
import { UNSTORABLE_MESSAGE } from '../lib/unstorable-text.ts';
import { routeTable } from './support/routes.ts';
import { hasPostgres } from './support/services.ts';

// Every case must answer, whatever the query: a hang (a day loop that never ends) fails on this timeout.
const TIMEOUT = 15_000;
const WITHIN = 'Choose a date from 2000-01-01 to 2100-12-31';
const NOT_A_DAY = 'Expected a date as YYYY-MM-DD';

let address = 0;
/** Each request from its own address (behind the trusted proxy), so no rate limit hides an answer. */
const nextAddress = () => `10.0.0.1, 203.0.${(address >> 8) & 255}.${address++ & 255}`;

type Case = [query: string, status: 200 | 400, message?: string];

/** The Numbers (`/kpis` and each of its CSV tables): `from` and `to`, both days included. */
const KPI_CASES: Case[] = [
  ['from=0001-01-01&to=0001-12-31', 400, `from: ${WITHIN}`],
  ['from=9999-01-01&to=9999-12-31', 400, `from: ${WITHIN}`],
  ['from=2026-01-01&to=9999-12-31', 400, `to: ${WITHIN}`],
  ['from=1999-12-31&to=2000-01-01', 400, `from: ${WITHIN}`],
  ['from=2100-12-31&to=2101-01-01', 400, `to: ${WITHIN}`],
  ['from=2024-02-30&to=2024-03-01', 400, 'from: Not a real date'],
  ['from=2026-04-31&to=2026-05-02', 400, 'from: Not a real date'],
  ['from=2026-05-01&to=2026-04-01', 400, 'to: `from` must be on or before `to`'],
  ['from=2000-01-01&to=2100-12-31', 400, 'to: A period covers at most 366 days'],
  ['from=2025-01-01&to=2026-01-02', 400, 'to: A period covers at most 366 days'],
  ['from=april&to=may', 400, `from: ${NOT_A_DAY}`],
  ['from=99999-01-01&to=99999-12-31', 400, `from: ${NOT_A_DAY}`],
  ['from=%2B02026-04-01&to=2026-04-30', 400, `from: ${NOT_A_DAY}`],
  ['from=-001-01-01&to=2026-04-30', 400, `from: ${NOT_A_DAY}`],
  ['from=2026-04-01T00:00:00Z&to=2026-04-30', 400, `from: ${NOT_A_DAY}`],
  ['from=1e309&to=NaN', 400, `from: ${NOT_A_DAY}`],
  ['from=%00&to=2026-04-30', 400, `from: ${UNSTORABLE_MESSAGE}`],
  ['from=2026-04-01&to=2026-04-30&topic=a%00b', 400, `topic: ${UNSTORABLE_MESSAGE}`],
  ['from=2026-04-01', 400, 'to: Invalid input: expected string, received undefined'],
  ['', 400, 'from: Invalid input: expected string, received undefined'],
  ['from=2026-04-01&from=2026-04-02&to=2026-04-30', 400, 'from: Invalid input: expected string, received array'],
  ['from=2026-04-01&to=2026-04-30&to=2026-05-01', 400, 'to: Invalid input: expected string, received array'],
  // The edges themselves are answered, and so is the longest period.
  ['from=2000-01-01&to=2000-01-31', 200],
  ['from=2100-12-01&to=2100-12-31', 200],
  ['from=2024-01-01&to=2024-12-31', 200],
  ['from=2024-02-29&to=2024-03-01', 200],
  ['from=2026-04-01&to=2026-04-30&limit=-1&offset=1e309&period=all', 200],
];

/** The audit log: `before` (an instant) pages back, `action` filters. */
const AUDIT_CASES: Case[] = [
  ['before=0000-01-01T00:00:00Z', 400, `before: ${WITHIN}`],
  ['before=0001-01-01T00:00:00Z', 400, `before: ${WITHIN}`],
  ['before=9999-12-31T23:59:59Z', 400, `before: ${WITHIN}`],
  ['before=2101-01-01T00:00:00Z', 400, `before: ${WITHIN}`],
  ['before=2024-02-30T00:00:00Z', 400, 'before: Invalid ISO datetime'],
  ['before=2026-04-01', 400, 'before: Invalid ISO datetime'],
  ['before=-1', 400, 'before: Invalid ISO datetime'],
  ['before=1e309', 400, 'before: Invalid ISO datetime'],
  ['before=2026-04-01T00:00:00Z&before=2026-04-02T00:00:00Z', 400, 'before: Invalid input: expected string, received array'],
  ['action=a&action=b', 400, 'action: Invalid input: expected string, received array'],
  [`action=${'x'.repeat(61)}`, 400, 'action: Too big: expected string to have <=60 characters'],
  ['before=2026-04-01T00:00:00Z', 200],
  ['before=2026-04-01T00:00:00%2B02:00', 200],
  ['before=2100-12-31T23:59:59Z&action=points.adjusted', 200],
  ['limit=-1&offset=99999999999999999999&from=0001-01-01', 200],
];

describe.skipIf(!hasPostgres)('dates, periods and limits in query strings', () => {
  const t = usePostgresServer({ env: () => ({ TRUST_PROXY: 'true' }) });
  let cookie: string;
  let siteA: string;

  beforeAll(async () => {
    cookie = (await login(t.server.url, USERS.adminA.email)).cookie;
    siteA = t.server.sites.siteA;
  });

  async function get(path: string): Promise<{ status: number; body: string }> {
    const res = await fetch(`${t.server.url}${path}`, { headers: { cookie, 'x-forwarded-for': nextAddress() } });
    return { status: res.status, body: await res.text() };
  }

  async function expectAnswer(path: string, status: number, message: string | undefined) {
    const res = await get(path);
    expect(res.status, `${path} → ${res.body.slice(0, 200)}`).toBe(status);
    if (status === 400) expect(JSON.parse(res.body)).toEqual({ error: { code: ErrorCode.badRequest, message } });
  }

  const kpiPaths = ['kpis', ...KPI_TABLES.map((table) => `kpis/${table}.csv`)];
  it.each(kpiPaths.flatMap((p) => KPI_CASES.map(([q, status, message]) => [p, q, status, message] as const)))(
    '%s?%s answers %i %s',
    async (p, q, status, message) => {
      await expectAnswer(`/api/sites/${siteA}/${p}?${q}`, status, message);
    },
    TIMEOUT,
  );

  it(
    'gives the whole period day by day up to its last day, and compares it with as many days just before',
    async () => {
      const res = await get(`/api/sites/${siteA}/kpis?from=2100-12-30&to=2100-12-31`);
      expect(res.status).toBe(200);
      const report = JSON.parse(res.body) as { days: number; daily: { date: string }[]; previous: { from: string; to: string } };
      expect(report.days).toBe(2);
      expect(report.daily.map((d) => d.date)).toEqual(['2100-12-30', '2100-12-31']);
      expect(report.previous).toMatchObject({ from: '2100-12-28', to: '2100-12-29' });
      const first = JSON.parse((await get(`/api/sites/${siteA}/kpis?from=2000-01-01&to=2000-01-02`)).body) as typeof report;
      expect(first.previous).toMatchObject({ from: '1999-12-30', to: '1999-12-31' });
    },
    TIMEOUT,
  );

  it.each(AUDIT_CASES)(
    'audit?%s answers %i %s',
    async (q, status, message) => {
      await expectAnswer(`/api/sites/${siteA}/audit?${q}`, status, message);
    },
    TIMEOUT,
  );

  it.each<Case>([
    ['action=a&action=b', 400, 'action: Invalid input: expected string, received array'],
    ['before=0001-01-01T00:00:00Z&limit=-1', 200],
  ])(
    'audit.csv?%s answers %i %s',
    async (q, status, message) => {
      await expectAnswer(`/api/sites/${siteA}/audit.csv?${q}`, status, message);
    },
    TIMEOUT,
  );

  it('answers every GET route given calendar-edge dates, bad periods and huge limits with a result or a 4xx, never a 5xx', async () => {
    const gets = routeTable(t.server.app.printRoutes({ commonPrefix: false })).filter((r) => r.method === 'GET' && r.path.startsWith('/api/'));
    const concrete = (path: string) =>
      path
        .replace(':siteId', siteA)
        .replace(':siteKey', 'shop-a')
        .replace(':table', 'daily.csv')
        .replace(/:[a-zA-Z]+/g, '00000000-0000-4000-8000-000000000000');
    const hostile = [
      'from=0001-01-01&to=0001-12-31',
      'from=9999-01-01&to=9999-12-31',
      'from=2024-02-30&to=2024-03-01',
      'from=2026-05-01&to=2026-04-01',
      'from=2000-01-01&to=2100-12-31',
      'before=0000-01-01T00:00:00Z&after=9999-12-31T23:59:59Z',
      'limit=-1&offset=-1',
      'limit=99999999999999999999&offset=1e309&page=NaN',
      'period=all&period=week&since=0001-01-01',
      'from=a&from=b&to=c&to=d&limit=1&limit=2',
    ];
    const answers = new Set<string>();
    for (const route of gets) {
      for (const q of hostile) {
        const path = `${concrete(route.path)}?${q}`;
        const res = await get(path);
        expect(res.status, `${path} → ${res.body.slice(0, 200)}`).toBeLessThan(500);
        if (res.status >= 400 && res.body.startsWith('{')) {
          const code = (JSON.parse(res.body) as { error: { code: string } }).error.code;
          expect(code, path).not.toBe(ErrorCode.internal);
        }
        answers.add(String(res.status));
      }
    }
    // The sweep reached routes that answer and routes that refuse.
    expect([...answers].sort()).toEqual(expect.arrayContaining(['200', '400']));
  }, 120_000);

  // A message number past what Postgres stores (2^31 - 1) is refused with a reason, like a bad date.
  it.each([
    ['message:sync', 'afterSeq', 2 ** 31 - 1, { ok: true, data: { messages: [] } }],
    ['message:sync', 'afterSeq', 2 ** 31, { ok: false, error: { code: ErrorCode.badRequest } }],
    ['message:sync', 'afterSeq', Number.MAX_SAFE_INTEGER, { ok: false, error: { code: ErrorCode.badRequest } }],
    ['message:sync', 'afterSeq', -1, { ok: false, error: { code: ErrorCode.badRequest } }],
    ['read:update', 'seq', 2 ** 31, { ok: false, error: { code: ErrorCode.badRequest } }],
  ] as const)(
    '%s with %s = %i answers %j',
    async (event, field, value, answer) => {
      const v = await connectVisitor(t.server.url, { siteKey: 'shop-a', origin: ORIGIN_A });
      const { conversation } = await ok<{ conversation: Conversation }>(v.socket, 'conversation:start', {
        clientId: clientId(),
        text: `Sequence ${field} ${value}?`,
      });
      expect(await send(v.socket, event, { conversationId: conversation.id, [field]: value })).toMatchObject(answer);
      await ok(v.socket, 'conversation:end', { conversationId: conversation.id });
    },
    TIMEOUT,
  );
});
