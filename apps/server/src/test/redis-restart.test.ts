import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import type { Conversation, Message, QueueItem } from '@tribu/protocol';
import { clientId, connectHelper, connectVisitor, ok, type HelperSocket, type VisitorSocket } from './support/clients.ts';
import { storedOnceInOrder } from './support/delivery.ts';
import { ORIGIN_A, USERS } from './support/fixtures.ts';
import { hasOwnRedis, startOwnRedis, until, type OwnRedis } from './support/own-services.ts';
import { hasPostgres } from './support/services.ts';
import { useTwoNodes } from './support/two-nodes.ts';

type Readiness = { status: number; checks: Record<string, string> };
const readiness = (url: string): Promise<Readiness> =>
  fetch(`${url}/readyz`).then(async (r) => ({ status: r.status, checks: ((await r.json()) as { checks: Record<string, string> }).checks }));

/**
 * What a helper's desk holds of one chat, kept as the backoffice keeps it: live `message:created`
 * merged by seq, and a seq gap in a live message (broadcasts lost while the nodes could not talk)
 * fetched from Postgres with `message:sync` after the last seq held.
 */
async function deskOf(helper: HelperSocket, conversationId: string) {
  const held = new Map<number, Message>();
  // What the desk loads when it opens the chat.
  const { messages: initial } = await ok<{ messages: Message[] }>(helper, 'message:sync', { conversationId, afterSeq: 0 });
  for (const m of initial) held.set(m.seq, m);
  const syncs: number[] = [];
  let filling: Promise<void> = Promise.resolve();
  const last = () => Math.max(0, ...held.keys());
  const fill = (after: number) =>
    (filling = filling.then(async () => {
      syncs.push(after);
      const { messages } = await ok<{ messages: Message[] }>(helper, 'message:sync', { conversationId, afterSeq: after });
      for (const m of messages) held.set(m.seq, m);
    }));
  helper.on('message:created', (m: Message) => {
    if (m.conversationId !== conversationId) return;
    const after = last();
    held.set(m.seq, m);
    if (m.seq > after + 1) void fill(after);
  });
  return { held, syncs, settled: () => filling };
}

