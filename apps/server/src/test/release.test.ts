import { describe, expect, it } from 'vitest';
import type { Conversation, Message, QueueItem } from '@tribu/protocol';
import { clientId, connectHelper, connectVisitor, next, ok, send, takenChat } from './support/clients.ts';
import { ORIGIN_A, USERS } from './support/fixtures.ts';
import { hasPostgres } from './support/services.ts';
import { usePostgresServer } from './support/app.ts';

const LEFT = 'Ada had to leave this chat. Your question is back with the community: someone else will answer here.';

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
    const visitorTold = next<Message>(visitor.socket, 'message:created', (m) => m.author === 'system');
    const released = await ok<{ conversation: Conversation }>(a1.socket, 'conversation:release', { conversationId: conversation.id });
    expect(released.conversation).toMatchObject({ status: 'waiting', helper: null });
    await onBoard;
    expect((await visitorWaits).helper).toBeNull();
    expect((await visitorTold).text).toBe(LEFT);

    const again = await send(a1.socket, 'conversation:release', { conversationId: conversation.id });
    expect(again.ok).toBe(false);
    const taken = await ok<{ messages: Message[] }>(a2.socket, 'conversation:claim', { conversationId: conversation.id });
    expect(taken.messages.map((m) => [m.author, m.text])).toEqual([
      ['visitor', 'About merino care?'],
      ['helper', 'Let me find someone who knows.'],
      ['system', LEFT],
    ]);
    const late = await send(a1.socket, 'message:send', { conversationId: conversation.id, clientId: clientId(), text: 'Still me?' });
    expect(late.ok).toBe(false);
  });

  it('tells the visitor in their own language (French here)', async () => {
    const ada = await connectHelper(t.server.url, USERS.helperA1.email);
    const visitor = await connectVisitor(t.server.url, { siteKey: 'shop-a', origin: ORIGIN_A });
    const { conversation } = await ok<{ conversation: Conversation }>(visitor.socket, 'conversation:start', {
      clientId: clientId(),
      text: 'La veste taille-t-elle petit ?',
      locale: 'fr',
    });
    await ok(ada.socket, 'conversation:claim', { conversationId: conversation.id });
    const told = next<Message>(visitor.socket, 'message:created', (m) => m.author === 'system');
    await ok(ada.socket, 'conversation:release', { conversationId: conversation.id });
    expect((await told).text).toBe('Ada a dû quitter cette conversation. Votre question revient à la communauté : quelqu’un d’autre vous répondra ici.');
  });
});
