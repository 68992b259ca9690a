import { describe, expect, it } from 'vitest';
import type { AckResult, Conversation, Message } from '@tribu/protocol';
import { clientId, connectVisitor, ok, send } from './support/clients.ts';
import { storedOnceInOrder } from './support/delivery.ts';
import { ORIGIN_A } from './support/fixtures.ts';
import { hasPostgres, hasRedis } from './support/services.ts';
import { useTwoNodes } from './support/two-nodes.ts';

describe.skipIf(!hasPostgres || !hasRedis)('a resend racing its first copy on another node', () => {
  // 100 sends of one visitor in a few seconds: above the per-visitor event budget.
  const nodes = useTwoNodes(undefined, { RATE_LIMIT_FACTOR: '20' });

  it('answers both copies with the one stored message, same id and seq, in every round', async () => {
    // One visitor with a tab on each node: a resend after a lost ack may land on the other node
    // while the first copy is still being written there.
    const tab1 = await connectVisitor(nodes.a.url, { siteKey: 'shop-a', origin: ORIGIN_A });
    const tab2 = await connectVisitor(nodes.b.url, { siteKey: 'shop-a', origin: ORIGIN_A, identity: { visitorId: tab1.visitorId, token: tab1.token } });
    const { conversation } = await ok<{ conversation: Conversation }>(tab1.socket, 'conversation:start', { clientId: clientId(), text: 'Racing resends' });

    const rounds = 50;
    const sent: string[] = [];
    for (let round = 0; round < rounds; round++) {
      const payload = { conversationId: conversation.id, clientId: clientId(), text: `round ${round}` };
      sent.push(payload.clientId);
      const acks = await Promise.all([
        send<{ message: Message }>(tab1.socket, 'message:send', payload),
        send<{ message: Message }>(tab2.socket, 'message:send', payload),
      ]);
      const answer = (r: AckResult<{ message: Message }>) =>
        r.ok ? { id: r.data.message.id, seq: r.data.message.seq, text: r.data.message.text } : r.error.code;
      const [first, second] = acks.map(answer);
      expect(first).toEqual({ id: expect.any(String), seq: round + 2, text: `round ${round}` });
      expect(second).toEqual(first);
    }

    const stored = await storedOnceInOrder(nodes.databaseUrl, conversation.id);
    expect(stored.size).toBe(rounds + 1);
    expect(sent.map((cid) => stored.get(cid))).toEqual(sent.map((_, i) => i + 2));
  });
});