// On both Redis adapters: the sharded one (SSUBSCRIBE) must come back after a restart as the classic one does.
describe.skipIf(!hasPostgres || !hasOwnRedis).each(['classic', 'sharded'])('Redis restarted under two nodes with a live chat (%s adapter)', (adapter) => {
  let redis: OwnRedis | undefined;
  // Filled before the nodes start (hooks run in order): the nodes use this test's own Redis.
  const env: Record<string, string> = { RATE_LIMIT_FACTOR: '20', REDIS_ADAPTER: adapter };
  beforeAll(async () => {
    redis = await startOwnRedis();
    env.REDIS_URL = redis.url;
  });
  afterAll(async () => {
    await redis?.close();
  });
  const nodes = useTwoNodes(undefined, env);

  it('keeps acknowledging sends from Postgres while Redis is down, reports it on /readyz, and the helper gets every missed message once after the restart', async () => {
    const pids = [nodes.a.child.pid, nodes.b.child.pid];
    // The visitor is on node A, the helper on node B: everything between them crosses Redis.
    const helper = await connectHelper(nodes.b.url, USERS.helperA1.email);
    const { visitor, conversation } = await takenChatAcross(nodes.a.url, helper.socket);
    const desk = await deskOf(helper.socket, conversation.id);
    const say = (text: string) => ok<{ message: Message }>(visitor, 'message:send', { conversationId: conversation.id, clientId: clientId(), text });

    // Live across nodes before the fault.
    const before = await say('before the outage');
    await until('the helper on B sees the message from A', () => desk.held.has(before.message.seq));

    await redis!.kill('SIGKILL');
    const outage: Message[] = [];
    const downSince = Date.now();
    let readyzDown = false;
    // The visitor keeps writing for ~4.5 s; every send is acknowledged (Postgres is the source of truth).
    for (let i = 0; Date.now() - downSince < 4500 || !readyzDown; i++) {
      outage.push((await say(`during the outage ${i}`)).message);
      if (!readyzDown) {
        const [ra, rb] = await Promise.all([readiness(nodes.a.url), readiness(nodes.b.url)]);
        readyzDown = [ra, rb].every((r) => r.status === 503 && r.checks.redis === 'down' && r.checks.database === 'ok');
      }
      await new Promise((r) => setTimeout(r, 150));
      if (Date.now() - downSince > 30_000) throw new Error('/readyz never reported Redis down on both nodes');
    }
    expect(readyzDown).toBe(true);
    expect(outage.length).toBeGreaterThan(3);
    // Neither node went down with Redis.
    expect([nodes.a.child.exitCode, nodes.b.child.exitCode]).toEqual([null, null]);

    await redis!.start();
    await until('both nodes ready again', async () => {
      const rs = await Promise.all([readiness(nodes.a.url), readiness(nodes.b.url)]);
      return rs.every((r) => r.status === 200 && r.checks.redis === 'ok');
    });

    // Cross-node delivery resumes: a new message from A reaches B live (the adapter resubscribes
    // on its own; each try is a new message, so the wait has a generous deadline, not a timing).
    let resumed: Message | undefined;
    await until(
      'a message from A reaches B live after the restart',
      async () => {
        if (resumed && desk.held.get(resumed.seq)?.id === resumed.id && desk.syncs.length > 0) return true;
        resumed = (await say('after the restart')).message;
        await new Promise((r) => setTimeout(r, 500));
        return desk.held.get(resumed.seq)?.id === resumed.id && desk.syncs.length > 0;
      },
      30_000,
    );
    await desk.settled();

    // The helper holds the whole chat as Postgres has it: every outage message once, in seq order.
    const db = new pg.Client({ connectionString: nodes.databaseUrl });
    await db.connect();
    try {
      const { rows } = await db.query<{ id: string; seq: number }>('select id, seq from messages where conversation_id = $1 order by seq', [conversation.id]);
      expect(rows.map((r) => r.seq)).toEqual(rows.map((_, i) => i + 1));
      const heldSeqs = [...desk.held.keys()].sort((x, y) => x - y);
      expect(heldSeqs).toEqual(rows.map((r) => r.seq));
      for (const r of rows) expect(desk.held.get(r.seq)?.id).toBe(r.id);
      for (const m of outage) {
        expect(rows.filter((r) => r.id === m.id)).toHaveLength(1);
        expect(desk.held.get(m.seq)?.text).toBe(m.text);
      }
    } finally {
      await db.end();
    }
    // The gap was filled from Postgres, from the last seq seen before the outage.
    expect(desk.syncs[0]).toBe(before.message.seq);

    // Both processes stayed up the whole time.
    expect([nodes.a.child.exitCode, nodes.b.child.exitCode]).toEqual([null, null]);
    expect([nodes.a.child.pid, nodes.b.child.pid]).toEqual(pids);
  }, 60_000);

  it('tells every connected client to resync when Redis is back, so chats that went quiet and the board are complete without any later message', async () => {
    const helper = await connectHelper(nodes.b.url, USERS.helperA2.email);
    // Two chats between visitors on A and the helper on B: in one the visitor writes during the outage,
    // in the other the helper does (each side would otherwise notice a gap in its own next message).
    const quiet = await takenChatAcross(nodes.a.url, helper.socket);
    const answered = await takenChatAcross(nodes.a.url, helper.socket);
    const siteId = quiet.conversation.siteId;
    // Each side keeps what it holds as its app does, and on `sync:needed` does what it does after a reconnect.
    const desk = resyncingDesk(helper.socket, quiet.conversation.id, siteId);
    const widget = resyncingWidget(answered.visitor, answered.conversation.id);
    await Promise.all([desk.ready, widget.ready]);
    const say = (s: HelperSocket | VisitorSocket, conversationId: string, text: string) =>
      ok<{ message: Message }>(s, 'message:send', { conversationId, clientId: clientId(), text });

    await redis!.kill('SIGKILL');
    await until('both nodes see Redis down', async () => {
      const rs = await Promise.all([readiness(nodes.a.url), readiness(nodes.b.url)]);
      return rs.every((r) => r.status === 503 && r.checks.redis === 'down');
    });
    // All acknowledged from Postgres; none of it crosses to the other node.
    const written: Message[] = [];
    const replies: Message[] = [];
    for (let i = 0; i < 4; i++) written.push((await say(quiet.visitor, quiet.conversation.id, `said while Redis is down ${i}`)).message);
    for (let i = 0; i < 2; i++) replies.push((await say(helper.socket, answered.conversation.id, `answered while Redis is down ${i}`)).message);
    const newcomer = await connectVisitor(nodes.a.url, { siteKey: 'shop-a', origin: ORIGIN_A });
    const { conversation: asked } = await ok<{ conversation: Conversation }>(newcomer.socket, 'conversation:start', {
      clientId: clientId(),
      text: 'Anyone there while the servers cannot talk?',
    });
    expect(written.some((m) => desk.held.has(m.seq))).toBe(false);
    expect(replies.some((m) => widget.held.has(m.seq))).toBe(false);
    expect(desk.board.has(asked.id)).toBe(false);

    // Nothing is sent from here on: only Redis coming back may complete the desk and the widget.
    const told = { desk: desk.resyncs, widget: widget.resyncs };
    await redis!.start();
    await until('the helper on B is told to resync and has done it', () => desk.resyncs > told.desk && desk.idle(), 30_000);
    await until('the visitor on A is told to resync and has done it', () => widget.resyncs > told.widget && widget.idle(), 30_000);

    // Each chat as Postgres has it (each message stored once, seqs without a gap), the outage's messages
    // included, held in seq order, each at its own seq.
    for (const [side, conversationId] of [
      [desk, quiet.conversation.id],
      [widget, answered.conversation.id],
    ] as const) {
      const stored = [...(await storedOnceInOrder(nodes.databaseUrl, conversationId))];
      expect(side.order()).toEqual(stored.map(([, seq]) => seq));
      for (const [cid, seq] of stored) expect(side.held.get(seq)?.clientId).toBe(cid);
    }
    for (const m of written) expect(desk.held.get(m.seq)?.text).toBe(m.text);
    for (const m of replies) expect(widget.held.get(m.seq)?.text).toBe(m.text);
    // The request asked during the outage is on B's board.
    expect(desk.board.has(asked.id)).toBe(true);
  }, 60_000);
});

