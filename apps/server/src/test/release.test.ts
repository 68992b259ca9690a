import { describe, expect, it } from 'vitest';
import type { Conversation, Message, QueueItem } from '@tribu/protocol';
import { clientId, connectHelper, next, ok, send, takenChat } from './support/clients.ts';
import { USERS } from './support/fixtures.ts';
import { hasPostgres } from './support/services.ts';
import { usePostgresServer } from './support/app.ts';

describe.skipIf(!hasPostgres)('releasing a chat back to the board', () => {
  const t = usePostgresServer();

  it('puts the chat back on the board with its history, for another helper to take', async () => {
    const a2 = await connectHelper(t.server.url, USERS.helperA2.email);
    const { helper: a1, visitor, conversation } = await takenChat(t.server.url, USERS.helperA1.email, 'About merino care?');
    await ok(a1.socket, 'message:send', { conversationId: conversation.id, clientId: clientId(), text: 'Let me find someone who knows.' });

    const notMine = await send(a2.socket, 'conversation:release', { conversationId: conversation.id });
    expect(notMine.ok).toBe(false);

    const onBoard = next<QueueItem>(a2.socket, 'queue:added', (i) => i.conversationId === conversation.id);
    const visitorWaits = next<Conversation>(visitor.socket, 'conversation:updated', (c) => c.status === 'waiting');
    const released = await ok<{ conversation: Conversation }>(a1.socket, 'conversation:release', { conversationId: conversation.id });
    expect(released.conversation).toMatchObject({ status: 'waiting', helper: null });
    await onBoard;
    expect((await visitorWaits).helper).toBeNull();

    const again = await send(a1.socket, 'conversation:release', { conversationId: conversation.id });
    expect(again.ok).toBe(false);
    const taken = await ok<{ messages: Message[] }>(a2.socket, 'conversation:claim', { conversationId: conversation.id });
    expect(taken.messages.map((m) => m.text)).toEqual(['About merino care?', 'Let me find someone who knows.']);
    const late = await send(a1.socket, 'message:send', { conversationId: conversation.id, clientId: clientId(), text: 'Still me?' });
    expect(late.ok).toBe(false);
  });
});
