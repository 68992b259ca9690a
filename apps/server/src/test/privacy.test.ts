import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import {
  CSRF_HEADER,
  PROTOCOL_VERSION,
  type Conversation,
  type KpiReport,
  type PrivacyLookupResult,
  type PrivacyVisitorSummary,
  type VisitorDataExport,
} from '@tribu/protocol';
import { io } from 'socket.io-client';
import { createDb } from '@tribu/db';
import { clientId, connectHelper, connectVisitor, login, next, ok, refusal, send, signedInCaller, type VisitorSocket } from './support/clients.ts';
import { ORIGIN_A, ORIGIN_B, USERS } from './support/fixtures.ts';
import { Redis } from 'ioredis';
import { TEST_REDIS_URL, hasPostgres, hasRedis } from './support/services.ts';
import { usePostgresServer } from './support/app.ts';
import { useTwoNodes } from './support/two-nodes.ts';

type Identity = { visitorId: string; token: string };

/** The widget's own calls: credentials in the body, from a merchant page's origin. */
async function visitorPost(base: string, path: string, siteKey: string, id: Identity, origin = ORIGIN_A) {
  const res = await fetch(`${base}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin },
    body: JSON.stringify({ siteKey, visitorId: id.visitorId, token: id.token }),
  });
  const text = await res.text();
  return { status: res.status, data: JSON.parse(text) as unknown, text };
}

function visitorSocket(base: string, siteKey: string, id: Identity, origin = ORIGIN_A): VisitorSocket {
  return io(`${base}/visitor`, {
    transports: ['websocket'],
    extraHeaders: { origin },
    auth: { protocolVersion: PROTOCOL_VERSION, siteKey, visitorId: id.visitorId, token: id.token },
    reconnection: false,
    forceNew: true,
  });
}

describe.skipIf(!hasPostgres)('visitor privacy: export and erasure', () => {
  const t = usePostgresServer();
  const call = signedInCaller(() => t.server.url);
  const db = () => t.server.db.db;
  const rows = async <T>(q: ReturnType<typeof sql>) => (await db().execute(q)) as unknown as { rows: T[] };

  /** Every text-like column of every table holding `marker`: where an erased visitor's words could hide. */
  async function whereIs(marker: string): Promise<string[]> {
    const cols = await rows<{ t: string; c: string }>(sql`
      select table_name as t, column_name as c from information_schema.columns
      where table_schema = 'public' and data_type in ('text', 'character varying', 'jsonb', 'ARRAY', 'json')`);
    const found: string[] = [];
    for (const { t: table, c } of cols.rows) {
      const r = await rows<{ n: number }>(sql`select count(*)::int as n from ${sql.identifier(table)} where ${sql.identifier(c)}::text ilike ${`%${marker}%`}`);
      if (r.rows[0]!.n > 0) found.push(`${table}.${c}`);
    }
    return found;
  }

  const ledgerSum = async () => (await rows<{ s: number }>(sql`select coalesce(sum(points), 0)::int as s from points_ledger`)).rows[0]!.s;
  const today = () => new Date().toISOString().slice(0, 10);
  const kpis = async () => (await call<KpiReport>('moderatorA', 'GET', `/api/sites/${t.server.sites.siteA}/kpis?from=${today()}&to=${today()}`)).data.summary;

  /** A shop-a visitor who gave a name and email, chatted with Ada (who kept a note), browsed, ended and rated. */
  async function fullChat(marker: string) {
    const helper = await connectHelper(t.server.url, USERS.helperA1.email);
    const visitor = await connectVisitor(t.server.url, { siteKey: 'shop-a', origin: ORIGIN_A });
    const { conversation } = await ok<{ conversation: Conversation }>(visitor.socket, 'conversation:start', {
      clientId: clientId(),
      text: `Does the ${marker} jacket run small?`,
      page: { url: `https://shop-a.example/p/${marker}`, title: `${marker} jacket` },
      email: `${marker.toLowerCase()}@mail.test`,
      name: `Xena ${marker}`,
    });
    await ok(helper.socket, 'conversation:claim', { conversationId: conversation.id });
    await ok(helper.socket, 'message:send', { conversationId: conversation.id, clientId: clientId(), text: 'It runs true to size.' });
    await ok(helper.socket, 'note:add', { conversationId: conversation.id, text: 'PRIVATE-NOTE about this visitor' });
    await ok(visitor.socket, 'message:send', { conversationId: conversation.id, clientId: clientId(), text: `Thanks! My size is ${marker}-M` });
    await ok(visitor.socket, 'page:view', { conversationId: conversation.id, page: { url: `https://shop-a.example/cart/${marker}`, title: 'Cart' } });
    await ok(visitor.socket, 'conversation:end', { conversationId: conversation.id });
    await ok(visitor.socket, 'conversation:rate', { conversationId: conversation.id, rating: 5, comment: `Great help ${marker}` });
    await t.server.scoreChat(conversation.id);
    return { helper, visitor, conversation };
  }

  it('gives the visitor their own chats, pages, rating and contact details, and nothing of anyone else', async () => {
    // Chats count for points at once, so the ledger has lines to keep.
    await db().execute(sql`update sites set settings = settings || '{"scoring":{"minChatSec":0}}'::jsonb`);
    t.server.app.log.info('scoring set');
    const x = await fullChat('MARKX1');
    const other = await fullChat('MARKY1');
    const b = await connectVisitor(t.server.url, { siteKey: 'shop-b', origin: ORIGIN_B });
    await ok(b.socket, 'conversation:start', { clientId: clientId(), text: 'MARKB1 on shop b' });

    const r = await visitorPost(t.server.url, '/api/visitor/data', 'shop-a', x.visitor);
    expect(r.status).toBe(200);
    const data = r.data as VisitorDataExport;
    expect(data.visitor.id).toBe(x.visitor.visitorId);
    expect(data.site.name).toBe('Shop A');
    expect(data.conversations).toHaveLength(1);
    const c = data.conversations[0]!;
    expect(c).toMatchObject({
      id: x.conversation.id,
      status: 'closed',
      question: 'Does the MARKX1 jacket run small?',
      page: { url: 'https://shop-a.example/cart/MARKX1', title: 'Cart' },
      email: 'markx1@mail.test',
      name: 'Xena MARKX1',
      rating: 5,
      ratingComment: 'Great help MARKX1',
      helpers: ['Ada'],
    });
    expect(c.messages.map((m) => [m.from, m.name, m.text])).toEqual(
      expect.arrayContaining([
        ['you', null, 'Does the MARKX1 jacket run small?'],
        ['helper', 'Ada', 'It runs true to size.'],
        ['you', null, 'Thanks! My size is MARKX1-M'],
      ]),
    );
    expect(c.pages.map((p) => p.url)).toContain('https://shop-a.example/cart/MARKX1');
    // Never a helper's note or internal id, another visitor's words, or another site's.
    expect(r.text).not.toContain('PRIVATE-NOTE');
    expect(r.text).not.toContain(x.helper.me.user.id);
    expect(r.text).not.toContain('MARKY1');
    expect(r.text).not.toContain('MARKB1');
    expect(r.text).not.toContain(other.visitor.visitorId);

    // A forged token, another site's key or a page not allowed to embed get nothing.
    expect((await visitorPost(t.server.url, '/api/visitor/data', 'shop-a', { ...x.visitor, token: `${Date.now()}.forged` })).status).toBe(401);
    expect((await visitorPost(t.server.url, '/api/visitor/data', 'shop-b', x.visitor, ORIGIN_B)).status).toBe(401);
    expect((await visitorPost(t.server.url, '/api/visitor/data', 'shop-a', x.visitor, ORIGIN_B)).status).toBe(403);
  });

  it('erases every word, page, address and contact detail of the visitor and keeps points, counts and ratings', async () => {
    const x = await fullChat('MARKX2');
    const y = await fullChat('MARKY2');
    expect(await whereIs('MARKX2')).not.toEqual([]);
    const [{ ip_hash: hashBefore }] = (await rows<{ ip_hash: string | null }>(sql`select ip_hash from conversations where id = ${x.conversation.id}`)).rows as [
      { ip_hash: string | null },
    ];
    // The HMAC of the address, base64url: 32 bytes.
    expect(hashBefore).toMatch(/^[A-Za-z0-9_-]{43}$/);
    // Each full chat earned Ada 1 point, +1 for five stars, +1 for a fast answer: four chats so far.
    const awarded = await rows<{ reason: string; points: number }>(
      sql`select reason, points from points_ledger where conversation_id = ${x.conversation.id} order by reason`,
    );
    expect(awarded.rows).toEqual([
      { reason: 'chat', points: 1 },
      { reason: 'fast_answer', points: 1 },
      { reason: 'good_rating', points: 1 },
    ]);
    const pointsBefore = await ledgerSum();
    expect(pointsBefore).toBe(4 * 3);
    const kpiBefore = await kpis();

    const closed = next<void>(x.visitor.socket, 'disconnect');
    const asked = Date.now();
    const r = await visitorPost(t.server.url, '/api/visitor/erase', 'shop-a', x.visitor);
    const answered = Date.now();
    expect(r.status).toBe(200);
    expect(r.data).toEqual({ erased: true, conversations: 1 });
    await closed;

    expect(await whereIs('MARKX2')).toEqual([]);
    expect(await whereIs('markx2')).toEqual([]);
    const tomb = (await rows<Record<string, unknown>>(sql`select * from conversations where id = ${x.conversation.id}`)).rows[0]!;
    expect(tomb).toMatchObject({ status: 'closed', rating: 5, ip_hash: null, visitor_email: null, visitor_name: null, rating_comment: null, page_url: null });
    // Erased by that request (the database's clock, to the millisecond).
    const erasedAt = new Date(tomb.erased_at as string).getTime();
    expect(erasedAt >= asked - 1 && erasedAt <= answered + 1, `${erasedAt} in [${asked}, ${answered}]`).toBe(true);
    const left = await rows<{ n: number }>(sql`
      select (select count(*) from messages where conversation_id = ${x.conversation.id})
           + (select count(*) from page_views where conversation_id = ${x.conversation.id})
           + (select count(*) from conversation_notes where conversation_id = ${x.conversation.id}) as n`);
    expect(Number(left.rows[0]!.n)).toBe(0);
    // The other visitor's chat is untouched.
    expect(await whereIs('MARKY2')).toEqual(expect.arrayContaining(['messages.text', 'conversations.question']));
    void y;

    expect(await ledgerSum()).toBe(pointsBefore);
    const kpiAfter = await kpis();
    expect(kpiAfter).toMatchObject({
      requests: kpiBefore.requests,
      answered: kpiBefore.answered,
      rated: kpiBefore.rated,
      ratingAverage: kpiBefore.ratingAverage,
      ratingCounts: kpiBefore.ratingCounts,
    });

    // The old identity is refused everywhere: socket, export, erasure; the token route mints a new one.
    const err = await refusal(visitorSocket(t.server.url, 'shop-a', x.visitor));
    expect(err.message).toBe('unauthorized');
    expect((await visitorPost(t.server.url, '/api/visitor/data', 'shop-a', x.visitor)).status).toBe(401);
    expect((await visitorPost(t.server.url, '/api/visitor/erase', 'shop-a', x.visitor)).status).toBe(401);
    const fresh = await visitorPost(t.server.url, '/api/visitor/token', 'shop-a', x.visitor);
    expect((fresh.data as Identity).visitorId).not.toBe(x.visitor.visitorId);

    // Erasing again (an admin handling the same request by mail) changes nothing and still succeeds.
    const again = await call<{ visitor: PrivacyVisitorSummary }>(
      'adminA',
      'POST',
      `/api/sites/${t.server.sites.siteA}/privacy/visitors/${x.visitor.visitorId}/erase`,
      {
        reason: 'Request by mail',
      },
    );
    expect(again.status).toBe(200);
    expect(again.data.visitor).toMatchObject({ conversations: 1, messages: 0, pageViews: 0, emails: [], names: [] });
    // Still the time of the visitor's own erasure: the second one changed nothing.
    const visitorErasedAt = Date.parse(again.data.visitor.erasedAt!);
    expect(visitorErasedAt >= asked - 1 && visitorErasedAt <= answered + 1, `${visitorErasedAt} in [${asked}, ${answered}]`).toBe(true);
    expect(await ledgerSum()).toBe(pointsBefore);

    // The helper's views of a tombstone still work and show no stale text.
    const fetched = await ok<{ conversation: Conversation; messages: unknown[] }>(x.helper.socket, 'conversation:fetch', { conversationId: x.conversation.id });
    expect(fetched.messages).toEqual([]);
    expect(fetched.conversation.question).not.toContain('MARKX2');
  });

  it('ends an open chat first: the helper sees it end and the visitor socket closes', async () => {
    const helper = await connectHelper(t.server.url, USERS.helperA2.email);
    const visitor = await connectVisitor(t.server.url, { siteKey: 'shop-a', origin: ORIGIN_A });
    const { conversation } = await ok<{ conversation: Conversation }>(visitor.socket, 'conversation:start', { clientId: clientId(), text: 'MARKX3 open chat' });
    await ok(helper.socket, 'conversation:claim', { conversationId: conversation.id });
    const ended = next<Conversation>(helper.socket, 'conversation:updated', (c) => c.id === conversation.id && c.status === 'closed');
    const gone = next<void>(visitor.socket, 'disconnect');
    const found = await call<PrivacyLookupResult>('adminA', 'GET', `/api/sites/${t.server.sites.siteA}/privacy/visitors?conversationId=${conversation.id}`);
    expect(found.data.visitors.map((v) => v.visitorId)).toEqual([visitor.visitorId]);
    const r = await call('adminA', 'POST', `/api/sites/${t.server.sites.siteA}/privacy/visitors/${visitor.visitorId}/erase`, { reason: 'Mail of 24 Nov' });
    expect(r.status).toBe(200);
    expect((await ended).closedBy).toBe('visitor');
    await gone;
    const list = await ok<{ conversations: Conversation[] }>(helper.socket, 'conversation:list', { siteId: t.server.sites.siteA });
    expect(list.conversations.map((c) => c.id)).not.toContain(conversation.id);
    expect(await whereIs('MARKX3')).toEqual([]);
  });

  it('lets managers find and export, only admins erase, and answers another site’s visitor like a missing one', async () => {
    const x = await fullChat('MARKX4');
    const site = t.server.sites.siteA;
    const base = `/api/sites/${site}/privacy/visitors`;

    const found = await call<PrivacyLookupResult>('moderatorA', 'GET', `${base}?email=${encodeURIComponent('MarkX4@mail.test')}`);
    expect(found.status).toBe(200);
    expect(found.data.visitors).toHaveLength(1);
    expect(found.data.visitors[0]).toMatchObject({
      visitorId: x.visitor.visitorId,
      conversations: 1,
      messages: 3,
      emails: ['markx4@mail.test'],
      erasedAt: null,
    });

    const exported = await call<VisitorDataExport>('moderatorA', 'POST', `${base}/${x.visitor.visitorId}/export`);
    expect(exported.status).toBe(200);
    expect(exported.headers.get('content-disposition')).toMatch(/^attachment; filename="tribu-visitor-/);
    expect(exported.data.conversations[0]!.question).toContain('MARKX4');
    expect(exported.text).not.toContain('PRIVATE-NOTE');

    expect((await call('helperA1', 'GET', `${base}?email=markx4@mail.test`)).status).toBe(403);
    expect((await call('helperA1', 'POST', `${base}/${x.visitor.visitorId}/export`)).status).toBe(403);
    expect((await call('moderatorA', 'POST', `${base}/${x.visitor.visitorId}/erase`, { reason: 'x' })).status).toBe(403);
    expect((await call('adminA', 'POST', `${base}/${x.visitor.visitorId}/erase`, {})).status).toBe(400);

    // Another site's visitor, through shop-a's routes or by shop-b's helper: exactly like a missing one.
    const b = await connectVisitor(t.server.url, { siteKey: 'shop-b', origin: ORIGIN_B });
    const missing = '00000000-0000-4000-8000-000000000000';
    const foreign = await call('adminA', 'POST', `${base}/${b.visitorId}/export`);
    const absent = await call('adminA', 'POST', `${base}/${missing}/export`);
    expect(foreign.status).toBe(404);
    expect(foreign.text).toBe(absent.text);
    expect((await call('adminA', 'POST', `${base}/${b.visitorId}/erase`, { reason: 'x' })).status).toBe(404);
    expect((await call('helperB1', 'GET', `${base}?email=markx4@mail.test`)).status).toBe(404);
    expect((await call<PrivacyLookupResult>('adminA', 'GET', `${base}?email=nobody@mail.test`)).data.visitors).toEqual([]);

    const erased = await call('adminA', 'POST', `${base}/${x.visitor.visitorId}/erase`, { reason: 'Request by mail' });
    expect(erased.status).toBe(200);
    const audit = await rows<{ action: string; actor_name: string; reason: string | null; target_id: string }>(
      sql`select action, actor_name, reason, target_id from audit_log where target_id = ${x.visitor.visitorId} order by created_at`,
    );
    expect(audit.rows).toEqual([
      { action: 'privacy.exported', actor_name: 'Mo', reason: null, target_id: x.visitor.visitorId },
      { action: 'privacy.erased', actor_name: 'Al', reason: 'Request by mail', target_id: x.visitor.visitorId },
    ]);
  });

  it('lets the retention sweep delete a tombstone while the ledger keeps its points', async () => {
    const x = await fullChat('MARKX5');
    await visitorPost(t.server.url, '/api/visitor/erase', 'shop-a', x.visitor);
    const points = await ledgerSum();
    await db().execute(sql`update conversations set closed_at = now() - interval '3 days' where id = ${x.conversation.id}`);
    expect((await call('adminA', 'PATCH', `/api/sites/${t.server.sites.siteA}/settings`, { retentionDays: 1 })).status).toBe(200);
    await t.server.sweep();
    expect((await rows(sql`select id from conversations where id = ${x.conversation.id}`)).rows).toEqual([]);
    expect(await ledgerSum()).toBe(points);
    await call('adminA', 'PATCH', `/api/sites/${t.server.sites.siteA}/settings`, { retentionDays: null });
  });

  it('keeps no network address for a site that turned the option off, and refuses bans by address there', async () => {
    const site = t.server.sites.siteA;
    const before = await fullChat('MARKX6');
    // Every chat of the site not erased keeps the hash of its address (erasure drops it).
    const kept = await rows<{ n: number }>(sql`select count(*)::int as n from conversations where site_id = ${site} and ip_hash is not null`);
    const notErased = await rows<{ n: number }>(sql`select count(*)::int as n from conversations where site_id = ${site} and erased_at is null`);
    expect(kept.rows[0]!.n).toBe(notErased.rows[0]!.n);
    expect((await rows<{ ip_hash: string | null }>(sql`select ip_hash from conversations where id = ${before.conversation.id}`)).rows[0]!.ip_hash).toMatch(
      /^[A-Za-z0-9_-]{43}$/,
    );

    const off = await call<{ settings: { storeAddresses: boolean } }>('adminA', 'PATCH', `/api/sites/${site}/settings`, { storeAddresses: false });
    expect(off.status).toBe(200);
    expect(off.data.settings.storeAddresses).toBe(false);
    // Turning it off forgets the hashes already kept.
    expect((await rows<{ n: number }>(sql`select count(*)::int as n from conversations where site_id = ${site} and ip_hash is not null`)).rows[0]!.n).toBe(0);
    expect((await call<{ storeAddresses: boolean }>('moderatorA', 'GET', `/api/sites/${site}/privacy/options`)).data).toEqual({ storeAddresses: false });

    const v = await connectVisitor(t.server.url, { siteKey: 'shop-a', origin: ORIGIN_A });
    const { conversation } = await ok<{ conversation: Conversation }>(v.socket, 'conversation:start', { clientId: clientId(), text: 'No address please' });
    const stored = await rows<{ ip_hash: string | null }>(sql`select ip_hash from conversations where id = ${conversation.id}`);
    expect(stored.rows[0]!.ip_hash).toBeNull();

    const byAddress = await call<{ error: { code: string; message: string } }>('moderatorA', 'POST', `/api/sites/${site}/bans`, {
      conversationId: conversation.id,
      duration: '1d',
      reason: 'Spam',
      blockAddress: true,
    });
    expect(byAddress.status).toBe(400);
    expect(byAddress.data.error.message).toMatch(/keeps no network addresses/);
    const byVisitor = await call('moderatorA', 'POST', `/api/sites/${site}/bans`, {
      conversationId: conversation.id,
      duration: '1d',
      reason: 'Spam',
      blockAddress: false,
    });
    expect(byVisitor.status).toBe(200);

    // Turned back on, new chats keep a hash again.
    await call('adminA', 'PATCH', `/api/sites/${site}/settings`, { storeAddresses: true });
    const w = await connectVisitor(t.server.url, { siteKey: 'shop-a', origin: ORIGIN_A });
    const again = await ok<{ conversation: Conversation }>(w.socket, 'conversation:start', { clientId: clientId(), text: 'Address kept' });
    expect((await rows<{ ip_hash: string | null }>(sql`select ip_hash from conversations where id = ${again.conversation.id}`)).rows[0]!.ip_hash).toMatch(
      /^[A-Za-z0-9_-]{43}$/,
    );
    void send;
  });
});

