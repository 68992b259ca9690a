import { afterAll, describe, expect, it } from 'vitest';
import { io, type Socket } from 'socket.io-client';
import { eq } from 'drizzle-orm';
import { createDb, memberships, sessions, users, type Db } from '@tribu/db';
import { CSRF_HEADER, PROTOCOL_VERSION, type Conversation, type Role } from '@tribu/protocol';
import { hashPassword } from '../modules/auth/password.ts';
import { sessionIdOf } from '../modules/auth/auth.service.ts';
import { clientId, connectHelper, connectVisitor, login, next, ok, refusal, send, type HelperSocket, type VisitorSocket } from './support/clients.ts';
import { ORIGIN_A, PASSWORD, USERS } from './support/fixtures.ts';
import { hasPostgres, hasRedis } from './support/services.ts';
import { useTwoNodes } from './support/two-nodes.ts';
import { usePostgresServer } from './support/app.ts';

/** People of this file only: each scenario changes someone's rights, so nobody is shared. */
const PEOPLE = {
  demoted: { email: 'demoted@test.tribu', name: 'Dora', roles: { a: 'moderator' } },
  suspended: { email: 'suspended@test.tribu', name: 'Sam', roles: { a: 'moderator' } },
  removed: { email: 'removed@test.tribu', name: 'Remy', roles: { a: 'moderator' } },
  leaver: { email: 'leaver@test.tribu', name: 'Lea', roles: { a: 'moderator', b: 'helper' } },
  benched: { email: 'benched@test.tribu', name: 'Ben', roles: { a: 'helper' } },
  holder1: { email: 'holder1@test.tribu', name: 'Hal', roles: { a: 'helper' } },
  holder2: { email: 'holder2@test.tribu', name: 'Hana', roles: { a: 'helper' } },
  holder3: { email: 'holder3@test.tribu', name: 'Hugo', roles: { a: 'helper' } },
  holder4: { email: 'holder4@test.tribu', name: 'Hedy', roles: { a: 'helper' } },
  leaving: { email: 'logout@test.tribu', name: 'Otto', roles: { a: 'helper' } },
  expiring: { email: 'expiring@test.tribu', name: 'Eve', roles: { a: 'helper' } },
} as const satisfies Record<string, { email: string; name: string; roles: { a?: Role; b?: Role } }>;

async function addPeople(db: Db, sites: { siteA: string; siteB: string }): Promise<void> {
  const passwordHash = await hashPassword(PASSWORD);
  for (const p of Object.values(PEOPLE)) {
    const [u] = await db.insert(users).values({ email: p.email, displayName: p.name, passwordHash }).returning({ id: users.id });
    const roles: { a?: Role; b?: Role } = p.roles;
    if (roles.a) await db.insert(memberships).values({ userId: u!.id, siteId: sites.siteA, role: roles.a });
    if (roles.b) await db.insert(memberships).values({ userId: u!.id, siteId: sites.siteB, role: roles.b });
  }
}

