import { afterAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { io, type Socket } from 'socket.io-client';
import { PROTOCOL_VERSION, type AckResult, type Message } from '@tribu/protocol';
import { balancer, liveChatThrough, readyUpstreams, type Balancer } from './support/balancer.ts';
import { ok } from './support/clients.ts';
import { ORIGIN_A } from './support/fixtures.ts';
import { until } from './support/own-services.ts';
import { hasPostgres, hasRedis } from './support/services.ts';
import { sendTracked, storedOnceInOrder, type Sent } from './support/delivery.ts';
import { useTwoNodes } from './support/two-nodes.ts';

describe.skipIf(!hasPostgres || !hasRedis)('a node stopped with SIGTERM under load', () => {
  // A visitor typing in a tight loop is far beyond a person's budget; the test raises it, not the rules.
  const nodes = useTwoNodes(undefined, { RATE_LIMIT_FACTOR: '100' });
  const opened: Socket[] = [];
  let lb: Balancer | undefined;
  let health: { stop: () => void } | undefined;
  let locker: pg.Client | undefined;
  afterAll(async () => {
    for (const s of opened) s.disconnect();
    lb?.close();
    health?.stop();
    await locker?.end().catch(() => undefined);
  });

  it('drains: /readyz says 503 at once, new handshakes are refused, clients reconnect to the other node, writes in flight finish, and it exits 0', async () => {
    // The balancer routes to the nodes its health check sees ready, A first.
    const upstreams = readyUpstreams([nodes.a.url, nodes.b.url]);
    health = upstreams;
    lb = await balancer(upstreams.list);
    const base = lb.url;
    const exited = new Promise<number | null>((r) => nodes.a.child.once('exit', (code) => r(code)));

    const { visitor, helper, conversation, identity } = await liveChatThrough(base, 'Still there during a deploy?', opened);

    // The helper's desk: live messages by seq; on every reconnect, everything after the last seq held.
    const held = new Map<number, Message>();
    helper.on('message:created', (m: Message) => held.set(m.seq, m));
    const resyncs: Promise<void>[] = [];
    helper.on('connect', () => {
      const after = Math.max(2, ...held.keys());
      resyncs.push(
        ok<{ messages: Message[] }>(helper, 'message:sync', { conversationId: conversation.id, afterSeq: after }).then(({ messages }) => {
          for (const m of messages) held.set(m.seq, m);
        }),
      );
    });
    const helperMoved = new Promise<void>((r) => helper.once('connect', () => r()));
    const visitorMoved = new Promise<void>((r) => visitor.once('connect', () => r()));

    // A steady stream of visitor messages, each with its own client id, not waiting for acks.
    const sent: Sent[] = [];
    const acked = new Map<string, number>();
    let streaming = true;
    const stream = (async () => {
      for (let i = 0; streaming; i++) {
        sent.push(sendTracked(visitor, conversation.id, i, 4000, acked));
        await new Promise((r) => setTimeout(r, 5));
      }
    })();
    await until('some messages acknowledged by A', () => acked.size >= 30);

    // Another session holds the conversation's row: A's next batch is in flight, waiting on Postgres,
    // when SIGTERM arrives. The drain must wait for it rather than close the pool under it.
    locker = new pg.Client({ connectionString: nodes.databaseUrl });
    await locker.connect();
    await locker.query('begin');
    await locker.query('select 1 from conversations where id = $1 for update', [conversation.id]);
    const ackedBeforeLock = acked.size;
    await until('a send waiting on the locked row', () => sent.length > ackedBeforeLock + 5);
    nodes.a.child.kill('SIGTERM');

    // Draining: /readyz answers 503 (A cannot finish while the row is locked, so this is not a race).
    await until('A reports draining on /readyz', async () => {
      const r = await fetch(`${nodes.a.url}/readyz`);
      return r.status === 503 && ((await r.json()) as { status: string }).status === 'draining';
    });
    // A new handshake straight to A is refused.
    const late = io(`${nodes.a.url}/visitor`, {
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
      extraHeaders: { origin: ORIGIN_A },
      auth: { protocolVersion: PROTOCOL_VERSION, siteKey: 'shop-a', ...identity },
    });
    opened.push(late);
    const refused = await new Promise<boolean>((r) => {
      late.once('connect', () => r(false));
      late.once('connect_error', () => r(true));
    });
    expect(refused).toBe(true);
    expect(nodes.a.child.exitCode).toBeNull(); // still finishing its batch

    // The row is free again: A's batch commits and A exits 0, before the forced deadline (code 1).
    await locker.query('commit');
    await until('A exits', () => nodes.a.child.exitCode !== null, 15_000);
    expect(await exited).toBe(0);

    // Both clients were sent away and came back through the balancer: on B, the only node left.
    await Promise.all([visitorMoved, helperMoved]);
    await until('messages acknowledged by B', () => acked.size >= ackedBeforeLock + 20);
    streaming = false;
    await stream;
    const outcomes = await Promise.all(sent.map((s) => s.ack));
    expect(visitor.connected && helper.connected).toBe(true);

    // What never got an ack is sent again with the same client id: stored once.
    const unacked = sent.filter((_, i) => outcomes[i] === 'lost' || !(outcomes[i] as AckResult<unknown>).ok);
    for (const s of unacked) {
      const { message } = await ok<{ message: Message }>(visitor, 'message:send', { conversationId: conversation.id, clientId: s.clientId, text: s.text });
      acked.set(s.clientId, message.seq);
    }

    // Postgres: every acknowledged message at its acknowledged seq, each once, seqs gap-free.
    const stored = await storedOnceInOrder(nodes.databaseUrl, conversation.id);
    for (const [cid, seq] of acked) expect(stored.get(cid)).toBe(seq);
    expect(stored.size).toBe(2 + sent.length);

    // The helper, resynced on B from the last seq it held, then holds the whole chat.
    await Promise.all(resyncs);
    const { messages: tail } = await ok<{ messages: Message[] }>(helper, 'message:sync', {
      conversationId: conversation.id,
      afterSeq: Math.max(...held.keys()),
    });
    for (const m of tail) held.set(m.seq, m); // sent after the last live one arrived (retries, above)
    expect([...held.keys()].filter((s) => s > 2).sort((x, y) => x - y)).toEqual([...stored.values()].sort((x, y) => x - y).filter((s) => s > 2));
  }, 60_000);
});
