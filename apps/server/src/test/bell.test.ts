import { sites } from '@tribu/db';
import type { Notification } from '@tribu/protocol';
import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { clientId, connectHelper, ok, takenChat } from './support/clients.ts';
import { USERS } from './support/fixtures.ts';
import { usePostgresServer } from './support/app.ts';
import { hasPostgres } from './support/services.ts';

/** What is earned while no tab is open waits in the bell, read or unread, whichever node one signs in on. */
describe.skipIf(!hasPostgres)('the bell keeps what was earned', () => {
  const t = usePostgresServer();

  beforeAll(async () => {
    // Chats in tests last milliseconds: the site counts them from 0 s instead of the default 30 s.
    await t.server.db.db
      .update(sites)
      .set({ settings: sql`${sites.settings} || '{"scoring": {"minChatSec": 0}}'::jsonb` })
      .where(eq(sites.id, t.server.sites.siteA));
  });

  it('shows the points and the first badge of a chat that ended after the helper closed every tab', async () => {
    const chat = await takenChat(t.server.url, USERS.helperA1.email, 'Is the jacket windproof?');
    const id = chat.conversation.id;
    await ok(chat.helper.socket, 'message:send', { conversationId: id, clientId: clientId(), text: 'Yes, up to 60 km/h.' });
    await ok(chat.visitor.socket, 'message:send', { conversationId: id, clientId: clientId(), text: 'Great, thanks!' });
    // Ada closes her tab; the visitor ends the chat later: the score and the badge come while no tab is open.
    chat.helper.socket.disconnect();
    await ok(chat.visitor.socket, 'conversation:end', { conversationId: id });
    await t.server.scoreChat(id);

    const again = await connectHelper(t.server.url, USERS.helperA1.email);
    const bell = await ok<{ notifications: Notification[]; unread: number }>(again.socket, 'notification:list', {});
    expect(bell.unread).toBe(2);
    expect(bell.notifications.map((n) => ({ kind: n.kind, text: n.text, read: n.read, link: n.link })).sort((a, b) => a.kind.localeCompare(b.kind))).toEqual([
      { kind: 'badge', text: 'You earned the badge “First answer”: Answer your first chat', read: false, link: {} },
      { kind: 'points', text: '+2 points: a chat you answered, a fast answer', read: false, link: { conversationId: id } },
    ]);
    expect(await ok(again.socket, 'notification:read', {})).toEqual({ unread: 0 });

    // Scoring again (another node, a retry) keeps one of each.
    await t.server.scoreChat(id);
    const after = await ok<{ notifications: Notification[]; unread: number }>(again.socket, 'notification:list', {});
    expect([after.notifications.length, after.unread]).toEqual([2, 0]);
  });
});
