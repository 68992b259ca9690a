import { describe, expect, it } from 'vitest';
import type { Message } from '@tribu/protocol';
import { clientId, ok, takenChat } from './support/clients.ts';
import { usePostgresServer } from './support/app.ts';
import { USERS } from './support/fixtures.ts';
import { hasPostgres } from './support/services.ts';

describe.skipIf(!hasPostgres)('messages sent in a burst', () => {
  const ctx = usePostgresServer();

  it('reach the other side once each, in the order they were sent, with consecutive seqs', async () => {
    const { helper, visitor, conversation } = await takenChat(ctx.server.url, USERS.helperA1.email, 'Burst?');
    const seen: Message[] = [];
    helper.socket.on('message:created', (m: Message) => {
      if (m.author === 'visitor' && m.conversationId === conversation.id) seen.push(m);
    });
    const before = seen.length;
    // Not awaited one by one: the first one's checks (a cold cache) must not let others overtake it.
    const texts = Array.from({ length: 30 }, (_, i) => `part ${i}`);
    const acks = await Promise.all(
      texts.map((text) => ok<{ message: Message }>(visitor.socket, 'message:send', { conversationId: conversation.id, clientId: clientId(), text })),
    );
    await expect.poll(() => seen.length - before, { timeout: 5000 }).toBe(30);
    const got = seen.slice(before);
    expect(got.map((m) => m.text)).toEqual(texts);
    const seqs = acks.map((a) => a.message.seq);
    expect(seqs).toEqual(seqs.map((_, i) => seqs[0]! + i));
    expect(got.map((m) => m.seq)).toEqual(seqs);
  });
});