describe.skipIf(!hasPostgres || !hasRedis)('rights and sessions revoked across two nodes', () => {
  const nodes = useTwoNodes(addPeople);

  /** A JSON call as `email` on a node, with their own CSRF token. */
  async function as(email: string, base: string, method: string, path: string, body?: unknown) {
    const { cookie, me } = await login(base, email);
    const res = await fetch(`${base}${path}`, {
      method,
      headers: { cookie, origin: new URL(base).origin, [CSRF_HEADER]: me.csrfToken, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
    return res.status === 204 ? undefined : ((await res.json()) as unknown);
  }

  async function userId(email: string): Promise<string> {
    const db = await createDb({ databaseUrl: nodes.databaseUrl });
    try {
      const [u] = await db.db.select({ id: users.id }).from(users).where(eq(users.email, email));
      return u!.id;
    } finally {
      await db.close();
    }
  }

  /** A visitor's chat on node A, taken by `holder` on node A, then opened by `reader` on node B. */
  async function chatReadBy(holderEmail: string, readerEmail: string) {
    const holder = await connectHelper(nodes.a.url, holderEmail);
    const visitor = await connectVisitor(nodes.a.url, { siteKey: 'shop-a', origin: ORIGIN_A });
    const { conversation } = await ok<{ conversation: Conversation }>(visitor.socket, 'conversation:start', {
      clientId: clientId(),
      text: 'My card was charged twice',
    });
    await ok(holder.socket, 'conversation:claim', { conversationId: conversation.id });
    const reader = await connectHelper(nodes.b.url, readerEmail);
    await ok(reader.socket, 'conversation:fetch', { conversationId: conversation.id });
    // The reader hears the chat live before losing the right to.
    const heard = next<{ text: string }>(reader.socket, 'message:created', (m) => m.text === 'still there?');
    await ok(visitor.socket, 'message:send', { conversationId: conversation.id, clientId: clientId(), text: 'still there?' });
    expect((await heard).text).toBe('still there?');
    return { holder, visitor: visitor.socket, reader, conversationId: conversation.id };
  }

  /** Everything `event` brings to the socket from now on. */
  function record(socket: HelperSocket, event: 'message:created' | 'typing:updated' | 'queue:added'): unknown[] {
    const got: unknown[] = [];
    socket.on(event, (v: unknown) => got.push(v));
    return got;
  }

  /**
   * The visitor writes and types; once the holder (on node A) has heard both, the reader's own
   * command answers — an ack its node sends after anything it relayed to the reader before.
   */
  async function afterChatActivity(c: { holder: { socket: HelperSocket }; visitor: VisitorSocket; conversationId: string }, reader: HelperSocket) {
    const message = next(c.holder.socket, 'message:created', (m: { text: string }) => m.text === 'card ending 4242');
    const typing = next(c.holder.socket, 'typing:updated', (t: { typing: boolean }) => t.typing);
    await ok(c.visitor, 'message:send', { conversationId: c.conversationId, clientId: clientId(), text: 'card ending 4242' });
    await ok(c.visitor, 'typing:set', { conversationId: c.conversationId, typing: true });
    await Promise.all([message, typing]);
    return send(reader, 'conversation:fetch', { conversationId: c.conversationId });
  }

  it('takes a manager demoted on node A out of the helper chat they had open on node B', async () => {
    const c = await chatReadBy(PEOPLE.holder1.email, PEOPLE.demoted.email);
    const messages = record(c.reader.socket, 'message:created');
    const typing = record(c.reader.socket, 'typing:updated');
    await as(USERS.adminA.email, nodes.a.url, 'PATCH', `/api/sites/${nodes.sites.siteA}/roles/${await userId(PEOPLE.demoted.email)}`, { role: 'helper' });

    const fetched = await afterChatActivity(c, c.reader.socket);
    expect(fetched).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(messages).toEqual([]);
    expect(typing).toEqual([]);
    expect(await send(c.reader.socket, 'message:sync', { conversationId: c.conversationId, afterSeq: 0 })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
  });

  it('takes a manager suspended on node A out of the helper chat they had open on node B', async () => {
    const c = await chatReadBy(PEOPLE.holder2.email, PEOPLE.suspended.email);
    const messages = record(c.reader.socket, 'message:created');
    const typing = record(c.reader.socket, 'typing:updated');
    await as(USERS.adminA.email, nodes.a.url, 'POST', `/api/sites/${nodes.sites.siteA}/team/${await userId(PEOPLE.suspended.email)}/suspend`, {
      reason: 'Cooling off',
    });

    const fetched = await afterChatActivity(c, c.reader.socket);
    expect(fetched).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(messages).toEqual([]);
    expect(typing).toEqual([]);
  });

  it('takes a manager removed from the site on node A out of the helper chat they had open on node B', async () => {
    const c = await chatReadBy(PEOPLE.holder3.email, PEOPLE.removed.email);
    const messages = record(c.reader.socket, 'message:created');
    const typing = record(c.reader.socket, 'typing:updated');
    await as(USERS.adminA.email, nodes.a.url, 'POST', `/api/sites/${nodes.sites.siteA}/team/${await userId(PEOPLE.removed.email)}/remove`, {
      confirm: true,
      reason: 'Left the shop',
    });

    const fetched = await afterChatActivity(c, c.reader.socket);
    expect(fetched).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(messages).toEqual([]);
    expect(typing).toEqual([]);
  });

  it('takes a manager who leaves the community on node A out of its chats on node B, and keeps their other community', async () => {
    const c = await chatReadBy(PEOPLE.holder4.email, PEOPLE.leaver.email);
    const messages = record(c.reader.socket, 'message:created');
    const typing = record(c.reader.socket, 'typing:updated');
    const left = await as(PEOPLE.leaver.email, nodes.a.url, 'POST', '/api/profile/leave', { siteId: nodes.sites.siteA, confirm: true });
    expect(left).toEqual({ accountDeleted: false });

    const fetched = await afterChatActivity(c, c.reader.socket);
    expect(fetched).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(messages).toEqual([]);
    expect(typing).toEqual([]);
    expect(await send(c.reader.socket, 'queue:list', { siteId: nodes.sites.siteB })).toEqual({ ok: true, data: { items: [] } });
  });

  it('stops the board reaching a helper suspended on node A, on their tab on node B', async () => {
    const benched = await connectHelper(nodes.b.url, PEOPLE.benched.email);
    const peer = await connectHelper(nodes.b.url, USERS.helperA2.email);
    const added = record(benched.socket, 'queue:added');
    await as(USERS.moderatorA.email, nodes.a.url, 'POST', `/api/sites/${nodes.sites.siteA}/team/${await userId(PEOPLE.benched.email)}/suspend`, {
      reason: 'Cooling off',
    });

    const visitor = await connectVisitor(nodes.a.url, { siteKey: 'shop-a', origin: ORIGIN_A });
    const seen = next<{ question: string }>(peer.socket, 'queue:added', (i) => i.question === 'Anyone there?');
    await ok(visitor.socket, 'conversation:start', { clientId: clientId(), text: 'Anyone there?' });
    await seen;
    // An ack from node B after the broadcast it relayed to the peer on the same node.
    expect(await send(benched.socket, 'queue:list', { siteId: nodes.sites.siteA })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(added).toEqual([]);
  });

  it('disconnects every socket of a session signed out on node A, on both nodes, and refuses it afterwards', async () => {
    const { cookie, me } = await login(nodes.a.url, PEOPLE.leaving.email);
    const other = await connectHelper(nodes.b.url, PEOPLE.leaving.email); // another sign-in of the same person
    const onB = await helperWith(nodes.b.url, cookie);
    const onA = await helperWith(nodes.a.url, cookie);
    const closed = Promise.all([onA, onB].map((s) => new Promise<string>((resolve) => s.once('disconnect', (reason) => resolve(reason)))));

    const res = await fetch(`${nodes.a.url}/api/auth/logout`, {
      method: 'POST',
      headers: { cookie, origin: new URL(nodes.a.url).origin, [CSRF_HEADER]: me.csrfToken },
    });
    expect(res.status).toBe(204);
    expect(await closed).toEqual(['io server disconnect', 'io server disconnect']);

    // The same cookie no longer opens a socket; the other sign-in still works.
    const again = io(`${nodes.b.url}/helper`, {
      transports: ['websocket'],
      extraHeaders: { cookie, origin: new URL(nodes.b.url).origin },
      auth: { protocolVersion: PROTOCOL_VERSION },
      reconnection: false,
      forceNew: true,
    });
    expect((await refusal(again)).data?.code).toBe('unauthorized');
    expect(other.socket.connected).toBe(true);
    expect(await send(other.socket, 'queue:list', { siteId: nodes.sites.siteA })).toMatchObject({ ok: true });
  });

  it('refuses every command on a socket whose session expired, disconnects it, and refuses its cookie', async () => {
    const { cookie } = await login(nodes.a.url, PEOPLE.expiring.email);
    const socket = await helperWith(nodes.b.url, cookie);
    expect(await send(socket, 'queue:list', { siteId: nodes.sites.siteA })).toMatchObject({ ok: true });
    const closed = new Promise<string>((resolve) => socket.once('disconnect', (reason) => resolve(reason)));

    const db = await createDb({ databaseUrl: nodes.databaseUrl });
    await db.db
      .update(sessions)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(sessions.id, sessionIdOf(cookie.split('=')[1]!)));
    await db.close();

    // Within the few seconds a node trusts what it read (or its expiry sweep closes the socket first),
    // commands stop working: the first refused one says why.
    const answers: string[] = [];
    await expect
      .poll(
        async () => {
          if (!socket.connected) return 'closed';
          const r = await send(socket, 'queue:list', { siteId: nodes.sites.siteA }).catch(() => ({ ok: false as const, error: { code: 'closed' } }));
          answers.push(r.ok ? 'ok' : r.error.code);
          return answers.at(-1);
        },
        { timeout: 12_000, interval: 250 },
      )
      .toMatch(/^(unauthorized|closed)$/);
    expect(answers.filter((a) => a !== 'ok' && a !== 'unauthorized' && a !== 'closed')).toEqual([]);
    expect(await closed).toBe('io server disconnect');

    const again = io(`${nodes.a.url}/helper`, {
      transports: ['websocket'],
      extraHeaders: { cookie, origin: new URL(nodes.a.url).origin },
      auth: { protocolVersion: PROTOCOL_VERSION },
      reconnection: false,
      forceNew: true,
    });
    expect((await refusal(again)).data?.code).toBe('unauthorized');
  });

  /** A helper socket opened with an existing sign-in (the cookie of a browser). */
  async function helperWith(base: string, cookie: string): Promise<HelperSocket> {
    const socket: HelperSocket = io(`${base}/helper`, {
      transports: ['websocket'],
      extraHeaders: { cookie, origin: new URL(base).origin },
      auth: { protocolVersion: PROTOCOL_VERSION },
      reconnection: false,
      forceNew: true,
    });
    opened.push(socket);
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', reject);
    });
    return socket;
  }
  const opened: Socket[] = [];
  afterAll(() => {
    for (const s of opened) s.disconnect();
  });
});

describe.skipIf(!hasPostgres)('rights and sessions revoked on one node', () => {
  const t = usePostgresServer();

  async function asModerator(method: string, path: string, body?: unknown) {
    const { cookie, me } = await login(t.server.url, USERS.moderatorA.email);
    const res = await fetch(`${t.server.url}${path}`, {
      method,
      headers: { cookie, origin: t.server.url, [CSRF_HEADER]: me.csrfToken, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
    return res.status === 204 ? undefined : ((await res.json()) as unknown);
  }

  it('keeps the board from a tab that reconnects after its helper was suspended meanwhile', async () => {
    const tab = await connectHelper(t.server.url, USERS.helperA2.email);
    const peer = await connectHelper(t.server.url, USERS.helperA1.email);
    // The tab has heard a broadcast, so a server keeping sessions would have one to resume from.
    const heard = next(tab.socket, 'presence:changed');
    await ok(peer.socket, 'presence:set', { status: 'away' });
    await heard;
    const gone = new Promise((resolve) => tab.socket.once('disconnect', resolve));
    tab.socket.io.engine.close();
    await gone;

    const team = (await asModerator('GET', `/api/sites/${t.server.sites.siteA}/team`)) as { members: { userId: string; displayName: string }[] };
    const ben = team.members.find((m) => m.displayName === USERS.helperA2.name)!;
    await asModerator('POST', `/api/sites/${t.server.sites.siteA}/team/${ben.userId}/suspend`, { reason: 'Cooling off' });
    const back = new Promise<void>((resolve, reject) => {
      tab.socket.once('connect', () => resolve());
      tab.socket.once('connect_error', reject);
    });
    tab.socket.connect();
    await back;
    // A new connection through the handshake, with the helper's rights as they are now.
    expect(tab.socket.recovered === true).toBe(false);
    const added: unknown[] = [];
    tab.socket.on('queue:added', (i: unknown) => added.push(i));

    const visitor = await connectVisitor(t.server.url, { siteKey: 'shop-a', origin: ORIGIN_A });
    const seen = next<{ question: string }>(peer.socket, 'queue:added', (i) => i.question === 'Anyone there?');
    await ok(visitor.socket, 'conversation:start', { clientId: clientId(), text: 'Anyone there?' });
    await seen;
    expect(await send(tab.socket, 'queue:list', { siteId: t.server.sites.siteA })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(added).toEqual([]);
  });

  it('closes the sockets of a session whose expiry passed at the next sweep, and leaves another session of the same person open', async () => {
    const expiring = await connectHelper(t.server.url, USERS.helperB1.email);
    const other = await connectHelper(t.server.url, USERS.helperB1.email);
    const closed = new Promise<string>((resolve) => expiring.socket.once('disconnect', (reason) => resolve(reason)));
    const db = await createDb({ databaseUrl: t.databaseUrl });
    await db.db
      .update(sessions)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(sessions.id, sessionIdOf(expiring.cookie.split('=')[1]!)));
    await db.close();

    await t.server.sweep();
    expect(await closed).toBe('io server disconnect');
    expect(other.socket.connected).toBe(true);
    expect(await send(other.socket, 'queue:list', { siteId: t.server.sites.siteB })).toEqual({ ok: true, data: { items: [] } });
  });
});
