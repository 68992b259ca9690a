import { beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { conversations, conversions, createDb, referralCodes, siteApiKeys, users, visitors, type Db } from '@tribu/db';
import type { ApiKeyCreated, ApiKeyView, ConversionResult, ReferralCodeView } from '@tribu/protocol';
import { hashApiKey } from '../modules/sales/api-key.service.ts';
import { usePostgresServer } from './support/app.ts';
import { mintVisitor, signedInCaller } from './support/clients.ts';
import { ORIGIN_A, ORIGIN_B, USERS } from './support/fixtures.ts';
import { hasPostgres } from './support/services.ts';
import { useTwoNodes } from './support/two-nodes.ts';

const DAY = 86_400_000;
const BOUGHT = new Date('2026-11-20T10:00:00.000Z');

interface ErrorAnswer {
  error: { code: string; message: string; fields?: Record<string, string> };
}

/** Calls /api/v1 as the merchant's server does. */
function v1(base: () => string) {
  return async <T = unknown>(key: string | null, method: string, path: string, body?: unknown) => {
    const res = await fetch(`${base()}${path}`, {
      method,
      headers: { ...(key ? { authorization: `Bearer ${key}` } : {}), ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    const text = await res.text();
    return { status: res.status, data: (text ? JSON.parse(text) : undefined) as T };
  };
}

/** `Tribu.track` as the loader sends it, from a merchant page. */
async function track(base: string, siteKey: string, origin: string, body: unknown) {
  const res = await fetch(`${base}/api/widget/${siteKey}/track`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, data: (text ? JSON.parse(text) : undefined) as unknown };
}

async function rowsOf(db: Db, siteId: string, orderId: string) {
  return db
    .select()
    .from(conversions)
    .where(and(eq(conversions.siteId, siteId), eq(conversions.orderId, orderId)));
}

/** A chat of the visitor on the site, answered by the helper at `answeredAt` (and closed). */
async function answeredChat(db: Db, siteId: string, visitorId: string, helperEmail: string, answeredAt: Date): Promise<{ id: string; helperId: string }> {
  const [helper] = await db.select({ id: users.id }).from(users).where(eq(users.email, helperEmail));
  const [row] = await db
    .insert(conversations)
    .values({
      siteId,
      visitorId,
      helperId: helper!.id,
      status: 'closed',
      question: 'Which size?',
      createdAt: new Date(answeredAt.getTime() - 60_000),
      claimedAt: new Date(answeredAt.getTime() - 30_000),
      firstResponseAt: answeredAt,
      closedAt: new Date(answeredAt.getTime() + 600_000),
      closedBy: 'helper',
    })
    .returning({ id: conversations.id });
  return { id: row!.id, helperId: helper!.id };
}

describe.skipIf(!hasPostgres)('site API keys and reported purchases (Postgres)', () => {
  const t = usePostgresServer();
  const call = signedInCaller(() => t.server.url);
  const api = v1(() => t.server.url);
  const db = () => t.server.db.db;
  let keyA: string;
  let keyB: string;

  async function createKey(who: keyof typeof USERS, siteId: string, name: string, scopes: string[]): Promise<ApiKeyCreated> {
    const res = await call<ApiKeyCreated>(who, 'POST', `/api/sites/${siteId}/api-keys`, { name, scopes });
    expect(res.status, res.text).toBe(201);
    return res.data;
  }

  beforeAll(async () => {
    keyA = (await createKey('adminA', t.server.sites.siteA, 'Shop A server', ['conversions'])).key;
    const [b] = await db().select({ id: users.id }).from(users).where(eq(users.email, USERS.helperB1.email));
    // Shop B's key, made the way the route makes it (shop B has no admin among the fixtures).
    keyB = `tk_${'b'.repeat(43)}`;
    await db()
      .insert(siteApiKeys)
      .values({
        siteId: t.server.sites.siteB,
        name: 'Shop B server',
        scopes: ['conversions'],
        keyHash: hashApiKey(keyB),
        prefix: keyB.slice(0, 7),
        createdBy: b!.id,
      });
  });

  it('shows a new key once, stores only its SHA-256, and lists name, scopes and dates without it', async () => {
    const created = await createKey('adminA', t.server.sites.siteA, 'Reporting', ['numbers:read', 'conversions']);
    expect(created.key).toMatch(/^tk_[A-Za-z0-9_-]{43}$/);
    expect(created.apiKey).toMatchObject({ name: 'Reporting', scopes: ['conversions', 'numbers:read'], prefix: created.key.slice(0, 7), lastUsedAt: null });
    const [stored] = await db().select().from(siteApiKeys).where(eq(siteApiKeys.id, created.apiKey.id));
    expect(stored!.keyHash).toBe(hashApiKey(created.key));
    expect(JSON.stringify(stored)).not.toContain(created.key.slice(7));
    const list = await call<{ keys: ApiKeyView[] }>('adminA', 'GET', `/api/sites/${t.server.sites.siteA}/api-keys`);
    expect(list.data.keys.map((k) => k.name)).toEqual(['Reporting', 'Shop A server']);
    expect(list.text).not.toContain(created.key.slice(7));
    expect(list.text).not.toContain(stored!.keyHash);
  });

  it('refuses a request without a key or with a made-up key (401), and a key without the conversions scope (403)', async () => {
    const numbersOnly = (await createKey('adminA', t.server.sites.siteA, 'Numbers', ['numbers:read'])).key;
    const order = { orderId: 'no-key-1', amount: 10, currency: 'EUR' };
    expect((await api<ErrorAnswer>(null, 'POST', '/api/v1/conversions', order)).status).toBe(401);
    expect((await api<ErrorAnswer>(`tk_${'x'.repeat(43)}`, 'POST', '/api/v1/conversions', order)).status).toBe(401);
    const wrongScope = await api<ErrorAnswer>(numbersOnly, 'POST', '/api/v1/conversions', order);
    expect([wrongScope.status, wrongScope.data.error.code]).toEqual([403, 'forbidden']);
    expect((await api(numbersOnly, 'DELETE', '/api/v1/conversions/no-key-1')).status).toBe(403);
    expect(await rowsOf(db(), t.server.sites.siteA, 'no-key-1')).toEqual([]);
  });

  it('records the key’s last use', async () => {
    const created = await createKey('adminA', t.server.sites.siteA, 'Last use', ['conversions']);
    expect((await api(created.key, 'POST', '/api/v1/conversions', { orderId: 'last-use-1', amount: 1, currency: 'EUR' })).status).toBe(201);
    const list = await call<{ keys: ApiKeyView[] }>('adminA', 'GET', `/api/sites/${t.server.sites.siteA}/api-keys`);
    expect(list.data.keys.find((k) => k.id === created.apiKey.id)!.lastUsedAt).not.toBeNull();
  });

  it('refuses bad amounts, currencies and items with a message per field, storing nothing', async () => {
    const cases: [unknown, Record<string, string>][] = [
      [{ orderId: 'bad-1', amount: -1, currency: 'EUR' }, { amount: 'Must be 0 or more' }],
      [{ orderId: 'bad-2', amount: 10.001, currency: 'EUR' }, { amount: 'EUR has 2 decimals at most' }],
      [{ orderId: 'bad-3', amount: 10.5, currency: 'JPY' }, { amount: 'JPY has 0 decimals at most' }],
      [{ orderId: 'bad-4', amount: 1.0001, currency: 'BHD' }, { amount: 'BHD has 3 decimals at most' }],
      [{ orderId: 'bad-5', amount: 10, currency: 'EURO' }, { currency: 'Not an ISO 4217 currency code (like EUR, USD, JPY)' }],
      [{ orderId: 'bad-6', amount: 10, currency: 'eur' }, { currency: 'Not an ISO 4217 currency code (like EUR, USD, JPY)' }],
      [
        { orderId: 'bad-7', amount: '10', currency: 'XXQ', items: Array.from({ length: 51 }, () => ({ sku: 'A' })) },
        { amount: 'A number', currency: 'Not an ISO 4217 currency code (like EUR, USD, JPY)', items: 'At most 50 items' },
      ],
      [
        { orderId: '', amount: 10, currency: 'EUR', visitorId: 'someone' },
        { orderId: 'Required', visitorId: 'A visitor id from Tribu.getVisitorId()' },
      ],
      [{ orderId: 'bad-9', amount: 10, currency: 'EUR', occurredAt: 'yesterday' }, { occurredAt: 'An ISO 8601 date and time' }],
      [{ orderId: 'bad-10', amount: 10, currency: 'EUR', occurredAt: new Date(Date.now() + 2 * DAY).toISOString() }, { occurredAt: 'In the future' }],
    ];
    for (const [body, fields] of cases) {
      const res = await api<ErrorAnswer>(keyA, 'POST', '/api/v1/conversions', body);
      expect([res.status, res.data.error.fields]).toEqual([400, fields]);
    }
    const all = await db().select().from(conversions).where(eq(conversions.siteId, t.server.sites.siteA));
    expect(all.filter((c) => c.orderId.startsWith('bad-'))).toEqual([]);
  });

  it('stores the amount in minor units of its currency (19.99 EUR → 1999, 1500 JPY → 1500, 1.234 BHD → 1234)', async () => {
    for (const [orderId, amount, currency, minor] of [
      ['minor-eur', 19.99, 'EUR', 1999],
      ['minor-jpy', 1500, 'JPY', 1500],
      ['minor-bhd', 1.234, 'BHD', 1234],
      ['minor-free', 0, 'USD', 0],
    ] as const) {
      expect((await api(keyA, 'POST', '/api/v1/conversions', { orderId, amount, currency })).status).toBe(201);
      const [row] = await rowsOf(db(), t.server.sites.siteA, orderId);
      expect([row!.amountMinor, row!.currency]).toEqual([minor, currency]);
    }
  });

  it('counts a purchase as assisted when the visitor had an answered chat exactly 7 days before, credited to its helper', async () => {
    const visitor = await mintVisitor(t.server.url, 'shop-a', ORIGIN_A);
    await answeredChat(db(), t.server.sites.siteA, visitor.visitorId, USERS.helperA2.email, new Date(BOUGHT.getTime() - 9 * DAY));
    const last = await answeredChat(db(), t.server.sites.siteA, visitor.visitorId, USERS.helperA1.email, new Date(BOUGHT.getTime() - 7 * DAY));
    const res = await api<ConversionResult>(keyA, 'POST', '/api/v1/conversions', {
      orderId: 'window-edge',
      amount: 120,
      currency: 'EUR',
      visitorId: visitor.visitorId,
      occurredAt: BOUGHT.toISOString(),
      items: [{ sku: 'BOOT-42', name: 'Trail boot', quantity: 1 }],
    });
    expect([res.status, res.data]).toEqual([201, { orderId: 'window-edge', attribution: 'assisted', created: true, referred: false }]);
    const [row] = await rowsOf(db(), t.server.sites.siteA, 'window-edge');
    expect(row).toMatchObject({
      attribution: 'assisted',
      helperId: last.helperId,
      conversationId: last.id,
      visitorId: visitor.visitorId,
      amountMinor: 12000,
      source: 'api',
    });
  });

  it('does not count a chat answered 7 days and 1 second before, nor one answered after the purchase', async () => {
    const visitor = await mintVisitor(t.server.url, 'shop-a', ORIGIN_A);
    await answeredChat(db(), t.server.sites.siteA, visitor.visitorId, USERS.helperA1.email, new Date(BOUGHT.getTime() - 7 * DAY - 1000));
    await answeredChat(db(), t.server.sites.siteA, visitor.visitorId, USERS.helperA2.email, new Date(BOUGHT.getTime() + 1000));
    const res = await api<ConversionResult>(keyA, 'POST', '/api/v1/conversions', {
      orderId: 'window-past',
      amount: 50,
      currency: 'EUR',
      visitorId: visitor.visitorId,
      occurredAt: BOUGHT.toISOString(),
    });
    expect(res.data).toEqual({ orderId: 'window-past', attribution: 'none', created: true, referred: false });
    const [row] = await rowsOf(db(), t.server.sites.siteA, 'window-past');
    expect(row).toMatchObject({ attribution: 'none', helperId: null, conversationId: null, visitorId: visitor.visitorId });
  });

  it('follows the site’s attribution window (30 days once the admin sets it)', async () => {
    const set = await call('adminA', 'PATCH', `/api/sites/${t.server.sites.siteA}/settings`, { attributionDays: 30 });
    expect(set.status, set.text).toBe(200);
    const visitor = await mintVisitor(t.server.url, 'shop-a', ORIGIN_A);
    const chat = await answeredChat(db(), t.server.sites.siteA, visitor.visitorId, USERS.helperA2.email, new Date(BOUGHT.getTime() - 20 * DAY));
    const res = await api<ConversionResult>(keyA, 'POST', '/api/v1/conversions', {
      orderId: 'window-30',
      amount: 5,
      currency: 'EUR',
      visitorId: visitor.visitorId,
      occurredAt: BOUGHT.toISOString(),
    });
    expect(res.data.attribution).toBe('assisted');
    expect((await rowsOf(db(), t.server.sites.siteA, 'window-30'))[0]!.conversationId).toBe(chat.id);
    await call('adminA', 'PATCH', `/api/sites/${t.server.sites.siteA}/settings`, { attributionDays: 7 });
  });

  it('answers a repeated report with the first one’s result and keeps one row', async () => {
    const order = { orderId: 'repeat-1', amount: 30, currency: 'EUR' };
    expect((await api<ConversionResult>(keyA, 'POST', '/api/v1/conversions', order)).status).toBe(201);
    const again = await api<ConversionResult>(keyA, 'POST', '/api/v1/conversions', { ...order, amount: 999 });
    expect([again.status, again.data]).toEqual([200, { orderId: 'repeat-1', attribution: 'none', created: false, referred: false }]);
    const rows = await rowsOf(db(), t.server.sites.siteA, 'repeat-1');
    expect(rows.map((r) => r.amountMinor)).toEqual([3000]);
  });

  it('takes a refunded order out of the count, and a late retry of the purchase does not bring it back', async () => {
    expect((await api(keyA, 'POST', '/api/v1/conversions', { orderId: 'refund-1', amount: 40, currency: 'EUR' })).status).toBe(201);
    expect((await api(keyA, 'DELETE', '/api/v1/conversions/refund-1')).status).toBe(204);
    expect((await rowsOf(db(), t.server.sites.siteA, 'refund-1'))[0]!.refundedAt).not.toBeNull();
    expect((await api(keyA, 'DELETE', '/api/v1/conversions/refund-1')).status).toBe(404);
    expect((await api(keyA, 'POST', '/api/v1/conversions', { orderId: 'refund-1', amount: 40, currency: 'EUR' })).status).toBe(200);
    const rows = await rowsOf(db(), t.server.sites.siteA, 'refund-1');
    expect([rows.length, rows[0]!.refundedAt !== null]).toEqual([1, true]);
  });

  it('keeps each key to its own site: another site’s order, visitor and keys are out of its reach', async () => {
    expect((await api(keyA, 'POST', '/api/v1/conversions', { orderId: 'shared-id', amount: 10, currency: 'EUR' })).status).toBe(201);
    // Shop B's key refunds nothing of shop A's: the same order id is another order there.
    expect((await api(keyB, 'DELETE', '/api/v1/conversions/shared-id')).status).toBe(404);
    expect((await rowsOf(db(), t.server.sites.siteA, 'shared-id'))[0]!.refundedAt).toBeNull();
    // Shop A's visitor, with an answered chat, reported by shop B: an order of shop B without chat.
    const visitor = await mintVisitor(t.server.url, 'shop-a', ORIGIN_A);
    await answeredChat(db(), t.server.sites.siteA, visitor.visitorId, USERS.helperA1.email, new Date(Date.now() - DAY));
    const res = await api<ConversionResult>(keyB, 'POST', '/api/v1/conversions', {
      orderId: 'shared-id',
      amount: 10,
      currency: 'EUR',
      visitorId: visitor.visitorId,
    });
    expect([res.status, res.data.attribution]).toEqual([201, 'none']);
    expect((await rowsOf(db(), t.server.sites.siteB, 'shared-id'))[0]).toMatchObject({ visitorId: null, helperId: null });
    // Shop A's admin can neither list nor revoke shop B's keys through shop A's address.
    const [bKey] = await db().select().from(siteApiKeys).where(eq(siteApiKeys.siteId, t.server.sites.siteB));
    expect((await call('adminA', 'DELETE', `/api/sites/${t.server.sites.siteA}/api-keys/${bKey!.id}`)).status).toBe(404);
    expect((await call('adminA', 'GET', `/api/sites/${t.server.sites.siteB}/api-keys`)).status).toBe(404);
    expect((await api(keyB, 'POST', '/api/v1/conversions', { orderId: 'b-still', amount: 1, currency: 'EUR' })).status).toBe(201);
  });

  it('keeps an erased visitor’s order counted and credited, no longer naming them', async () => {
    const visitor = await mintVisitor(t.server.url, 'shop-a', ORIGIN_A);
    const chat = await answeredChat(db(), t.server.sites.siteA, visitor.visitorId, USERS.helperA1.email, new Date(Date.now() - DAY));
    expect((await api(keyA, 'POST', '/api/v1/conversions', { orderId: 'erased-1', amount: 12, currency: 'EUR', visitorId: visitor.visitorId })).status).toBe(
      201,
    );
    const erased = await call('adminA', 'POST', `/api/sites/${t.server.sites.siteA}/privacy/visitors/${visitor.visitorId}/erase`, { reason: 'Asked by mail' });
    expect(erased.status, erased.text).toBe(200);
    const [row] = await rowsOf(db(), t.server.sites.siteA, 'erased-1');
    expect(row).toMatchObject({ visitorId: null, attribution: 'assisted', helperId: chat.helperId, conversationId: chat.id, amountMinor: 1200 });
  });

  it('stops a revoked key at once', async () => {
    const created = await createKey('adminA', t.server.sites.siteA, 'Old server', ['conversions']);
    expect((await api(created.key, 'POST', '/api/v1/conversions', { orderId: 'revoke-1', amount: 1, currency: 'EUR' })).status).toBe(201);
    expect((await call('adminA', 'DELETE', `/api/sites/${t.server.sites.siteA}/api-keys/${created.apiKey.id}`)).status).toBe(204);
    const after = await api<ErrorAnswer>(created.key, 'POST', '/api/v1/conversions', { orderId: 'revoke-2', amount: 1, currency: 'EUR' });
    expect([after.status, after.data.error.code]).toEqual([401, 'unauthorized']);
    const list = await call<{ keys: ApiKeyView[] }>('adminA', 'GET', `/api/sites/${t.server.sites.siteA}/api-keys`);
    expect(list.data.keys.map((k) => k.name)).not.toContain('Old server');
    expect(await rowsOf(db(), t.server.sites.siteA, 'revoke-2')).toEqual([]);
  });

  it('holds each key to its own budget of 300 calls a minute: the 301st is refused while another key goes on', async () => {
    const busy = (await createKey('adminA', t.server.sites.siteA, 'Busy server', ['conversions'])).key;
    const other = (await createKey('adminA', t.server.sites.siteA, 'Quiet server', ['conversions'])).key;
    const statuses: number[] = [];
    for (let batch = 0; batch < 6; batch++) {
      const res = await Promise.all(Array.from({ length: 50 }, () => api(busy, 'DELETE', '/api/v1/conversions/never-reported')));
      statuses.push(...res.map((r) => r.status));
    }
    expect(statuses.filter((st) => st === 404).length).toBe(300);
    const over = await api<ErrorAnswer>(busy, 'DELETE', '/api/v1/conversions/never-reported');
    expect([over.status, over.data.error.code]).toEqual([429, 'rate_limited']);
    expect((await api(other, 'POST', '/api/v1/conversions', { orderId: 'quiet-1', amount: 1, currency: 'EUR' })).status).toBe(201);
  });

  it('takes Tribu.track from an allowed page without a visitor as an order without chat, and refuses another origin', async () => {
    const purchase = { event: 'purchase', data: { orderId: 'page-1', amount: 25.5, currency: 'EUR', items: [{ name: 'Socks', quantity: 2 }] } };
    expect((await track(t.server.url, 'shop-a', ORIGIN_B, purchase)).status).toBe(403);
    const res = await track(t.server.url, 'shop-a', ORIGIN_A, purchase);
    expect([res.status, res.data]).toEqual([201, { orderId: 'page-1', attribution: 'none', created: true, referred: false }]);
    const [row] = await rowsOf(db(), t.server.sites.siteA, 'page-1');
    expect(row).toMatchObject({ visitorId: null, source: 'page', amountMinor: 2550, attribution: 'none', items: [{ name: 'Socks', quantity: 2 }] });
    const bad = await track(t.server.url, 'shop-a', ORIGIN_A, { event: 'purchase', data: { orderId: 'page-2', amount: 1.5, currency: 'JPY' } });
    expect([bad.status, (bad.data as ErrorAnswer).error.fields]).toEqual([400, { 'data.amount': 'JPY has 0 decimals at most' }]);
  });

  it('credits Tribu.track only with the visitor’s token: a bare visitor id counts as an order without chat', async () => {
    const visitor = await mintVisitor(t.server.url, 'shop-a', ORIGIN_A);
    const chat = await answeredChat(db(), t.server.sites.siteA, visitor.visitorId, USERS.helperA1.email, new Date(Date.now() - DAY));
    const forged = await track(t.server.url, 'shop-a', ORIGIN_A, {
      event: 'purchase',
      visitorId: visitor.visitorId,
      data: { orderId: 'page-forged', amount: 9, currency: 'EUR' },
    });
    expect(forged.data).toEqual({ orderId: 'page-forged', attribution: 'none', created: true, referred: false });
    const genuine = await track(t.server.url, 'shop-a', ORIGIN_A, {
      event: 'purchase',
      ...visitor,
      data: { orderId: 'page-chat', amount: 9, currency: 'EUR' },
    });
    expect(genuine.data).toEqual({ orderId: 'page-chat', attribution: 'assisted', created: true, referred: false });
    expect((await rowsOf(db(), t.server.sites.siteA, 'page-chat'))[0]).toMatchObject({
      visitorId: visitor.visitorId,
      conversationId: chat.id,
      helperId: chat.helperId,
    });
  });

  it('lets the shop’s server correct what a page reported, keeping the page’s proven visitor, and never the other way round', async () => {
    const visitor = await mintVisitor(t.server.url, 'shop-a', ORIGIN_A);
    const chat = await answeredChat(db(), t.server.sites.siteA, visitor.visitorId, USERS.helperA2.email, new Date(Date.now() - DAY));
    const page = { event: 'purchase', ...visitor, data: { orderId: 'corrected-1', amount: 1, currency: 'EUR' } };
    expect((await track(t.server.url, 'shop-a', ORIGIN_A, page)).status).toBe(201);
    const fromServer = await api<ConversionResult>(keyA, 'POST', '/api/v1/conversions', { orderId: 'corrected-1', amount: 250, currency: 'USD' });
    expect([fromServer.status, fromServer.data]).toEqual([200, { orderId: 'corrected-1', attribution: 'assisted', created: false, referred: false }]);
    const again = await track(t.server.url, 'shop-a', ORIGIN_A, { ...page, data: { orderId: 'corrected-1', amount: 2, currency: 'EUR' } });
    expect(again.status).toBe(200);
    const rows = await rowsOf(db(), t.server.sites.siteA, 'corrected-1');
    expect(rows.map((r) => [r.amountMinor, r.currency, r.source, r.visitorId, r.attribution, r.conversationId])).toEqual([
      [25000, 'USD', 'api', visitor.visitorId, 'assisted', chat.id],
    ]);
    // A second server report is a repeat: nothing changes.
    expect((await api(keyA, 'POST', '/api/v1/conversions', { orderId: 'corrected-1', amount: 3, currency: 'EUR' })).status).toBe(200);
    expect((await rowsOf(db(), t.server.sites.siteA, 'corrected-1'))[0]!.amountMinor).toBe(25000);
  });

  it('lets a page refund what a page reported, never an order the merchant’s server sent', async () => {
    expect((await track(t.server.url, 'shop-a', ORIGIN_A, { event: 'refund', data: { orderId: 'page-1' } })).status).toBe(204);
    expect((await rowsOf(db(), t.server.sites.siteA, 'page-1'))[0]!.refundedAt).not.toBeNull();
    expect((await api(keyA, 'POST', '/api/v1/conversions', { orderId: 'server-only', amount: 3, currency: 'EUR' })).status).toBe(201);
    expect((await track(t.server.url, 'shop-a', ORIGIN_A, { event: 'refund', data: { orderId: 'server-only' } })).status).toBe(404);
    expect((await rowsOf(db(), t.server.sites.siteA, 'server-only'))[0]!.refundedAt).toBeNull();
  });
});

describe.skipIf(!hasPostgres)('referral codes (Postgres)', () => {
  const t = usePostgresServer();
  const call = signedInCaller(() => t.server.url);
  const api = v1(() => t.server.url);
  const db = () => t.server.db.db;
  let key: string;
  let ada: string;

  beforeAll(async () => {
    const res = await call<ApiKeyCreated>('adminA', 'POST', `/api/sites/${t.server.sites.siteA}/api-keys`, { name: 'Shop A server', scopes: ['conversions'] });
    key = res.data.key;
    ada = (await db().select({ id: users.id }).from(users).where(eq(users.email, USERS.helperA1.email)))[0]!.id;
  });

  it('credits a purchase naming an approved code to its helper as referred, even without a chat; not while it is only asked, nor once revoked', async () => {
    const site = t.server.sites.siteA;
    const asked = await call<ReferralCodeView>('helperA1', 'POST', `/api/sites/${site}/referral-codes`, { code: ' ada-hikes ' });
    expect([asked.status, asked.data.code, asked.data.status]).toEqual([201, 'ADA-HIKES', 'pending']);
    const pending = await api<ConversionResult>(key, 'POST', '/api/v1/conversions', { orderId: 'ref-pending', amount: 10, currency: 'EUR', code: 'ADA-HIKES' });
    expect(pending.data).toEqual({ orderId: 'ref-pending', attribution: 'none', created: true, referred: false });

    // A helper approves nothing; a manager does.
    expect((await call('helperA2', 'POST', `/api/sites/${site}/referral-codes/${asked.data.id}/approve`)).status).toBe(403);
    const approved = await call<ReferralCodeView>('moderatorA', 'POST', `/api/sites/${site}/referral-codes/${asked.data.id}/approve`);
    expect([approved.status, approved.data.status]).toEqual([200, 'active']);
    const referred = await api<ConversionResult>(key, 'POST', '/api/v1/conversions', { orderId: 'ref-active', amount: 10, currency: 'EUR', code: 'Ada-Hikes' });
    expect(referred.data).toEqual({ orderId: 'ref-active', attribution: 'none', created: true, referred: true });
    expect((await rowsOf(db(), site, 'ref-active'))[0]).toMatchObject({ referrerId: ada, visitorId: null, helperId: null, code: 'Ada-Hikes' });
    const shopCode = await api<ConversionResult>(key, 'POST', '/api/v1/conversions', { orderId: 'ref-shop', amount: 10, currency: 'EUR', code: 'SUMMER20' });
    expect(shopCode.data.referred).toBe(false);

    expect((await call('moderatorA', 'POST', `/api/sites/${site}/referral-codes/${asked.data.id}/revoke`)).status).toBe(200);
    const revoked = await api<ConversionResult>(key, 'POST', '/api/v1/conversions', { orderId: 'ref-revoked', amount: 10, currency: 'EUR', code: 'ADA-HIKES' });
    expect(revoked.data.referred).toBe(false);
    expect((await rowsOf(db(), site, 'ref-revoked'))[0]!.referrerId).toBeNull();
    // The order referred while the code was active stays referred.
    expect((await rowsOf(db(), site, 'ref-active'))[0]!.referrerId).toBe(ada);
    // Ada's code is in her own data download.
    const exported = await call<{ referralCodes: { siteId: string; code: string; status: string }[] }>('helperA1', 'GET', '/api/profile/export');
    expect(exported.data.referralCodes.map((c) => [c.siteId, c.code, c.status])).toEqual([[site, 'ADA-HIKES', 'revoked']]);
  });

  it('gives each person one live code, each code to one person, and lists them for managers only', async () => {
    const site = t.server.sites.siteA;
    const first = await call<ReferralCodeView>('helperA2', 'POST', `/api/sites/${site}/referral-codes`, { code: 'BEN10' });
    expect(first.status).toBe(201);
    expect((await call('helperA2', 'POST', `/api/sites/${site}/referral-codes`, { code: 'BEN20' })).status).toBe(409);
    const taken = await call<ErrorAnswer>('moderatorA', 'POST', `/api/sites/${site}/referral-codes`, { code: 'ben10' });
    expect([taken.status, taken.data.error.message]).toEqual([409, 'This code is taken; pick another']);
    const bad = await call<ErrorAnswer>('moderatorA', 'POST', `/api/sites/${site}/referral-codes`, { code: 'no spaces!' });
    expect([bad.status, bad.data.error.fields]).toEqual([400, { code: '3 to 24 letters, digits or dashes' }]);
    const mine = await call<{ codes: ReferralCodeView[] }>('helperA2', 'GET', `/api/sites/${site}/referral-codes/mine`);
    expect(mine.data.codes.map((c) => [c.code, c.status, c.displayName])).toEqual([['BEN10', 'pending', 'Ben']]);
    expect((await call('helperA2', 'GET', `/api/sites/${site}/referral-codes`)).status).toBe(403);
    const all = await call<{ codes: ReferralCodeView[] }>('moderatorA', 'GET', `/api/sites/${site}/referral-codes`);
    expect(all.data.codes.map((c) => [c.code, c.status])).toEqual([
      ['BEN10', 'pending'],
      ['ADA-HIKES', 'revoked'],
    ]);
  });

  it('keeps a site’s codes to that site: another site’s code is neither approved through it nor credited there', async () => {
    const [b] = await db().select({ id: users.id }).from(users).where(eq(users.email, USERS.helperB1.email));
    const [bCode] = await db().insert(referralCodes).values({ siteId: t.server.sites.siteB, userId: b!.id, code: 'BEA-SHOP', status: 'active' }).returning();
    expect((await call('adminA', 'POST', `/api/sites/${t.server.sites.siteA}/referral-codes/${bCode!.id}/revoke`)).status).toBe(404);
    expect((await call('adminA', 'GET', `/api/sites/${t.server.sites.siteB}/referral-codes`)).status).toBe(404);
    const res = await api<ConversionResult>(key, 'POST', '/api/v1/conversions', { orderId: 'ref-foreign', amount: 10, currency: 'EUR', code: 'BEA-SHOP' });
    expect(res.data.referred).toBe(false);
    expect((await db().select().from(referralCodes).where(eq(referralCodes.id, bCode!.id)))[0]!.status).toBe('active');
  });
});

describe.skipIf(!hasPostgres)('referral codes of people who are no longer active', () => {
  const t = usePostgresServer();
  const call = signedInCaller(() => t.server.url);
  const api = v1(() => t.server.url);

  it('credits nobody for the code of a helper who was suspended', async () => {
    const site = t.server.sites.siteA;
    const key = (await call<ApiKeyCreated>('adminA', 'POST', `/api/sites/${site}/api-keys`, { name: 'Shop A server', scopes: ['conversions'] })).data.key;
    const asked = await call<ReferralCodeView>('helperA2', 'POST', `/api/sites/${site}/referral-codes`, { code: 'BEN-TRAILS' });
    expect((await call('moderatorA', 'POST', `/api/sites/${site}/referral-codes/${asked.data.id}/approve`)).status).toBe(200);
    const before = await api<ConversionResult>(key, 'POST', '/api/v1/conversions', { orderId: 'susp-1', amount: 10, currency: 'EUR', code: 'BEN-TRAILS' });
    expect(before.data.referred).toBe(true);
    const suspended = await call('moderatorA', 'POST', `/api/sites/${site}/team/${asked.data.userId}/suspend`, { reason: 'Rude' });
    expect(suspended.status, suspended.text).toBe(200);
    const after = await api<ConversionResult>(key, 'POST', '/api/v1/conversions', { orderId: 'susp-2', amount: 10, currency: 'EUR', code: 'BEN-TRAILS' });
    expect(after.data.referred).toBe(false);
  });
});

describe.skipIf(!hasPostgres)('one order reported at once through both paths on two nodes', () => {
  const KEY = `tk_${'k'.repeat(43)}`;
  const nodes = useTwoNodes(async (db, sites) => {
    await db
      .insert(siteApiKeys)
      .values({ siteId: sites.siteA, name: 'Shop A server', scopes: ['conversions'], keyHash: hashApiKey(KEY), prefix: KEY.slice(0, 7) });
  });

  it('stores one row when the same order is reported 3 times by the server and 3 times by the page, split over both nodes', async () => {
    const visitor = await mintVisitor(nodes.a.url, 'shop-a', ORIGIN_A);
    const order = { orderId: 'race-1', amount: 89.9, currency: 'EUR' };
    const calls = [nodes.a, nodes.b, nodes.a].flatMap((n, i) => [
      fetch(`${n.url}/api/v1/conversions`, {
        method: 'POST',
        headers: { authorization: `Bearer ${KEY}`, 'content-type': 'application/json' },
        body: JSON.stringify({ ...order, visitorId: visitor.visitorId }),
      }),
      track(i === 1 ? nodes.a.url : nodes.b.url, 'shop-a', ORIGIN_A, { event: 'purchase', ...visitor, data: order }),
    ]);
    const statuses = (await Promise.all(calls)).map((r) => r.status).sort();
    expect(statuses).toEqual([200, 200, 200, 200, 200, 201]);
    const db = await createDb({ databaseUrl: nodes.databaseUrl });
    try {
      const rows = await db.db.select().from(conversions).where(eq(conversions.orderId, 'race-1'));
      expect(rows.map((r) => [r.siteId, r.amountMinor, r.visitorId])).toEqual([[nodes.sites.siteA, 8990, visitor.visitorId]]);
      const [v] = await db.db.select({ id: visitors.id }).from(visitors).where(eq(visitors.id, visitor.visitorId));
      expect(v!.id).toBe(visitor.visitorId);
    } finally {
      await db.close();
    }
  });
});
