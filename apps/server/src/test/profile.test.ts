import { eq } from 'drizzle-orm';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { memberships, onlineMinutes, sites, users } from '@tribu/db';
import { CSRF_HEADER, type Conversation, type MyProfile, type PublicProfile, type Peer, type QueueItem, type WidgetState } from '@tribu/protocol';
import { hashPassword } from '../modules/auth/password.ts';
import { clientId, connectHelper, connectVisitor, login, next, ok, send, takenChat } from './support/clients.ts';
import { ORIGIN_A, PASSWORD, USERS } from './support/fixtures.ts';
import { hasPostgres } from './support/services.ts';
import { usePostgresServer } from './support/app.ts';

describe.skipIf(!hasPostgres)('profiles', () => {
  const t = usePostgresServer();

  /** A signed-in person's HTTP client: cookie, CSRF token and same-origin header. */
  async function as(email: string) {
    const { cookie, me } = await login(t.server.url, email);
    const origin = new URL(t.server.url).origin;
    const call = (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
      fetch(`${t.server.url}${path}`, {
        method,
        headers: {
          cookie,
          origin,
          [CSRF_HEADER]: me.csrfToken,
          ...(body !== undefined && !Buffer.isBuffer(body) ? { 'content-type': 'application/json' } : {}),
          ...headers,
        },
        body: body === undefined ? undefined : Buffer.isBuffer(body) ? new Uint8Array(body) : JSON.stringify(body),
      });
    return { me, cookie, call };
  }

  /** A fresh helper of shop-a, so leaving does not take a shared fixture away from other tests. */
  async function newHelper(email: string, name: string) {
    const [row] = await t.server.db.db
      .insert(users)
      .values({ email, displayName: name, passwordHash: await hashPassword(PASSWORD) })
      .returning();
    await t.server.db.db.insert(memberships).values({ userId: row!.id, siteId: t.server.sites.siteA, role: 'helper' });
    return row!.id;
  }

  it('validates a profile update (a nickname is fine; a too long bio, an unknown topic or language are refused) and tells my tabs and peers', async () => {
    await t.server.db.db
      .update(sites)
      .set({ settings: { chatCap: 2, topics: [{ tag: 'sizing', label: 'Sizing', keywords: ['size'] }] } })
      .where(eq(sites.id, t.server.sites.siteA));
    const a1 = await as(USERS.helperA1.email);
    const otherTab = await connectHelper(t.server.url, USERS.helperA1.email);
    const peer = await connectHelper(t.server.url, USERS.helperA2.email);
    const refreshed = next<{ displayName: string }>(otherTab.socket, 'profile:updated');
    const relist = next<{ siteId: string }>(peer.socket, 'presence:changed');
    const good = await a1.call('PATCH', '/api/profile', { displayName: 'Ada 🌿', bio: 'Runner', languages: ['en', 'fr'], expertise: ['sizing'] });
    expect(good.status).toBe(200);
    expect((await refreshed).displayName).toBe('Ada 🌿');
    await relist;
    const { peers } = await ok<{ peers: Peer[] }>(peer.socket, 'presence:list', { siteId: peer.siteId });
    expect(peers.find((p) => p.id === a1.me.user.id)).toMatchObject({ displayName: 'Ada 🌿', languages: ['en', 'fr'] });
    expect(await good.json()).toMatchObject({ displayName: 'Ada 🌿', languages: ['en', 'fr'], expertise: ['sizing'] });

    expect((await a1.call('PATCH', '/api/profile', { bio: 'x'.repeat(281) })).status).toBe(400);
    const topic = await a1.call('PATCH', '/api/profile', { expertise: ['refunds'] });
    expect(topic.status).toBe(400);
    expect(((await topic.json()) as { error: { message: string } }).error.message).toContain('refunds');
    expect((await a1.call('PATCH', '/api/profile', { languages: ['xx'] })).status).toBe(400);
    const mine = (await (await a1.call('GET', '/api/profile')).json()) as MyProfile;
    expect(mine.bio).toBe('Runner');
    expect(mine.expertise).toEqual(['sizing']);
  });

  it('keeps the backoffice language I choose, gives it back in my profile and my session, and refuses one Tribu does not speak', async () => {
    const a2 = await as(USERS.helperA2.email);
    const session = async () => ((await (await a2.call('GET', '/api/auth/session')).json()) as { me: { user: { locale: string | null } } }).me.user.locale;
    expect(((await (await a2.call('GET', '/api/profile')).json()) as MyProfile).locale).toBeNull();

    const fr = await a2.call('PATCH', '/api/profile', { locale: 'fr' });
    expect(fr.status).toBe(200);
    expect(((await fr.json()) as MyProfile).locale).toBe('fr');
    expect(((await (await a2.call('GET', '/api/profile')).json()) as MyProfile).locale).toBe('fr');
    expect(await session()).toBe('fr');

    expect((await a2.call('PATCH', '/api/profile', { locale: 'de' })).status).toBe(400);
    expect(await session()).toBe('fr');

    // null: back to the browser's language.
    expect((await a2.call('PATCH', '/api/profile', { locale: null })).status).toBe(200);
    expect(((await (await a2.call('GET', '/api/profile')).json()) as MyProfile).locale).toBeNull();
    expect(await session()).toBeNull();
  });

  it('refuses a profile change without the CSRF token', async () => {
    const a1 = await as(USERS.helperA1.email);
    const res = await a1.call('PATCH', '/api/profile', { bio: 'Sneaky' }, { [CSRF_HEADER]: '' });
    expect(res.status).toBe(403);
  });

  it('refuses a file that is not an image and turns a PNG into a public 256×256 WebP', async () => {
    const a2 = await as(USERS.helperA2.email);
    const junk = await a2.call('PUT', '/api/profile/photo', Buffer.from('not an image at all'), { 'content-type': 'image/png' });
    expect(junk.status).toBe(400);
    expect(((await junk.json()) as { error: { message: string } }).error.message).toBe('That file is not an image (JPEG, PNG, WebP or GIF)');

    const png = await sharp({ create: { width: 640, height: 400, channels: 3, background: '#c0ffee' } })
      .png()
      .toBuffer();
    const res = await a2.call('PUT', '/api/profile/photo', png, { 'content-type': 'image/png' });
    expect(res.status).toBe(200);
    const { avatarUrl } = (await res.json()) as MyProfile;
    expect(avatarUrl).toMatch(new RegExp(`^/api/avatars/${a2.me.user.id}\\?v=\\d+$`));

    const photo = await fetch(`${t.server.url}${avatarUrl}`); // no cookie: visitors see it too
    expect(photo.status).toBe(200);
    expect(photo.headers.get('cache-control')).toBe('public, max-age=86400');
    const meta = await sharp(Buffer.from(await photo.arrayBuffer())).metadata();
    expect([meta.format, meta.width, meta.height, meta.exif]).toEqual(['webp', 256, 256, undefined]);

    // Merchant pages are another origin: the launcher gets the photo's absolute URL.
    await connectHelper(t.server.url, USERS.helperA2.email);
    const widget = (await (await fetch(`${t.server.url}/api/widget/shop-a`)).json()) as WidgetState;
    expect(widget.availability.helpers.map((h) => h.avatarUrl)).toContain(`${t.server.url}${avatarUrl}`);
  });

  it("shows a member's public profile to a peer, and another site's helper like a missing one, never with an email", async () => {
    const mo = await connectHelper(t.server.url, USERS.moderatorA.email);
    const ben = (await login(t.server.url, USERS.helperA2.email)).me.user.id;
    // Ben answers one chat and takes another without answering: only the first counts.
    const answered = await takenChat(t.server.url, USERS.helperA2.email, 'Counted?');
    await ok(answered.helper.socket, 'message:send', { conversationId: answered.conversation.id, clientId: clientId(), text: 'Yes' });
    await ok(answered.helper.socket, 'conversation:end', { conversationId: answered.conversation.id });
    const silent = await takenChat(t.server.url, USERS.helperA2.email, 'Not counted');
    const bea = (await login(t.server.url, USERS.helperB1.email)).me.user.id;
    const { profile } = await ok<{ profile: PublicProfile }>(mo.socket, 'profile:get', { siteId: mo.siteId, userId: ben });
    expect(profile).toMatchObject({ id: ben, role: 'helper', answeredChats: 1 });
    await ok(silent.helper.socket, 'conversation:end', { conversationId: silent.conversation.id });
    expect(JSON.stringify(profile)).not.toContain('@');

    const other = await send(mo.socket, 'profile:get', { siteId: mo.siteId, userId: bea });
    const missing = await send(mo.socket, 'profile:get', { siteId: mo.siteId, userId: '00000000-0000-4000-8000-000000000000' });
    const foreignSite = await send(mo.socket, 'profile:get', { siteId: t.server.sites.siteB, userId: bea });
    expect(other).toEqual(missing);
    expect(foreignSite).toEqual(missing);
    expect(missing).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('exports my messages and nothing of another helper', async () => {
    const mine = await takenChat(t.server.url, USERS.helperA1.email, 'Export me?');
    await ok(mine.helper.socket, 'message:send', { conversationId: mine.conversation.id, clientId: clientId(), text: 'Mine to export' });
    const theirs = await takenChat(t.server.url, USERS.helperA2.email, 'Not yours');
    await ok(theirs.helper.socket, 'message:send', { conversationId: theirs.conversation.id, clientId: clientId(), text: 'Ben only' });
    await ok(mine.helper.socket, 'conversation:end', { conversationId: mine.conversation.id });
    await ok(theirs.helper.socket, 'conversation:end', { conversationId: theirs.conversation.id });

    const a1 = await as(USERS.helperA1.email);
    const res = await a1.call('GET', '/api/profile/export');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="tribu-my-data-/);
    const text = await res.text();
    const data = JSON.parse(text) as { account: Record<string, unknown>; messages: { conversationId: string; text: string }[] };
    expect(data.account.email).toBe(USERS.helperA1.email);
    expect(data.account).not.toHaveProperty('passwordHash');
    expect(data.messages).toContainEqual(expect.objectContaining({ conversationId: mine.conversation.id, text: 'Mine to export' }));
    expect(text).not.toContain('Ben only');
    expect(text).not.toContain(theirs.conversation.id);
  });

  it('leaving a community puts my active chat back on the board, drops my membership and, with none left, my account', async () => {
    const userId = await newHelper('leaver@test.tribu', 'Lee');
    const lee = await connectHelper(t.server.url, 'leaver@test.tribu');
    const watcher = await connectHelper(t.server.url, USERS.helperA2.email);
    const visitor = await connectVisitor(t.server.url, { siteKey: 'shop-a', origin: ORIGIN_A });
    const { conversation } = await ok<{ conversation: Conversation }>(visitor.socket, 'conversation:start', { clientId: clientId(), text: 'Leaving?' });
    await ok(lee.socket, 'conversation:claim', { conversationId: conversation.id });

    const back = next<QueueItem>(watcher.socket, 'queue:added', (i) => i.conversationId === conversation.id);
    const http = await as('leaver@test.tribu');
    expect((await http.call('POST', '/api/profile/leave', { siteId: t.server.sites.siteA })).status).toBe(400);
    const res = await http.call('POST', '/api/profile/leave', { siteId: t.server.sites.siteA, confirm: true });
    expect(await res.json()).toEqual({ accountDeleted: true });
    expect(res.headers.getSetCookie().join(';')).toMatch(/tribu_session=;/);
    await back;
    const { items } = await ok<{ items: QueueItem[] }>(watcher.socket, 'queue:list', { siteId: watcher.siteId });
    expect(items.map((i) => i.conversationId)).toContain(conversation.id);
    expect(await t.server.db.db.select().from(memberships).where(eq(memberships.userId, userId))).toEqual([]);
    expect(await t.server.db.db.select().from(users).where(eq(users.id, userId))).toEqual([]);
  });

  it('leaving one of two communities keeps the account, and my open tab can no longer act on the one I left', async () => {
    const userId = await newHelper('two-sites@test.tribu', 'Tess');
    await t.server.db.db.insert(memberships).values({ userId, siteId: t.server.sites.siteB, role: 'helper' });
    const tab = await connectHelper(t.server.url, 'two-sites@test.tribu');
    await ok(tab.socket, 'presence:list', { siteId: t.server.sites.siteA });
    const http = await as('two-sites@test.tribu');
    const res = await http.call('POST', '/api/profile/leave', { siteId: t.server.sites.siteA, confirm: true });
    expect(await res.json()).toEqual({ accountDeleted: false });
    expect(await send(tab.socket, 'presence:list', { siteId: t.server.sites.siteA })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    await ok(tab.socket, 'presence:list', { siteId: t.server.sites.siteB });
    const me = (await (await http.call('GET', '/api/auth/me')).json()) as { memberships: { siteId: string }[] };
    expect(me.memberships.map((m) => m.siteId)).toEqual([t.server.sites.siteB]);
  });

  it('refuses to leave a community that is not mine, like a missing one', async () => {
    const b1 = await as(USERS.helperB1.email);
    const res = await b1.call('POST', '/api/profile/leave', { siteId: t.server.sites.siteA, confirm: true });
    expect(res.status).toBe(404);
  });

  it('counts a minute once when the same helper has two tabs open', async () => {
    const mo = await connectHelper(t.server.url, USERS.moderatorA.email);
    await connectHelper(t.server.url, USERS.moderatorA.email);
    const minuteOf = (ms: number) => Math.floor(ms / 60_000);
    const started = minuteOf(Date.now());
    await t.server.sweep();
    await t.server.sweep();
    // One minute, or two when the sweeps straddled a minute boundary.
    const expected = minuteOf(Date.now()) - started + 1;
    const moId = mo.me.user.id;
    const rows = await t.server.db.db.select().from(onlineMinutes).where(eq(onlineMinutes.userId, moId));
    const minutes = new Set(rows.map((r) => r.minute.toISOString()));
    expect(rows.length).toBe(minutes.size);
    expect(rows.length).toBe(expected);
    const profile = (await (await (await as(USERS.moderatorA.email)).call('GET', '/api/profile')).json()) as MyProfile;
    expect(profile.hours.today).toBeCloseTo(rows.length / 60, 2);
  });
});
