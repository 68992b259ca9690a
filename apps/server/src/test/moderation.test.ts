import { afterAll, describe, expect, it } from 'vitest';
import {
  PROTOCOL_VERSION,
  type AuditPage,
  type BanView,
  type Conversation,
  type FeedPost,
  type Message,
  type QueueItem,
  type ReportList,
  type TeamMember,
} from '@tribu/protocol';
import { io } from 'socket.io-client';
import { clientId, connected, connectHelper, login, mintVisitor, next, ok, refusal, send, signedInCaller, type VisitorSocket } from './support/clients.ts';
import { ORIGIN_A, USERS } from './support/fixtures.ts';
import { hasPostgres } from './support/services.ts';
import { usePostgresServer } from './support/app.ts';

type Who = keyof typeof USERS;

describe.skipIf(!hasPostgres)('moderation', () => {
  // Behind a trusted proxy, each test visitor names its own address in X-Forwarded-For.
  const t = usePostgresServer({ env: () => ({ TRUST_PROXY: 'true' }) });
  const helpers = new Map<string, ReturnType<typeof connectHelper>>();
  const helper = (who: Who) => {
    if (!helpers.has(who)) helpers.set(who, connectHelper(t.server.url, USERS[who].email));
    return helpers.get(who)!;
  };

  /** A signed-in person's JSON call (cookie, CSRF token, same origin). */
  const call = signedInCaller(() => t.server.url);
  const okCall = async <T = unknown>(who: Who, method: string, path: string, body?: unknown): Promise<T> => {
    const r = await call<T>(who, method, path, body);
    if (r.status !== 200) throw new Error(`${method} ${path}: ${r.status} ${r.text}`);
    return r.data;
  };

  const raw: VisitorSocket[] = [];
  afterAll(() => {
    for (const socket of raw) socket.disconnect();
  });
  /** A visitor socket of shop-a coming from `address` (not yet connected). */
  function rawVisitor(address: string, identity: { visitorId: string; token: string }): VisitorSocket {
    const socket: VisitorSocket = io(`${t.server.url}/visitor`, {
      transports: ['websocket'],
      extraHeaders: { origin: ORIGIN_A, 'x-forwarded-for': address },
      auth: { protocolVersion: PROTOCOL_VERSION, siteKey: 'shop-a', ...identity },
      reconnection: false,
      forceNew: true,
    });
    raw.push(socket);
    return socket;
  }
  /** A connected visitor of shop-a from `address`, with a fresh identity unless one is given. */
  async function visitorFrom(address: string, identity?: { visitorId: string; token: string }) {
    const id = identity ?? (await mintVisitor(t.server.url, 'shop-a', ORIGIN_A));
    const socket = rawVisitor(address, id);
    await connected(socket);
    return { socket, identity: id };
  }
  async function chat(address: string, question: string, taker: Who = 'helperA1') {
    const { socket, identity } = await visitorFrom(address);
    const started = await ok<{ conversation: Conversation; message: Message }>(socket, 'conversation:start', { clientId: clientId(), text: question });
    const h = await helper(taker);
    await ok(h.socket, 'conversation:claim', { conversationId: started.conversation.id });
    return { socket, identity, conversation: started.conversation, first: started.message };
  }
  const site = () => t.server.sites.siteA;

  it.each([
    ['GET', 'reports'],
    ['GET', 'reports/count'],
    ['GET', 'bans'],
    ['GET', 'blocked-words'],
    ['GET', 'team'],
  ])('%s %s: a helper is refused (403), another site answers 404, managers and admins read it', async (method, path) => {
    expect((await call('helperA1', method, `/api/sites/${site()}/${path}`)).status).toBe(403);
    expect((await call('helperB1', method, `/api/sites/${site()}/${path}`)).status).toBe(404);
    expect((await call('adminA', method, `/api/sites/${t.server.sites.siteB}/${path}`)).status).toBe(404);
    expect((await call('moderatorA', method, `/api/sites/${site()}/${path}`)).status).toBe(200);
    expect((await call('adminA', method, `/api/sites/${site()}/${path}`)).status).toBe(200);
  });

  it.each(['audit', 'audit.csv'])('GET %s: admins only (moderator and helper 403, other site 404)', async (path) => {
    expect((await call('helperA1', 'GET', `/api/sites/${site()}/${path}`)).status).toBe(403);
    expect((await call('moderatorA', 'GET', `/api/sites/${site()}/${path}`)).status).toBe(403);
    expect((await call('helperB1', 'GET', `/api/sites/${site()}/${path}`)).status).toBe(404);
    expect((await call('adminA', 'GET', `/api/sites/${site()}/${path}`)).status).toBe(200);
  });

  it('refuses every write to helpers (403) and to other sites (404)', async () => {
    const fake = '00000000-0000-4000-8000-000000000000';
    const writes: [string, string, unknown][] = [
      ['POST', `reports/${fake}/decide`, { status: 'dismissed' }],
      ['POST', `reports/${fake}/feed`, { action: 'hide', reason: 'x' }],
      ['POST', `conversations/${fake}/end`, undefined],
      ['POST', 'bans', { conversationId: fake, duration: '1d', reason: 'x', blockAddress: false }],
      ['POST', `bans/${fake}/lift`, undefined],
      ['PUT', 'blocked-words', { words: ['x'] }],
      ['POST', `team/${fake}/suspend`, { reason: 'x' }],
      ['POST', `team/${fake}/reinstate`, undefined],
      ['POST', `team/${fake}/remove`, { confirm: true, reason: 'x' }],
    ];
    for (const [method, path, body] of writes) {
      expect((await call('helperA1', method, `/api/sites/${site()}/${path}`, body)).status, path).toBe(403);
      expect((await call('helperB1', method, `/api/sites/${site()}/${path}`, body)).status, path).toBe(404);
    }
  });

  it('puts a reported message in the queue live, with the chat around it, the question and who reported it', async () => {
    const mo = await helper('moderatorA');
    const { socket, conversation } = await chat('198.51.100.10', 'Do you ship to Canada?');
    await ok(socket, 'message:send', { conversationId: conversation.id, clientId: clientId(), text: 'Answer faster or else' });
    const { message: rude } = await ok<{ message: Message }>(socket, 'message:send', {
      conversationId: conversation.id,
      clientId: clientId(),
      text: 'You are all useless',
    });
    // Only someone who can read the chat may report in it; a helper's own words are not reportable.
    expect((await call('helperA2', 'POST', '/api/reports', { kind: 'message', targetId: rude.id, reason: 'Rude' })).status).toBe(404);
    const told = next<{ siteId: string; open: number }>(mo.socket, 'report:changed');
    await okCall('helperA1', 'POST', '/api/reports', { kind: 'message', targetId: rude.id, reason: 'Insults the community' });
    // The first report of this file: one open in the queue.
    expect((await told).open).toBe(1);
    // Reporting twice files one report.
    await okCall('helperA1', 'POST', '/api/reports', { kind: 'message', targetId: rude.id, reason: 'Again' });

    const list = await okCall<ReportList>('moderatorA', 'GET', `/api/sites/${site()}/reports`);
    const mine = list.open.filter((r) => r.targetId === rude.id);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ reason: 'Insults the community', reporterName: 'Ada', status: 'open' });
    expect(mine[0]!.context).toMatchObject({ kind: 'message', question: 'Do you ship to Canada?', helperName: 'Ada', status: 'active', visitorBanned: false });
    const ctx = mine[0]!.context as Extract<ReportList['open'][number]['context'], { kind: 'message' }>;
    expect(ctx.messages.map((m) => [m.text, m.reported])).toEqual([
      ['Do you ship to Canada?', false],
      ['Answer faster or else', false],
      ['You are all useless', true],
    ]);

    // A manager who reads the chat may report it too; one decision settles every report of the message.
    await okCall('moderatorA', 'POST', '/api/reports', { kind: 'message', targetId: rude.id, reason: 'Threatening' });
    await okCall('moderatorA', 'POST', `/api/sites/${site()}/reports/${mine[0]!.id}/decide`, { status: 'dismissed' });
    const after = await okCall<ReportList>('moderatorA', 'GET', `/api/sites/${site()}/reports`);
    expect(after.open.filter((r) => r.targetId === rude.id)).toEqual([]);
    expect(
      after.closed
        .filter((r) => r.targetId === rude.id)
        .map((r) => [r.reason, r.status, r.resolvedByName])
        .sort(),
    ).toEqual([
      ['Insults the community', 'dismissed', 'Mo'],
      ['Threatening', 'dismissed', 'Mo'],
    ]);
    expect((await call('moderatorA', 'POST', `/api/sites/${site()}/reports/${mine[0]!.id}/decide`, { status: 'resolved' })).status).toBe(409);
  });

  it('bans a visitor: their chat ends, their widget is told and disconnected, and they can neither reconnect nor start; lifting restores them', async () => {
    const { socket, identity, conversation } = await chat('198.51.100.20', 'Hello?');
    const { message } = await ok<{ message: Message }>(socket, 'message:send', {
      conversationId: conversation.id,
      clientId: clientId(),
      text: 'spam spam spam',
    });
    await okCall('helperA1', 'POST', '/api/reports', { kind: 'message', targetId: message.id, reason: 'Spam' });
    const banned = next<{ message: string }>(socket, 'visitor:banned');
    const ended = next<Conversation>(socket, 'conversation:updated', (c) => c.status === 'closed');
    const gone = new Promise<string>((resolve) => socket.once('disconnect', (reason) => resolve(reason)));
    const { ban } = await okCall<{ ban: BanView }>('moderatorA', 'POST', `/api/sites/${site()}/bans`, {
      conversationId: conversation.id,
      duration: '7d',
      reason: 'Spam',
      blockAddress: false,
    });
    expect(ban).toMatchObject({ active: true, byAddress: false, visitorId: identity.visitorId });
    expect(new Date(ban.until!).getTime() - Date.now()).toBeGreaterThan(6.9 * 24 * 3600_000);
    expect((await banned).message).toBe("Chat isn't available for you right now.");
    await ended;
    expect(await gone).toBe('io server disconnect');
    // The ban settled the chat's reports.
    const list = await okCall<ReportList>('moderatorA', 'GET', `/api/sites/${site()}/reports`);
    expect(list.open.some((r) => r.targetId === message.id)).toBe(false);

    const err = await refusal(rawVisitor('198.51.100.20', identity));
    expect(err.data?.code).toBe('banned');
    // Not by address: someone else on the same network still chats.
    const neighbour = await visitorFrom('198.51.100.20');
    neighbour.socket.disconnect();

    await okCall('moderatorA', 'POST', `/api/sites/${site()}/bans/${ban.id}/lift`);
    const { socket: back } = await visitorFrom('198.51.100.20', identity);
    await ok(back, 'conversation:start', { clientId: clientId(), text: 'Sorry about that' });
    back.disconnect();
    expect((await call('moderatorA', 'POST', `/api/sites/${site()}/bans/${ban.id}/lift`)).status).toBe(409);
  });

  it('bans by network address too: a new identity from that address is refused at the handshake and at a start', async () => {
    const address = '203.0.113.7';
    const identity = await mintVisitor(t.server.url, 'shop-a', ORIGIN_A);
    // Connected before the ban, from the same address, with another identity.
    const { socket: sibling } = await visitorFrom(address, identity);
    const { conversation } = await chat(address, 'Cheap watches here');
    await okCall('moderatorA', 'POST', `/api/sites/${site()}/bans`, {
      conversationId: conversation.id,
      duration: 'forever',
      reason: 'Scam links',
      blockAddress: true,
    });
    const refused = await send(sibling, 'conversation:start', { clientId: clientId(), text: 'me again' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'banned' } });
    const fresh = await mintVisitor(t.server.url, 'shop-a', ORIGIN_A);
    expect((await refusal(rawVisitor(address, fresh))).data?.code).toBe('banned');
    const elsewhere = await visitorFrom('203.0.113.8');
    elsewhere.socket.disconnect();
    sibling.disconnect();
    const bans = await okCall<{ bans: BanView[] }>('moderatorA', 'GET', `/api/sites/${site()}/bans`);
    expect(bans.bans[0]).toMatchObject({ byAddress: true, until: null, reason: 'Scam links', createdByName: 'Mo', active: true });
  });

  it('flags blocked words: helpers read them masked, the visitor reads their own words, and the queue gets them', async () => {
    const ada = await helper('helperA1');
    expect(await okCall('moderatorA', 'PUT', `/api/sites/${site()}/blocked-words`, { words: ['idiot', ' Crétin ', 'idiot'] })).toEqual({
      words: ['idiot', 'Crétin'],
    });
    // The question itself: masked on the board.
    const { socket } = await visitorFrom('198.51.100.30');
    const onBoard = next<QueueItem>(ada.socket, 'queue:added');
    const started = await ok<{ conversation: Conversation; message: Message }>(socket, 'conversation:start', {
      clientId: clientId(),
      text: 'Is this cretin jacket warm?',
    });
    expect(started.message.text).toBe('Is this cretin jacket warm?');
    expect((await onBoard).question).toBe('Is this c***** jacket warm?');
    const claimed = await ok<{ conversation: Conversation; messages: Message[] }>(ada.socket, 'conversation:claim', {
      conversationId: started.conversation.id,
    });
    expect(claimed.conversation.question).toBe('Is this c***** jacket warm?');
    expect(claimed.messages[0]).toMatchObject({ text: 'Is this c***** jacket warm?', flagged: true });

    const relayed = next<Message>(ada.socket, 'message:created', (m) => m.author === 'visitor');
    const sent = await ok<{ message: Message }>(socket, 'message:send', {
      conversationId: started.conversation.id,
      clientId: clientId(),
      text: 'You IDIOTS never answer',
    });
    expect(sent.message.text).toBe('You IDIOTS never answer');
    expect(sent.message.flagged).toBeUndefined();
    expect(await relayed).toMatchObject({ text: 'You I***** never answer', flagged: true });
    const synced = await ok<{ messages: Message[] }>(socket, 'message:sync', { conversationId: started.conversation.id, afterSeq: 0 });
    expect(synced.messages.map((m) => m.text)).toContain('You IDIOTS never answer');
    expect(synced.messages.some((m) => m.flagged)).toBe(false);
    const adaSync = await ok<{ messages: Message[] }>(ada.socket, 'message:sync', { conversationId: started.conversation.id, afterSeq: 1 });
    expect(adaSync.messages[0]!.text).toBe('You I***** never answer');

    await expect
      .poll(async () => {
        const list = await okCall<ReportList>('moderatorA', 'GET', `/api/sites/${site()}/reports`);
        return list.open
          .filter((r) => r.context?.kind === 'message' && r.context.conversationId === started.conversation.id)
          .map((r) => [r.reason, r.reporterName]);
      })
      .toEqual([
        ['Blocked word: Crétin', null],
        ['Blocked word: idiot', null],
      ]);

    // The same visitor comes back: their earlier chat's question is read masked in the new chat's details.
    await ok(socket, 'conversation:end', { conversationId: started.conversation.id });
    const again = await ok<{ conversation: Conversation }>(socket, 'conversation:start', { clientId: clientId(), text: 'Back about the jacket' });
    await ok(ada.socket, 'conversation:claim', { conversationId: again.conversation.id });
    const details = await ok<{ earlier: Conversation[] }>(ada.socket, 'conversation:details', { conversationId: again.conversation.id });
    expect(details.earlier.map((x) => x.question)).toEqual(['Is this c***** jacket warm?']);
    socket.disconnect();
    await okCall('moderatorA', 'PUT', `/api/sites/${site()}/blocked-words`, { words: [] });
  });

  it('hides a reported feed post from the queue (the feed moderation, audited)', async () => {
    const ada = await helper('helperA1');
    const { post } = await ok<{ post: FeedPost }>(ada.socket, 'feed:post', { siteId: site(), clientId: clientId(), text: 'Buy followers at my shop' });
    const { report } = await okCall<{ report: { id: string } }>('helperA2', 'POST', '/api/reports', { kind: 'post', targetId: post.id, reason: 'Advertising' });
    const list = await okCall<ReportList>('moderatorA', 'GET', `/api/sites/${site()}/reports`);
    expect(list.open.find((r) => r.id === report.id)!.context).toMatchObject({
      kind: 'post',
      text: 'Buy followers at my shop',
      authorName: 'Ada',
      moderation: null,
    });
    await okCall('moderatorA', 'POST', `/api/sites/${site()}/reports/${report.id}/feed`, { action: 'hide', reason: 'No advertising' });
    const after = await okCall<ReportList>('moderatorA', 'GET', `/api/sites/${site()}/reports`);
    expect(after.closed.find((r) => r.id === report.id)).toMatchObject({ status: 'resolved' });
    expect(after.closed.find((r) => r.id === report.id)!.context).toMatchObject({ moderation: 'hidden' });
  });

  it('suspends a helper: their chat goes back to the board, their tabs lose the site at once, and they are told why; reinstating restores them', async () => {
    const ben = await helper('helperA2');
    const { socket } = await chat('198.51.100.40', 'Which size for me?', 'helperA2');
    const team = await okCall<{ members: TeamMember[] }>('moderatorA', 'GET', `/api/sites/${site()}/team`);
    const benRow = team.members.find((m) => m.displayName === 'Ben')!;
    expect(benRow).toMatchObject({ role: 'helper', status: 'active', actionable: true });
    expect(team.members.find((m) => m.displayName === 'Al')).toMatchObject({ role: 'admin', actionable: false });
    expect(team.members.find((m) => m.displayName === 'Mo')).toMatchObject({ actionable: false });

    const waiting = next<Conversation>(socket, 'conversation:updated', (c) => c.status === 'waiting');
    const told = next<{ siteName: string; reason: string }>(ben.socket, 'membership:suspended');
    await okCall('moderatorA', 'POST', `/api/sites/${site()}/team/${benRow.userId}/suspend`, { reason: 'Rude to visitors' });
    expect(await told).toMatchObject({ siteName: 'Shop A', reason: 'Rude to visitors' });
    expect((await waiting).helper).toBeNull();
    expect(await send(ben.socket, 'queue:list', { siteId: site() })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    const me = await login(t.server.url, USERS.helperA2.email);
    expect(me.me.memberships).toEqual([]);
    expect(me.me.suspended).toEqual([{ siteName: 'Shop A', reason: 'Rude to visitors' }]);
    const { notifications } = await ok<{ notifications: { text: string; kind: string }[] }>(ben.socket, 'notification:list', {});
    expect(notifications[0]).toMatchObject({ kind: 'moderation', text: 'Your membership of Shop A is suspended: Rude to visitors' });

    const back = next<{ siteId: string }>(ben.socket, 'membership:reinstated');
    await okCall('moderatorA', 'POST', `/api/sites/${site()}/team/${benRow.userId}/reinstate`);
    expect((await back).siteId).toBe(site());
    // The same open tab acts for the site again, without a reload.
    expect(await send(ben.socket, 'queue:list', { siteId: site() })).toMatchObject({ ok: true });
    expect((await login(t.server.url, USERS.helperA2.email)).me.memberships.map((m) => m.role)).toEqual(['helper']);
    socket.disconnect();
  });

  it('lets a manager act only on lower roles, never on themselves', async () => {
    const team = await okCall<{ members: TeamMember[] }>('adminA', 'GET', `/api/sites/${site()}/team`);
    const id = (name: string) => team.members.find((m) => m.displayName === name)!.userId;
    expect((await call('moderatorA', 'POST', `/api/sites/${site()}/team/${id('Al')}/suspend`, { reason: 'x' })).status).toBe(403);
    expect((await call('moderatorA', 'POST', `/api/sites/${site()}/team/${id('Mo')}/suspend`, { reason: 'x' })).status).toBe(403);
    expect((await call('adminA', 'POST', `/api/sites/${site()}/team/${id('Al')}/suspend`, { reason: 'x' })).status).toBe(403);
    expect(team.members.find((m) => m.displayName === 'Mo')).toMatchObject({ actionable: true });
    await okCall('adminA', 'POST', `/api/sites/${site()}/team/${id('Mo')}/suspend`, { reason: 'Holiday' });
    await okCall('adminA', 'POST', `/api/sites/${site()}/team/${id('Mo')}/reinstate`);
  });

  it('writes every action to the audit log, newest first, filterable, and exports it safe from formulas', async () => {
    const team = await okCall<{ members: TeamMember[] }>('adminA', 'GET', `/api/sites/${site()}/team`);
    const ben = team.members.find((m) => m.displayName === 'Ben')!;
    await okCall('adminA', 'POST', `/api/sites/${site()}/team/${ben.userId}/remove`, { confirm: true, reason: '=HYPERLINK("http://evil")' });
    expect((await okCall<{ members: TeamMember[] }>('adminA', 'GET', `/api/sites/${site()}/team`)).members.some((m) => m.displayName === 'Ben')).toBe(false);

    // Mo's open socket lost the role when Al suspended Mo above; Al adjusts.
    const al = await helper('adminA');
    const ada = team.members.find((m) => m.displayName === 'Ada')!;
    await ok(al.socket, 'points:adjust', { siteId: site(), userId: ada.userId, points: 5, note: 'Great answer', clientId: clientId() });

    const page = await okCall<AuditPage>('adminA', 'GET', `/api/sites/${site()}/audit`);
    expect(page.entries[0]).toMatchObject({ actorName: 'Al', action: 'points.adjusted', targetLabel: 'Ada', reason: 'Great answer', details: { points: 5 } });
    expect(page.entries[1]).toMatchObject({ actorName: 'Al', action: 'member.removed', targetLabel: 'Ben', reason: '=HYPERLINK("http://evil")' });
    for (const action of [
      'points.adjusted',
      'report.dismissed',
      'report.resolved',
      'visitor.banned',
      'ban.lifted',
      'blocked_words.changed',
      'member.suspended',
      'member.reinstated',
      'member.removed',
      'feed.hidden',
    ]) {
      expect(page.actions, action).toContain(action);
    }
    const bans = await okCall<AuditPage>('adminA', 'GET', `/api/sites/${site()}/audit?action=visitor.banned`);
    expect(bans.entries.map((e) => e.action)).toEqual(['visitor.banned', 'visitor.banned']);
    expect(bans.entries.map((e) => e.reason)).toEqual(['Scam links', 'Spam']);

    const csv = await call('adminA', 'GET', `/api/sites/${site()}/audit.csv`);
    expect(csv.status).toBe(200);
    expect(csv.text.split('\r\n')[0]).toBe('"date","who","action","target kind","target","reason","details"');
    expect(csv.text).toContain(`"'=HYPERLINK(""http://evil"")"`);
    expect(csv.text).not.toMatch(/(^|[,;"])=HYPERLINK/m);
  });

  it('ends a reported chat for the manager (the visitor sees it closed)', async () => {
    const { socket, conversation } = await chat('198.51.100.50', 'Still there?', 'adminA');
    const closed = next<Conversation>(socket, 'conversation:updated', (c) => c.status === 'closed');
    await okCall('moderatorA', 'POST', `/api/sites/${site()}/conversations/${conversation.id}/end`);
    await closed;
    expect((await call('moderatorA', 'POST', `/api/sites/${t.server.sites.siteB}/conversations/${conversation.id}/end`)).status).toBe(404);
    socket.disconnect();
  });
});
