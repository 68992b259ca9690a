import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createDb } from '@tribu/db';
import { ErrorCode, type AckResult, type Conversation, type Message } from '@tribu/protocol';
import { clientId, closeAllSockets, connectHelper, connectVisitor, ok, send } from './support/clients.ts';
import { ORIGIN_A, USERS } from './support/fixtures.ts';
import { seedFixtures } from './support/fixtures.ts';
import { hasOwnPostgres, startOwnPostgres, until, type OwnPostgres } from './support/own-services.ts';
import { storedOnceInOrder } from './support/delivery.ts';
import { startNode, type NodeProcess } from './support/process.ts';
import { DEBUG_NODES, TEST_REDIS_URL, hasRedis } from './support/services.ts';

type Readiness = { status: number; checks: Record<string, string> };
const readiness = (url: string): Promise<Readiness> =>
  fetch(`${url}/readyz`).then(async (r) => ({ status: r.status, checks: ((await r.json()) as { checks: Record<string, string> }).checks }));

describe.skipIf(!hasOwnPostgres || !hasRedis)('Postgres restarted under two nodes with a live chat', () => {
  let postgres: OwnPostgres | undefined;
  let a: NodeProcess;
  let b: NodeProcess;
  beforeAll(async () => {
    postgres = await startOwnPostgres();
    // As useTwoNodes prepares a database: migrations, then the fixtures.
    const db = await createDb({ databaseUrl: postgres.url });
    await seedFixtures(db.db);
    await db.close();
    const env = {
      DATABASE_URL: postgres.url,
      REDIS_URL: TEST_REDIS_URL,
      REDIS_PREFIX: `t${randomBytes(4).toString('hex')}`,
      SECRET: randomBytes(32).toString('hex'),
      RATE_LIMIT_FACTOR: '20',
    };
    [a, b] = await Promise.all([startNode(env), startNode(env)]);
  }, 120_000);
  afterAll(async () => {
    closeAllSockets();
    if (DEBUG_NODES) console.log('A:', a?.output(), 'B:', b?.output());
    await Promise.all([a?.stop(), b?.stop()]);
    await postgres?.close();
  });

  it('answers sends with the retryable unavailable while Postgres is down, reports it on /readyz, and stores each retried message once after the restart', async () => {
    const pids = [a.child.pid, b.child.pid];
    const helper = await connectHelper(b.url, USERS.helperA1.email);
    const visitor = await connectVisitor(a.url, { siteKey: 'shop-a', origin: ORIGIN_A });
    const { conversation } = await ok<{ conversation: Conversation }>(visitor.socket, 'conversation:start', {
      clientId: clientId(),
      text: 'Is anyone there when the database restarts?',
    });
    await ok(helper.socket, 'conversation:claim', { conversationId: conversation.id });
    await ok(helper.socket, 'message:send', { conversationId: conversation.id, clientId: clientId(), text: 'Yes, ask away' });
    const sendAs = (who: 'visitor' | 'helper', cid: string, text: string) =>
      send<{ message: Message }>(who === 'visitor' ? visitor.socket : helper.socket, 'message:send', {
        conversationId: conversation.id,
        clientId: cid,
        text,
      });

    // A transaction of this process holds a pooled connection when Postgres stops: it fails, and
    // the client's connection error (emitted between two statements) must not end the process.
    const own = await createDb({ databaseUrl: postgres!.url });
    let releaseTx!: () => void;
    const held = new Promise<void>((r) => (releaseTx = r));
    let txStarted!: () => void;
    const started = new Promise<void>((r) => (txStarted = r));
    const tx = own.db.transaction(async (t) => {
      await t.execute(sql`select 1`);
      txStarted();
      await held;
      await t.execute(sql`select 1`);
    });
    const txOutcome = tx.then(
      () => 'committed',
      () => 'failed',
    );
    await started;

    await postgres!.stop('fast');
    releaseTx();
    expect(await txOutcome).toBe('failed');

    // While it is down: every send is refused with `unavailable` (retryable), from both nodes.
    const refused: { who: 'visitor' | 'helper'; clientId: string; text: string }[] = [];
    for (let i = 0; i < 6; i++) {
      const who = i % 3 === 2 ? 'helper' : 'visitor';
      const s = { who, clientId: clientId(), text: `while the database is down ${i}` } as const;
      const r: AckResult<{ message: Message }> = await sendAs(s.who, s.clientId, s.text);
      expect(r.ok ? 'stored' : r.error.code).toBe(ErrorCode.unavailable);
      refused.push(s);
    }
    // Not only sends: other commands and HTTP routes answer the retryable `unavailable` too, never `internal`.
    const sync = await send(helper.socket, 'message:sync', { conversationId: conversation.id, afterSeq: 0 });
    expect(sync.ok ? 'answered' : sync.error.code).toBe(ErrorCode.unavailable);
    const history = await send(visitor.socket, 'conversation:history', {});
    expect(history.ok ? 'answered' : history.error.code).toBe(ErrorCode.unavailable);
    const me = await fetch(`${b.url}/api/auth/me`, { headers: { cookie: helper.cookie } });
    expect([me.status, ((await me.json()) as { error?: { code: string } }).error?.code]).toEqual([503, ErrorCode.unavailable]);
    await until('both nodes report the database down', async () => {
      const rs = await Promise.all([readiness(a.url), readiness(b.url)]);
      return rs.every((r) => r.status === 503 && r.checks.database === 'down' && r.checks.redis === 'ok');
    });
    expect([a.child.exitCode, b.child.exitCode]).toEqual([null, null]);

    await postgres!.start();
    await until('both nodes ready again', async () => {
      const rs = await Promise.all([readiness(a.url), readiness(b.url)]);
      return rs.every((r) => r.status === 200 && r.checks.database === 'ok');
    });

    // The same client ids again: each stored now; a second retry gets the same message back.
    const stored = new Map<string, number>();
    for (const s of refused) {
      const { message } = await ok<{ message: Message }>(s.who === 'visitor' ? visitor.socket : helper.socket, 'message:send', {
        conversationId: conversation.id,
        clientId: s.clientId,
        text: s.text,
      });
      stored.set(s.clientId, message.seq);
    }
    for (const s of refused) {
      const again = await sendAs(s.who, s.clientId, s.text);
      expect(again.ok && again.data.message.seq).toBe(stored.get(s.clientId));
    }

    // In Postgres: each message once, seqs 1..n without a gap.
    await own.close();
    const rows = await storedOnceInOrder(postgres!.url, conversation.id);
    expect(rows.size).toBe(2 + refused.length);
    for (const s of refused) expect(rows.get(s.clientId)).toBe(stored.get(s.clientId));

    // The chat goes on live across the nodes, and both processes stayed up the whole time.
    const live = new Promise<Message>((r) => helper.socket.once('message:created', r));
    const { message: after } = await ok<{ message: Message }>(visitor.socket, 'message:send', {
      conversationId: conversation.id,
      clientId: clientId(),
      text: 'Back to normal?',
    });
    expect((await live).id).toBe(after.id);
    expect([a.child.exitCode, b.child.exitCode]).toEqual([null, null]);
    expect([a.child.pid, b.child.pid]).toEqual(pids);
  }, 60_000);
});
