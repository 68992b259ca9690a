import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { conversations, siteApiKeys, users, visitors } from '@tribu/db';
import type { ApiKeyCreated, ApiKeyView, KpiReport, V1Conversation, V1ConversationPage, V1Numbers } from '@tribu/protocol';
import { hashApiKey } from '../modules/sales/api-key.service.ts';
import { usePostgresServer } from './support/app.ts';
import { login, signedInCaller } from './support/clients.ts';
import { USERS } from './support/fixtures.ts';
import { SALES_MONTH_SQL } from './support/sales-month.ts';
import { hasPostgres } from './support/services.ts';

interface ErrorAnswer {
  error: { code: string; message: string; fields?: Record<string, string> };
}

const APRIL = 'from=2026-04-01&to=2026-04-30';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** The fields a merchant gets for one chat, and nothing else. */
const FIELDS = [
  'answeredAt',
  'closedAt',
  'closedBy',
  'createdAt',
  'erased',
  'helper',
  'id',
  'locale',
  'neededStaff',
  'page',
  'question',
  'rating',
  'status',
  'topics',
  'updatedAt',
  'visitorId',
];

describe.skipIf(!hasPostgres)('the read API: /api/v1/numbers and /api/v1/conversations (Postgres)', () => {
  const t = usePostgresServer();
  const call = signedInCaller(() => t.server.url);
  const db = () => t.server.db.db;
  let salesSite: string;
  let salesKey: string;

  const get = async <T>(key: string | null, path: string) => {
    const res = await fetch(`${t.server.url}${path}`, { headers: key ? { authorization: `Bearer ${key}` } : {} });
    const text = await res.text();
    return { status: res.status, data: (text ? JSON.parse(text) : undefined) as T };
  };

  /** A key made the way the route makes it (the hand-made site has no admin among the fixtures). */
  async function insertKey(siteId: string, scopes: string[], fill: string): Promise<string> {
    const key = `tk_${fill.repeat(43)}`;
    await db()
      .insert(siteApiKeys)
      .values({ siteId, name: `key ${fill}`, scopes, keyHash: hashApiKey(key), prefix: key.slice(0, 7) });
    return key;
  }

  async function createKey(scopes: string[], name: string): Promise<ApiKeyCreated> {
    const res = await call<ApiKeyCreated>('adminA', 'POST', `/api/sites/${t.server.sites.siteA}/api-keys`, { name, scopes });
    expect(res.status, res.text).toBe(201);
    return res.data;
  }

  beforeAll(async () => {
    await db().execute(sql.raw(SALES_MONTH_SQL));
    const rows = (await db().execute(sql`select id from sites where key = 'sales-month'`)) as unknown as { rows: { id: string }[] };
    salesSite = rows.rows[0]!.id;
    salesKey = await insertKey(salesSite, ['numbers:read'], 'n');
  });

  it('gives a numbers:read key the figures Numbers shows, from the same service: the hand-made April exactly', async () => {
    const res = await get<V1Numbers>(salesKey, `/api/v1/numbers?${APRIL}`);
    expect(res.status).toBe(200);
    const n = res.data;
    expect(Object.keys(n).sort()).toEqual(['daily', 'days', 'from', 'helpers', 'previous', 'sales', 'siteId', 'summary', 'timeZone', 'to']);
    expect([n.siteId, n.timeZone, n.from, n.to, n.days]).toEqual([salesSite, 'Europe/Paris', '2026-04-01', '2026-04-30', 30]);
    expect(n.sales.assisted).toEqual({
      orders: 4,
      share: 4 / 7,
      revenue: [
        { currency: 'EUR', orders: 3, amount: 230.5 },
        { currency: 'JPY', orders: 1, amount: 5000 },
      ],
    });
    expect(n.sales.chatted).toEqual({ visitors: 4, bought: 3, conversion: 0.75 });
    expect(n.sales.perChatHour).toEqual([
      { currency: 'EUR', orders: 3, amount: 115.25 },
      { currency: 'JPY', orders: 1, amount: 2500 },
    ]);
    expect([n.summary.requests, n.summary.answered, n.summary.chatHours]).toEqual([5, 4, 2]);
    // The managers' page reads the very same figures.
    const mo = (await login(t.server.url, USERS.moderatorA.email)).cookie;
    const page = (await (await fetch(`${t.server.url}/api/sites/${salesSite}/kpis?${APRIL}`, { headers: { cookie: mo } })).json()) as KpiReport;
    expect(n).toEqual({
      siteId: page.siteId,
      timeZone: page.timeZone,
      from: page.from,
      to: page.to,
      days: page.days,
      summary: page.summary,
      previous: page.previous,
      helpers: page.helpers,
      daily: page.daily,
      sales: page.sales,
    });
  });

  it('refuses a period that is not one, naming the field', async () => {
    const backwards = await get<ErrorAnswer>(salesKey, '/api/v1/numbers?from=2026-04-30&to=2026-04-01');
    expect([backwards.status, backwards.data.error.code]).toEqual([400, 'bad_request']);
    expect(backwards.data.error.message).toContain('`from` must be on or before `to`');
    expect((await get<ErrorAnswer>(salesKey, '/api/v1/numbers?from=2026-04-01')).status).toBe(400);
    expect((await get<ErrorAnswer>(salesKey, '/api/v1/numbers?from=2025-01-01&to=2026-04-30')).data.error.message).toContain('at most 366 days');
  });

  it('refuses no key, a made-up key, a revoked key (401) and a key without numbers:read (403), before anything is read', async () => {
    const conversionsOnly = await createKey(['conversions'], 'Orders only');
    const revoked = await createKey(['numbers:read'], 'Soon revoked');
    expect((await call('adminA', 'DELETE', `/api/sites/${t.server.sites.siteA}/api-keys/${revoked.apiKey.id}`)).status).toBe(204);
    for (const path of [`/api/v1/numbers?${APRIL}`, '/api/v1/conversations']) {
      const none = await get<ErrorAnswer>(null, path);
      expect([none.status, none.data.error.code, none.data.error.message]).toEqual([
        401,
        'unauthorized',
        'Send a live site API key as Authorization: Bearer <key>',
      ]);
      expect((await get<ErrorAnswer>(`tk_${'z'.repeat(43)}`, path)).status).toBe(401);
      expect((await get<ErrorAnswer>(revoked.key, path)).status).toBe(401);
      const wrong = await get<ErrorAnswer>(conversionsOnly.key, path);
      expect([wrong.status, wrong.data.error.code, wrong.data.error.message]).toEqual([403, 'forbidden', 'This key lacks the numbers:read scope']);
    }
  });

  it("notes each call as the key's last use, shown on the keys screen", async () => {
    const created = await createKey(['numbers:read'], 'Reporting tool');
    expect(created.apiKey.lastUsedAt).toBeNull();
    const before = Date.now();
    expect((await get(created.key, `/api/v1/numbers?${APRIL}`)).status).toBe(200);
    const after = Date.now();
    const list = await call<{ keys: ApiKeyView[] }>('adminA', 'GET', `/api/sites/${t.server.sites.siteA}/api-keys`);
    const used = Date.parse(list.data.keys.find((k) => k.id === created.apiKey.id)!.lastUsedAt!);
    // Postgres and this process share a clock; allow for the timestamp's rounding.
    expect(used >= before - 5 && used <= after + 5).toBe(true);
  });

  describe('GET /api/v1/conversations', () => {
    let key: string;
    let ids: string[];
    let erasing: string;
    const stamp = '2026-11-02T09:00:00.000Z';

    beforeAll(async () => {
      key = await insertKey(t.server.sites.siteA, ['numbers:read'], 'c');
      const [helper] = await db().select().from(users).where(eq(users.email, USERS.helperA1.email));
      const [v] = await db().insert(visitors).values({ id: randomUUID(), siteId: t.server.sites.siteA }).returning();
      // The first chat is another visitor's, who will ask for their data to be erased.
      const [w] = await db().insert(visitors).values({ id: randomUUID(), siteId: t.server.sites.siteA }).returning();
      erasing = w!.id;
      // Five chats: two changed at the same instant (their ids break the tie), the others a minute apart.
      const at = (min: number) => new Date(Date.parse(stamp) + min * 60_000);
      const rows = await db()
        .insert(conversations)
        .values(
          [0, 1, 1, 2, 3].map((min, i) => ({
            siteId: t.server.sites.siteA,
            visitorId: i === 0 ? erasing : v!.id,
            status: 'closed' as const,
            helperId: helper!.id,
            question: `Question ${i}`,
            pageUrl: 'https://a.example/boots',
            pageTitle: 'Boots',
            topics: ['sizing'],
            locale: 'en',
            createdAt: at(min - 10),
            firstResponseAt: at(min - 9),
            closedAt: at(min),
            closedBy: 'helper' as const,
            rating: 5,
            visitorEmail: 'visitor@example.com',
            visitorName: 'Vera',
            ipHash: 'hash-of-the-address',
            updatedAt: at(min),
          })),
        )
        .returning({ id: conversations.id, updatedAt: conversations.updatedAt });
      ids = rows.sort((x, y) => x.updatedAt.getTime() - y.updatedAt.getTime() || x.id.localeCompare(y.id)).map((r) => r.id);
    });

    const page = (q: string) => get<V1ConversationPage>(key, `/api/v1/conversations?${q}`);

    it('pages through the chats by (updated_at, id) with an opaque cursor: each once, ties included, none from another site', async () => {
      const seen: string[] = [];
      let q = `updatedSince=${encodeURIComponent(stamp)}&limit=2`;
      const sizes: number[] = [];
      for (let i = 0; i < 5; i++) {
        const res = await page(q);
        expect(res.status).toBe(200);
        sizes.push(res.data.conversations.length);
        seen.push(...res.data.conversations.map((c) => c.id));
        if (!res.data.hasMore) break;
        expect(res.data.nextCursor).toMatch(/^[A-Za-z0-9_-]+$/);
        q = `cursor=${res.data.nextCursor}&limit=2`;
      }
      expect(sizes).toEqual([2, 2, 1]);
      expect(seen).toEqual(ids);
    });

    it('lists only the fields a merchant needs: no email, name, address or messages', async () => {
      const res = await page(`updatedSince=${encodeURIComponent(stamp)}&limit=1`);
      const c = res.data.conversations[0]!;
      expect(Object.keys(c).sort()).toEqual(FIELDS);
      expect(c).toEqual({
        id: ids[0]!,
        visitorId: expect.any(String) as string,
        status: 'closed',
        createdAt: '2026-11-02T08:50:00.000Z',
        updatedAt: '2026-11-02T09:00:00.000Z',
        answeredAt: '2026-11-02T08:51:00.000Z',
        closedAt: '2026-11-02T09:00:00.000Z',
        closedBy: 'helper',
        helper: { id: expect.any(String) as string, name: 'Ada' },
        question: 'Question 0',
        topics: ['sizing'],
        locale: 'en',
        page: { url: 'https://a.example/boots', title: 'Boots' },
        rating: 5,
        neededStaff: false,
        erased: false,
      } satisfies V1Conversation);
      const text = JSON.stringify((await page(`updatedSince=${encodeURIComponent(stamp)}`)).data);
      for (const secret of ['visitor@example.com', 'Vera', 'hash-of-the-address']) expect(text).not.toContain(secret);
    });

    it('brings a chat back after the cursor once it changes (here: erased), as a tombstone without the visitor', async () => {
      const all = await page(`updatedSince=${encodeURIComponent(stamp)}`);
      const cursor = all.data.nextCursor!;
      expect((await page(`cursor=${cursor}`)).data).toEqual({ conversations: [], nextCursor: cursor, hasMore: false });
      // The visitor of the first chat has their data erased (Manage → Privacy): the trigger dates the change.
      const erased = await call('adminA', 'POST', `/api/sites/${t.server.sites.siteA}/privacy/visitors/${erasing}/erase`, { reason: 'Asked by mail' });
      expect(erased.status, erased.text).toBe(200);
      // A read receipt alone is not a change.
      await db().update(conversations).set({ helperReadSeq: 3 }).where(eq(conversations.id, ids[2]!));
      // Changes show once settled (2 s).
      await sleep(2_300);
      const next = await page(`cursor=${cursor}`);
      expect(next.data.conversations.map((c) => c.id)).toEqual([ids[0]]);
      const tomb = next.data.conversations[0]!;
      expect([tomb.erased, tomb.visitorId, tomb.question, tomb.page, tomb.locale, tomb.topics, tomb.rating, tomb.helper?.name]).toEqual([
        true,
        null,
        null,
        null,
        null,
        [],
        5,
        'Ada',
      ]);
      expect(Date.parse(tomb.updatedAt)).toBeGreaterThan(Date.parse(stamp) + 3 * 60_000);
    });

    it('refuses a made-up cursor and a limit over 200, naming the field', async () => {
      const bad = await page('cursor=bm90LWEtY3Vyc29y');
      expect([bad.status, bad.data as unknown]).toEqual([
        400,
        { error: { code: 'bad_request', message: expect.any(String), fields: { cursor: expect.any(String) } } },
      ]);
      const big = await get<ErrorAnswer>(key, '/api/v1/conversations?limit=201');
      expect(big.status).toBe(400);
      expect(big.data.error.message).toContain('limit');
      expect((await get<ErrorAnswer>(key, '/api/v1/conversations?updatedSince=yesterday')).status).toBe(400);
    });

    it("keeps a key to its own site: shop B's key lists none of shop A's chats", async () => {
      const keyB = await insertKey(t.server.sites.siteB, ['numbers:read'], 'd');
      const res = await get<V1ConversationPage>(keyB, '/api/v1/conversations');
      expect(res.status).toBe(200);
      expect(res.data.conversations.filter((c) => ids.includes(c.id))).toEqual([]);
      const numbers = await get<V1Numbers>(keyB, `/api/v1/numbers?${APRIL}`);
      expect(numbers.data.siteId).toBe(t.server.sites.siteB);
    });

    it("forgets the chats the site's retention deleted", async () => {
      await db().execute(sql`update sites set settings = settings || '{"retentionDays": 1}' where id = ${t.server.sites.siteA}`);
      await t.server.sweep();
      const res = await page(`updatedSince=${encodeURIComponent(stamp)}`);
      expect(res.data.conversations.filter((c) => ids.includes(c.id))).toEqual([]);
      await db().execute(sql`update sites set settings = settings - 'retentionDays' where id = ${t.server.sites.siteA}`);
    });

    it('holds each key to its budget of 300 calls a minute: the 301st is refused with 429', async () => {
      const k = await insertKey(t.server.sites.siteA, ['numbers:read'], 'e');
      const statuses: number[] = [];
      for (let i = 0; i < 301; i++) statuses.push((await get(k, '/api/v1/conversations?limit=1')).status);
      expect(statuses.filter((s) => s === 200).length).toBe(300);
      expect(statuses.at(-1)).toBe(429);
    });
  });
});
