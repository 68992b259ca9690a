import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { auditLog, conversations, memberships, messages, pointsLedger, sessions, users, visitors } from '@tribu/db';
import type { Conversation, GamificationSummary, OperatorSiteCreated, SiteMemberList, SiteSettingsView, WidgetState } from '@tribu/protocol';
import { useEmbeddedServer, usePostgresServer } from './support/app.ts';
import { clientId, connectHelper, connectVisitor, login, mintVisitor, ok, send } from './support/clients.ts';
import { ORIGIN_A, USERS } from './support/fixtures.ts';
import { hasPostgres } from './support/services.ts';

type Who = keyof typeof USERS;

describe.skipIf(!hasPostgres)('site administration', () => {
  const ctx = usePostgresServer();
  const cookies = {} as Record<Who, { cookie: string; csrf: string; userId: string }>;

  /** A backoffice request as `who`, from the backoffice's own origin, with the CSRF token. */
  async function call(who: Who | null, method: string, path: string, body?: unknown) {
    const c = who ? cookies[who] : undefined;
    const headers: Record<string, string> = { origin: ctx.server.url };
    if (c) Object.assign(headers, { cookie: c.cookie, 'x-csrf-token': c.csrf });
    if (body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(`${ctx.server.url}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    return {
      status: res.status,
      body: (await res.json().catch(() => null)) as Record<string, unknown> & { error?: { code: string; message: string; fields?: Record<string, string> } },
    };
  }

  const widget = async (key = 'shop-a') => (await (await fetch(`${ctx.server.url}/api/widget/${key}?locale=en`)).json()) as WidgetState;

  beforeAll(async () => {
    for (const who of Object.keys(USERS) as Who[]) {
      const { cookie, me } = await login(ctx.server.url, USERS[who].email);
      cookies[who] = { cookie, csrf: me.csrfToken, userId: me.user.id };
    }
  });

  it('lets only the site admins read and change settings and roles; other sites answer 404', async () => {
    const { siteA, siteB } = ctx.server.sites;
    const patch = { name: 'Shop A' };
    for (const path of [`/api/sites/${siteA}/settings`, `/api/sites/${siteA}/roles`]) {
      expect((await call(null, 'GET', path)).status).toBe(401);
      expect((await call('helperA1', 'GET', path)).status).toBe(403);
      expect((await call('moderatorA', 'GET', path)).status).toBe(403);
      expect((await call('helperB1', 'GET', path)).status).toBe(404);
      expect((await call('adminA', 'GET', path)).status).toBe(200);
    }
    expect((await call('helperA1', 'PATCH', `/api/sites/${siteA}/settings`, patch)).status).toBe(403);
    expect((await call('moderatorA', 'PATCH', `/api/sites/${siteA}/settings`, patch)).status).toBe(403);
    expect((await call('helperB1', 'PATCH', `/api/sites/${siteA}/settings`, patch)).status).toBe(404);
    expect((await call('adminA', 'GET', `/api/sites/${siteB}/settings`)).status).toBe(404);
    expect((await call('adminA', 'PATCH', `/api/sites/${siteB}/settings`, patch)).status).toBe(404);
    expect((await call('moderatorA', 'PATCH', `/api/sites/${siteA}/roles/${cookies.helperA1.userId}`, { role: 'moderator' })).status).toBe(403);
    // A helper's validation errors reveal nothing: rights are checked before the body.
    expect((await call('helperA1', 'PATCH', `/api/sites/${siteA}/settings`, { color: 'red' })).status).toBe(403);
  });

  it('refuses bad settings with a message for each field', async () => {
    const { siteA } = ctx.server.sites;
    const res = await call('adminA', 'PATCH', `/api/sites/${siteA}/settings`, {
      name: '',
      allowedOrigins: ['https://shop-a.example/products', 'shop-a.example', 'self', 'https://*.shop.example'],
      color: 'green',
      locales: ['fr'],
      defaultLocale: 'en',
      texts: { en: { launcher: 'x'.repeat(41) } },
      chatCap: 0,
      retentionDays: 0,
      timeZone: 'Mars/Olympus',
    });
    expect(res.status).toBe(400);
    const fields = res.body.error!.fields!;
    expect(fields['allowedOrigins.0']).toMatch(/has a path: write only the address, like https:\/\/shop-a\.example/);
    expect(fields['allowedOrigins.1']).toMatch(/must start with https:\/\//);
    expect(fields['allowedOrigins.2']).toBeUndefined();
    expect(fields['allowedOrigins.3']).toMatch(/wildcards/);
    expect(Object.keys(fields).sort()).toEqual(
      [
        'allowedOrigins.0',
        'allowedOrigins.1',
        'allowedOrigins.3',
        'chatCap',
        'color',
        'defaultLocale',
        'name',
        'retentionDays',
        'texts.en.launcher',
        'timeZone',
      ].sort(),
    );
    expect((await call('adminA', 'PATCH', `/api/sites/${siteA}/settings`, { unknown: 1 })).status).toBe(400);
    // The stored default is English and it is no longer offered.
    const lone = await call('adminA', 'PATCH', `/api/sites/${siteA}/settings`, { locales: ['fr'] });
    expect(lone.body.error?.fields).toEqual({ defaultLocale: 'The default language must be one of the languages offered' });
  });

  it('shows a saved change in the widget state at once, audit-logs the diff, and applies new origins', async () => {
    const { siteA } = ctx.server.sites;
    const before = await widget();
    expect(before.texts.launcher).toBe('Ask the community');
    const origin = 'https://new-shop-a.example';
    await expect(mintVisitor(ctx.server.url, 'shop-a', origin)).rejects.toThrow(/403/);

    const res = await call('adminA', 'PATCH', `/api/sites/${siteA}/settings`, {
      allowedOrigins: [ORIGIN_A, `${origin}/`],
      texts: { en: { launcher: 'Ask our riders', title: '' }, fr: { launcher: 'Demandez aux cyclistes' } },
      color: '#F5C400',
      offlineMode: 'hide',
      position: 'left',
      minHelpers: 2,
    });
    expect(res.status).toBe(200);
    const view = res.body as unknown as SiteSettingsView;
    expect(view.settings.allowedOrigins).toEqual([ORIGIN_A, origin]);
    expect(view.settings.texts).toEqual({ en: { launcher: 'Ask our riders' }, fr: { launcher: 'Demandez aux cyclistes' } });

    const after = await widget();
    expect(after.texts.launcher).toBe('Ask our riders');
    expect(after.texts.title).toBe('Ask the community');
    expect(after.theme).toMatchObject({ color: '#f5c400', onColor: '#111814', position: 'left' });
    expect(after.availability.mode).toBe('hidden');
    await mintVisitor(ctx.server.url, 'shop-a', origin);

    const [line] = await ctx.server.db.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.siteId, siteA), eq(auditLog.action, 'site.settings_changed')));
    expect(line?.actorName).toBe(USERS.adminA.name);
    expect(line?.details).toMatchObject({
      changes: {
        color: { from: '#2f6f4f', to: '#f5c400' },
        offlineMode: { from: 'ask', to: 'hide' },
        'texts.en.launcher': { from: null, to: 'Ask our riders' },
        allowedOrigins: { from: [ORIGIN_A], to: [ORIGIN_A, origin] },
      },
    });
    // Saving the same again changes nothing and writes no line.
    await call('adminA', 'PATCH', `/api/sites/${siteA}/settings`, { color: '#f5c400' });
    const lines = await ctx.server.db.db.select().from(auditLog).where(eq(auditLog.action, 'site.settings_changed'));
    expect(lines).toHaveLength(1);
    await call('adminA', 'PATCH', `/api/sites/${siteA}/settings`, { offlineMode: 'ask', position: 'right', minHelpers: 1 });
  });

  it('lets an admin ask for consent before the chat: a visitor who does not accept is refused, one who does starts the chat', async () => {
    const { siteA, siteB } = ctx.server.sites;
    const path = `/api/sites/${siteA}/settings`;
    const prechat = { name: 'optional', email: 'off', consent: true };
    expect(((await call('adminA', 'GET', path)).body as unknown as SiteSettingsView).settings.prechat).toEqual({ name: 'off', email: 'off', consent: false });
    expect((await call('helperA1', 'PATCH', path, { prechat })).status).toBe(403);
    expect((await call('moderatorA', 'PATCH', path, { prechat })).status).toBe(403);
    expect((await call('adminA', 'PATCH', `/api/sites/${siteB}/settings`, { prechat })).status).toBe(404);
    const bad = await call('adminA', 'PATCH', path, { prechat: { name: 'always', email: 'required', consent: 'yes' } });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.error!.fields!).sort()).toEqual(['prechat.consent', 'prechat.name']);
    expect((await call('adminA', 'PATCH', path, { prechat: { ...prechat, extra: 1 } })).status).toBe(400);
    expect((await call('adminA', 'PATCH', path, { prechat: { consent: true } })).status).toBe(400);
    expect((await widget()).prechat.consent).toBe(false);

    // A visitor already on the page when the admin saves.
    const visitor = await connectVisitor(ctx.server.url, { siteKey: 'shop-a', origin: ORIGIN_A });
    const res = await call('adminA', 'PATCH', path, { prechat });
    expect(res.status).toBe(200);
    expect((res.body as unknown as SiteSettingsView).settings.prechat).toEqual(prechat);
    expect((await widget()).prechat).toEqual(prechat);

    const refused = await send(visitor.socket, 'conversation:start', { clientId: clientId(), text: 'Do you ship to Corsica?' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'bad_request', message: 'Please accept the privacy notice to start a chat' } });
    const started = await ok<{ conversation: Conversation }>(visitor.socket, 'conversation:start', {
      clientId: clientId(),
      text: 'Do you ship to Corsica?',
      consent: true,
    });
    const [row] = await ctx.server.db.db.select().from(conversations).where(eq(conversations.id, started.conversation.id));
    expect(row?.consentAt).toBeInstanceOf(Date);

    const lines = await ctx.server.db.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.siteId, siteA), eq(auditLog.action, 'site.settings_changed')));
    expect(lines.map((l) => l.details)).toContainEqual({
      changes: { 'prechat.name': { from: 'off', to: 'optional' }, 'prechat.consent': { from: false, to: true } },
    });
    await ok(visitor.socket, 'conversation:end', { conversationId: started.conversation.id });
    await call('adminA', 'PATCH', path, { prechat: { name: 'off', email: 'off', consent: false } });
  });

  it('lists members without any secret, and changes roles with the rules kept', async () => {
    const { siteA } = ctx.server.sites;
    const list = await call('adminA', 'GET', `/api/sites/${siteA}/roles`);
    const members = (list.body as unknown as SiteMemberList).members;
    expect(members.map((m) => [m.displayName, m.role])).toEqual([
      ['Al', 'admin'],
      ['Mo', 'moderator'],
      ['Ada', 'helper'],
      ['Ben', 'helper'],
    ]);
    const [user] = await ctx.server.db.db.select().from(users).where(eq(users.email, USERS.helperA1.email));
    const [session] = await ctx.server.db.db.select().from(sessions).limit(1);
    const payloads = JSON.stringify([list.body, (await call('adminA', 'GET', `/api/sites/${siteA}/settings`)).body]);
    for (const secret of [user!.passwordHash, '$argon2', session!.csrfToken, cookies.helperA1.cookie.split('=')[1]!]) {
      expect(payloads).not.toContain(secret);
    }
    expect(payloads).not.toMatch(/password|csrf|session|token/i);

    const self = await call('adminA', 'PATCH', `/api/sites/${siteA}/roles/${cookies.adminA.userId}`, { role: 'helper' });
    expect(self.status).toBe(403);
    const outsider = await call('adminA', 'PATCH', `/api/sites/${siteA}/roles/${cookies.helperB1.userId}`, { role: 'moderator' });
    expect(outsider.status).toBe(404);

    const promoted = await call('adminA', 'PATCH', `/api/sites/${siteA}/roles/${cookies.helperA2.userId}`, { role: 'admin' });
    expect(promoted.body).toMatchObject({ displayName: 'Ben', role: 'admin' });
    // Ben's next request carries his new rights.
    expect((await call('helperA2', 'GET', `/api/sites/${siteA}/settings`)).status).toBe(200);

    // Two admins demote each other at the same moment: one wins, the other finds the last admin.
    const [x, y] = await Promise.all([
      call('adminA', 'PATCH', `/api/sites/${siteA}/roles/${cookies.helperA2.userId}`, { role: 'helper' }),
      call('helperA2', 'PATCH', `/api/sites/${siteA}/roles/${cookies.adminA.userId}`, { role: 'moderator' }),
    ]);
    expect([x.status, y.status].sort()).toEqual([200, 409]);
    expect((x.status === 409 ? x : y).body.error?.message).toMatch(/last admin of this site/);
    const admins = await ctx.server.db.db
      .select()
      .from(memberships)
      .where(and(eq(memberships.siteId, siteA), eq(memberships.role, 'admin')));
    expect(admins).toHaveLength(1);
    // Put things back as the fixtures had them, whoever won.
    if (admins[0]!.userId === cookies.helperA2.userId) {
      await call('helperA2', 'PATCH', `/api/sites/${siteA}/roles/${cookies.adminA.userId}`, { role: 'admin' });
      await call('adminA', 'PATCH', `/api/sites/${siteA}/roles/${cookies.helperA2.userId}`, { role: 'helper' });
    }
    const roles = await ctx.server.db.db.select().from(memberships).where(eq(memberships.siteId, siteA));
    expect(roles.find((m) => m.userId === cookies.adminA.userId)?.role).toBe('admin');
    expect(roles.find((m) => m.userId === cookies.helperA2.userId)?.role).toBe('helper');
    const roleLines = await ctx.server.db.db.select().from(auditLog).where(eq(auditLog.action, 'member.role_changed'));
    expect(roleLines.map((l) => l.details)).toContainEqual({ from: 'helper', to: 'admin', role: 'admin' });
  });

  it("gives a member's open tabs their new role at once, without reconnecting", async () => {
    const { siteA } = ctx.server.sites;
    const ben = await connectHelper(ctx.server.url, USERS.helperA2.email);
    const rules = {
      scoring: { pointsPerChat: 1, goodRatingBonus: 0, fastAnswerBonus: 0, fastAnswerSec: 60, dailyCapPerVisitor: 5, minChatSec: 0 },
      tiers: [{ name: 'All', min: 0 }],
      customBadges: [],
    };
    expect(await send(ben.socket, 'rules:preview', { siteId: siteA, rules })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    await call('adminA', 'PATCH', `/api/sites/${siteA}/roles/${cookies.helperA2.userId}`, { role: 'moderator' });
    expect((await send(ben.socket, 'rules:preview', { siteId: siteA, rules })).ok).toBe(true);
    await call('adminA', 'PATCH', `/api/sites/${siteA}/roles/${cookies.helperA2.userId}`, { role: 'helper' });
    expect(await send(ben.socket, 'rules:preview', { siteId: siteA, rules })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    ben.socket.disconnect();
  });

  it('deletes closed conversations past the retention period on the sweep, keeping the points they earned', async () => {
    const { siteA, siteB } = ctx.server.sites;
    const db = ctx.server.db.db;
    const day = 86_400_000;
    const closed = async (siteId: string, daysAgo: number) => {
      const [v] = await db.insert(visitors).values({ id: randomUUID(), siteId }).returning();
      const at = new Date(Date.now() - daysAgo * day);
      const [c] = await db
        .insert(conversations)
        .values({ siteId, visitorId: v!.id, status: 'closed', question: `${daysAgo} days ago`, createdAt: at, closedAt: at, helperId: cookies.helperA1.userId })
        .returning();
      await db.insert(messages).values({ conversationId: c!.id, seq: 1, authorKind: 'visitor', senderKey: v!.id, clientId: 'c1', text: 'Hello' });
      return c!.id;
    };
    const old = await closed(siteA, 40);
    const recent = await closed(siteA, 10);
    const otherSite = await closed(siteB, 400);
    const open = await closed(siteA, 90);
    await db.update(conversations).set({ status: 'active', closedAt: null }).where(eq(conversations.id, open));
    await db
      .insert(pointsLedger)
      .values({ siteId: siteA, userId: cookies.helperA1.userId, points: 5, reason: 'chat', conversationId: old, idempotencyKey: `retention:${old}` });

    expect((await call('adminA', 'PATCH', `/api/sites/${siteA}/settings`, { retentionDays: 30 })).status).toBe(200);
    await ctx.server.sweep();
    const left = (await db.select({ id: conversations.id }).from(conversations)).map((r) => r.id);
    expect(left).not.toContain(old);
    expect(left).toEqual(expect.arrayContaining([recent, otherSite, open]));
    expect(await db.select().from(messages).where(eq(messages.conversationId, old))).toHaveLength(0);
    const [entry] = await db
      .select()
      .from(pointsLedger)
      .where(eq(pointsLedger.idempotencyKey, `retention:${old}`));
    expect(entry).toMatchObject({ points: 5, conversationId: null });
    // A second sweep (another node, or the next tick) finds nothing more to do.
    await ctx.server.sweep();
    expect((await db.select({ n: sql<number>`count(*)::int` }).from(conversations))[0]!.n).toBe(left.length);
    expect((await call('adminA', 'PATCH', `/api/sites/${siteA}/settings`, { retentionDays: null })).body).toMatchObject({ settings: { retentionDays: null } });
  });

  it('keeps points and rights separate for a person on two sites', async () => {
    const { siteA, siteB } = ctx.server.sites;
    const db = ctx.server.db.db;
    // Mo manages shop A and is a plain helper on shop B.
    await db.insert(memberships).values({ userId: cookies.moderatorA.userId, siteId: siteB, role: 'helper' });
    await db
      .insert(pointsLedger)
      .values({ siteId: siteA, userId: cookies.moderatorA.userId, points: 42, reason: 'grant', note: 'Thanks', idempotencyKey: `two-sites:${randomUUID()}` });
    const mo = await connectHelper(ctx.server.url, USERS.moderatorA.email);
    expect(Object.fromEntries(mo.me.memberships.map((m) => [m.siteId, m.role]))).toEqual({ [siteA]: 'moderator', [siteB]: 'helper' });

    const onA = await ok<GamificationSummary>(mo.socket, 'gamification:summary', { siteId: siteA });
    const onB = await ok<GamificationSummary>(mo.socket, 'gamification:summary', { siteId: siteB });
    expect(onA.lifetime).toBe(42);
    expect(onB.lifetime).toBe(0);
    expect(onB.history).toEqual([]);

    const rules = {
      scoring: { pointsPerChat: 1, goodRatingBonus: 0, fastAnswerBonus: 0, fastAnswerSec: 60, dailyCapPerVisitor: 5, minChatSec: 0 },
      tiers: [{ name: 'All', min: 0 }],
      customBadges: [],
    };
    expect((await send(mo.socket, 'rules:preview', { siteId: siteA, rules })).ok).toBe(true);
    const onBRules = await send(mo.socket, 'rules:preview', { siteId: siteB, rules });
    expect(onBRules).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const csv = await fetch(`${ctx.server.url}/api/sites/${siteB}/ledger.csv`, { headers: { cookie: mo.cookie } });
    expect(csv.status).toBe(403);
    expect((await fetch(`${ctx.server.url}/api/sites/${siteA}/ledger.csv`, { headers: { cookie: mo.cookie } })).status).toBe(200);
  });

  it('lets only the operator list and create sites; the first admin is invited', async () => {
    expect((await call('adminA', 'GET', '/api/operator/sites')).status).toBe(404);
    expect((await call('adminA', 'POST', '/api/operator/sites', {})).status).toBe(404);
    expect((await call('helperA1', 'GET', '/api/operator/sites')).status).toBe(404);
    await ctx.server.db.db.update(users).set({ operator: true }).where(eq(users.id, cookies.adminA.userId));

    const listed = await call('adminA', 'GET', '/api/operator/sites');
    expect(listed.status).toBe(200);
    const shopA = (listed.body.sites as { key: string; members: number; chatsThisMonth: number }[]).find((s) => s.key === 'shop-a');
    expect(shopA?.members).toBe(4);
    // Every chat of shop-a this file made so far, counted from the rows themselves (UTC month).
    const now = new Date();
    const monthStart = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
    const chatsOfA = await ctx.server.db.db
      .select({ createdAt: conversations.createdAt })
      .from(conversations)
      .where(eq(conversations.siteId, ctx.server.sites.siteA));
    expect(shopA?.chatsThisMonth).toBe(chatsOfA.filter((c) => c.createdAt >= monthStart).length);
    expect(shopA?.chatsThisMonth).toBeGreaterThan(0);

    const bad = await call('adminA', 'POST', '/api/operator/sites', {
      name: 'Bikes',
      key: 'Bikes Shop',
      allowedOrigins: ['bikes.example'],
      adminEmail: 'nope',
      adminName: 'Zoe',
    });
    expect(Object.keys(bad.body.error!.fields!).sort()).toEqual(['adminEmail', 'allowedOrigins.0', 'key']);
    const taken = await call('adminA', 'POST', '/api/operator/sites', {
      name: 'Again',
      key: 'shop-a',
      allowedOrigins: [],
      adminEmail: 'zoe@bikes.example',
      adminName: 'Zoe',
    });
    expect(taken.body.error?.fields).toEqual({ key: 'The key "shop-a" is taken; choose another' });

    const made = await call('adminA', 'POST', '/api/operator/sites', {
      name: 'Bikes & Co',
      key: 'bikes-co',
      allowedOrigins: ['https://bikes.example'],
      adminEmail: 'Zoe@Bikes.example',
      adminName: 'Zoe',
    });
    expect(made.status).toBe(201);
    const created = made.body as unknown as OperatorSiteCreated;
    expect(created.site).toMatchObject({ key: 'bikes-co', name: 'Bikes & Co', members: 0, embed: expect.stringContaining('data-site="bikes-co"') });
    expect(created.invitation).toMatchObject({ email: 'zoe@bikes.example', emailed: false, link: expect.stringContaining('/backoffice/invite/') });
    // The operator got no lasting rights on the new site.
    expect((await call('adminA', 'GET', `/api/sites/${created.site.id}/settings`)).status).toBe(404);
    expect((await widget('bikes-co')).site.name).toBe('Bikes & Co');
    const payload = JSON.stringify(created);
    expect(payload).not.toMatch(/password|csrf|session/i);
  });
});

describe('site administration on the embedded database (one connection)', () => {
  const t = useEmbeddedServer();

  it('changes a role and saves settings without waiting on itself', async () => {
    const { cookie, me } = await login(t.server.url, USERS.adminA.email);
    const headers = { cookie, 'x-csrf-token': me.csrfToken, origin: t.server.url, 'content-type': 'application/json' };
    const { siteA } = t.server.sites;
    const [ben] = await t.server.db.db.select().from(users).where(eq(users.email, USERS.helperA2.email));
    const role = await fetch(`${t.server.url}/api/sites/${siteA}/roles/${ben!.id}`, {
      method: 'PATCH',
      headers,
      body: JSON.stringify({ role: 'moderator' }),
      signal: AbortSignal.timeout(5_000),
    });
    expect(await role.json()).toMatchObject({ displayName: 'Ben', role: 'moderator' });
    const saved = await fetch(`${t.server.url}/api/sites/${siteA}/settings`, {
      method: 'PATCH',
      headers,
      body: JSON.stringify({ retentionDays: 90 }),
      signal: AbortSignal.timeout(5_000),
    });
    expect(saved.status).toBe(200);
    await t.server.sweep();
  });
});
