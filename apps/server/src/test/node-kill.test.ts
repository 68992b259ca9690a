import { afterAll, describe, expect, it } from 'vitest';
import type { Socket } from 'socket.io-client';
import type { AckResult, Message } from '@tribu/protocol';
import { ok } from './support/clients.ts';
import { balancer, liveChatThrough, type Balancer } from './support/balancer.ts';
import { DEBUG_NODES, hasPostgres, hasRedis } from './support/services.ts';
import { sendTracked, storedOnceInOrder, type Sent } from './support/delivery.ts';
import { useTwoNodes } from './support/two-nodes.ts';

/** Resolves on the socket's next (re)connection. */
const reconnected = (s: Socket) => new Promise<void>((r) => s.once('connect', () => r()));

describe.skipIf(!hasPostgres || !hasRedis)('a node killed with live chats', () => {
  // A visitor typing in a tight loop is far beyond a person's budget; the test raises it, not the rules.
  const nodes = useTwoNodes(undefined, { RATE_LIMIT_FACTOR: '100' });
  const opened: Socket[] = [];
  let lb: Balancer | undefined;
  afterAll(() => {
    for (const s of opened) s.disconnect();
    lb?.close();
  });

  it('loses no acknowledged message: clients reconnect to the other node, retries are stored once, seqs stay gap-free', async () => {
    let aAlive = true;
    lb = await balancer(() => (aAlive ? [nodes.a.url, nodes.b.url] : [nodes.b.url]));
    const base = lb.url;

    const { visitor, helper, conversation } = await liveChatThrough(base, 'Still there if a server dies?', opened);

    // What the helper sees live, by seq.
    const seenByHelper = new Map<number, Message>();
    helper.on('message:created', (m: Message) => seenByHelper.set(m.seq, m));

    // The visitor sends without waiting, every couple of milliseconds; A dies mid-stream.
    const sent: Sent[] = [];
    const acked = new Map<string, number>();
    const visitorBack = reconnected(visitor);
    // As the backoffice does, the helper notes the last seq it holds the moment it is back.
    const helperBack = new Promise<number>((r) => helper.once('connect', () => r(Math.max(2, ...seenByHelper.keys()))));
    for (let i = 0; aAlive || visitor.connected; i++) {
      if (!visitor.connected) break;
      sent.push(sendTracked(visitor, conversation.id, i, 2000, acked));
      if (aAlive && acked.size >= 40) {
        aAlive = false;
        await nodes.a.stop('SIGKILL');
      }
      await new Promise((r) => setTimeout(r, 2));
    }
    expect(aAlive).toBe(false);
    const [, lastHeld] = await Promise.all([visitorBack, helperBack]);
    const outcomes = await Promise.all(sent.map((s) => s.ack));
    const ackedBeforeRetry = new Map(acked);
    expect(ackedBeforeRetry.size).toBeGreaterThanOrEqual(40);
    const unacked = sent.filter((_, i) => outcomes[i] === 'lost' || !(outcomes[i] as AckResult<unknown>).ok);
    expect(unacked.length).toBeGreaterThan(0); // the kill did cut some sends short

    if (DEBUG_NODES) console.log({ sent: sent.length, acked: ackedBeforeRetry.size, unacked: unacked.length });
    // Through B now: what was not acknowledged is sent again, same client id; one acked one too.
    const retried = [...unacked, sent[0]!];
    for (const s of retried) {
      const { message } = await ok<{ message: Message }>(visitor, 'message:send', {
        conversationId: conversation.id,
        clientId: s.clientId,
        text: s.text,
      });
      if (DEBUG_NODES) console.log(s.text, '→', message.seq);
      const before = ackedBeforeRetry.get(s.clientId);
      if (before !== undefined) expect(message.seq).toBe(before);
      acked.set(s.clientId, message.seq);
    }

    // The history served by B: every message once, its acknowledged seq, seqs 1..n without gaps.
    const { messages: history } = await ok<{ messages: Message[] }>(visitor, 'message:sync', {
      conversationId: conversation.id,
      afterSeq: 0,
    });
    expect(history.map((m) => m.seq)).toEqual(history.map((_, i) => i + 1));
    const visitorIds = history.filter((m) => m.author === 'visitor').map((m) => m.clientId);
    expect(new Set(visitorIds).size).toBe(visitorIds.length);
    for (const s of sent) expect(history.filter((m) => m.author === 'visitor' && m.text === s.text)).toHaveLength(1);
    for (const [cid, seq] of acked) {
      const s = sent.find((x) => x.clientId === cid)!;
      expect(history.find((m) => m.seq === seq)?.text).toBe(s.text);
    }

    // And in Postgres, the source of truth.
    const stored = await storedOnceInOrder(nodes.databaseUrl, conversation.id);
    for (const s of sent) expect(stored.has(s.clientId)).toBe(true);
    for (const [cid, seq] of acked) expect(stored.get(cid)).toBe(seq);
    expect(stored.size).toBe(history.length);

    // The helper, back on B, catches up from the last seq it saw and then holds everything.
    const { messages: missed } = await ok<{ messages: Message[] }>(helper, 'message:sync', {
      conversationId: conversation.id,
      afterSeq: lastHeld,
    });
    for (const m of missed) seenByHelper.set(m.seq, m);
    const helperSeqs = [...seenByHelper.keys()].filter((s) => s > 2).sort((x, y) => x - y);
    expect(helperSeqs).toEqual(history.filter((m) => m.seq > 2).map((m) => m.seq));
  }, 45_000);
});
