import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import type { Conversation, Message } from '@tribu/protocol';
import { clientId, connectHelper, connectVisitor, ok, type HelperSocket } from './support/clients.ts';
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

describe.skipIf(!hasPostgres || !hasOwnRedis)('Redis restarted under two nodes with a live chat', () => {
  let redis: OwnRedis | undefined;
  // Filled before the nodes start (hooks run in order): the nodes use this test's own Redis.
  const env: Record<string, string> = { RATE_LIMIT_FACTOR: '20' };
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
    const say = (text: string) =>
      ok<{ message: Message }>(visitor, 'message:send', { conversationId: conversation.id, clientId: clientId(), text });

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
      const { rows } = await db.query<{ id: string; seq: number }>('select id, seq from messages where conversation_id = $1 order by seq', [
        conversation.id,
      ]);
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
});

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