/**
 * A helper's desk as the backoffice keeps it: the board (`queue:list`, then `queue:added`/`queue:removed`)
 * and one chat (`message:sync`, then live messages); on `sync:needed`, the connect handler's resync
 * (board listed again, chat synced after the last seq held). No gap filling: nothing live comes.
 */
function resyncingDesk(helper: HelperSocket, conversationId: string, siteId: string) {
  const held = new Map<number, Message>();
  const board = new Set<string>();
  let pending = 0;
  let resyncs = 0;
  const last = () => Math.max(0, ...held.keys());
  // Merged by seq, as the apps merge.
  const keep = (messages: Message[]) => messages.forEach((m) => held.set(m.seq, m));
  const sync = async () => {
    pending++;
    try {
      const [{ items }, { messages }] = await Promise.all([
        ok<{ items: QueueItem[] }>(helper, 'queue:list', { siteId }),
        ok<{ messages: Message[] }>(helper, 'message:sync', { conversationId, afterSeq: last() }),
      ]);
      board.clear();
      for (const i of items) board.add(i.conversationId);
      keep(messages);
    } finally {
      pending--;
    }
  };
  helper.on('queue:added', (i: QueueItem) => board.add(i.conversationId));
  helper.on('queue:removed', (p: { conversationId: string }) => board.delete(p.conversationId));
  helper.on('message:created', (m: Message) => m.conversationId === conversationId && keep([m]));
  helper.on('sync:needed', () => void sync().then(() => resyncs++));
  return {
    held,
    board,
    ready: sync(),
    get resyncs() {
      return resyncs;
    },
    idle: () => pending === 0,
    order: () => [...held.keys()].sort((x, y) => x - y),
  };
}

/** The visitor's widget: its chat from `message:sync`, then live; on `sync:needed`, catch-up after the last seq. */
function resyncingWidget(visitor: VisitorSocket, conversationId: string) {
  const held = new Map<number, Message>();
  let pending = 0;
  let resyncs = 0;
  // Merged by seq, as the apps merge.
  const keep = (messages: Message[]) => messages.forEach((m) => held.set(m.seq, m));
  const sync = async () => {
    pending++;
    try {
      const after = Math.max(0, ...held.keys());
      keep((await ok<{ messages: Message[] }>(visitor, 'message:sync', { conversationId, afterSeq: after })).messages);
    } finally {
      pending--;
    }
  };
  visitor.on('message:created', (m: Message) => m.conversationId === conversationId && keep([m]));
  visitor.on('sync:needed', () => void sync().then(() => resyncs++));
  return {
    held,
    ready: sync(),
    get resyncs() {
      return resyncs;
    },
    idle: () => pending === 0,
    order: () => [...held.keys()].sort((x, y) => x - y),
  };
}

/** A visitor on `base` asks; the helper (on another node) claims and answers. */
async function takenChatAcross(base: string, helper: HelperSocket) {
  const v = await connectVisitor(base, { siteKey: 'shop-a', origin: ORIGIN_A });
  const { conversation } = await ok<{ conversation: Conversation }>(v.socket, 'conversation:start', {
    clientId: clientId(),
    text: 'Will you hear me if the servers lose each other?',
  });
  await ok(helper, 'conversation:claim', { conversationId: conversation.id });
  await ok(helper, 'message:send', { conversationId: conversation.id, clientId: clientId(), text: 'Yes, ask away' });
  return { visitor: v.socket, conversation };
}