describe.skipIf(!hasPostgres || !hasRedis)('visitor erasure across two nodes', () => {
  const nodes = useTwoNodes();

  it('closes the visitor’s socket held by the other node, which then refuses the old token', async () => {
    const visitor = await connectVisitor(nodes.b.url, { siteKey: 'shop-a', origin: ORIGIN_A });
    const { conversation } = await ok<{ conversation: Conversation }>(visitor.socket, 'conversation:start', { clientId: clientId(), text: 'MARK2N question' });
    const gone = next<string>(visitor.socket, 'disconnect', () => true, 15_000);
    // The visitor's command budget is counted in Redis under their id (any prefix: the id is unique).
    const redis = new Redis(TEST_REDIS_URL);
    const keys = async () => (await redis.scan('0', 'MATCH', `*:v:${visitor.visitorId}`, 'COUNT', 100_000))[1];
    expect(await keys()).not.toEqual([]);

    const { cookie, me } = await login(nodes.a.url, USERS.adminA.email);
    const asked = Date.now();
    const res = await fetch(`${nodes.a.url}/api/sites/${nodes.sites.siteA}/privacy/visitors/${visitor.visitorId}/erase`, {
      method: 'POST',
      headers: { cookie, origin: nodes.a.url, [CSRF_HEADER]: me.csrfToken, 'content-type': 'application/json' },
      body: JSON.stringify({ reason: 'Request by mail' }),
    });
    expect(res.status).toBe(200);
    const answered = Date.now();
    expect(await gone).toBe('io server disconnect');
    expect(await keys()).toEqual([]);
    redis.disconnect();

    const err = await refusal(visitorSocket(nodes.b.url, 'shop-a', visitor));
    expect(err.message).toBe('unauthorized');
    const db = await createDb({ databaseUrl: nodes.databaseUrl });
    try {
      const r = (await db.db.execute(sql`select question, erased_at from conversations where id = ${conversation.id}`)) as unknown as {
        rows: { question: string; erased_at: Date | null }[];
      };
      expect(r.rows[0]!.question).not.toContain('MARK2N');
      // Erased by that request (the database's clock, to the millisecond).
      const erasedAt = new Date(r.rows[0]!.erased_at!).getTime();
      expect(erasedAt >= asked - 1 && erasedAt <= answered + 1, `${erasedAt} in [${asked}, ${answered}]`).toBe(true);
    } finally {
      await db.close();
    }
  });
});
