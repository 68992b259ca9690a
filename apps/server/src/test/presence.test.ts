import { describe, expect, it } from 'vitest';
import type { Conversation, Peer, WidgetState } from '@tribu/protocol';
import { clientId, closeAllSockets, connectHelper, connectVisitor, next, ok, send } from './support/clients.ts';
import { ORIGIN_A, USERS } from './support/fixtures.ts';
import { hasPostgres } from './support/services.ts';
import { usePostgresServer } from './support/app.ts';

describe.skipIf(!hasPostgres)('peers online', () => {
  const t = usePostgresServer();
  const names = (peers: Peer[]) => peers.map((p) => p.displayName);

  it('shows helpers each other coming online, with their status and chats in progress', async () => {
    const a1 = await connectHelper(t.server.url, USERS.helperA1.email);
    const told = next<{ siteId: string }>(a1.socket, 'presence:changed');
    const a2 = await connectHelper(t.server.url, USERS.helperA2.email);
    expect((await told).siteId).toBe(a1.siteId);
    const list = async () => (await ok<{ peers: Peer[] }>(a1.socket, 'presence:list', { siteId: a1.siteId })).peers;
    await expect.poll(async () => names(await list())).toEqual([USERS.helperA1.name, USERS.helperA2.name]);
    const peers = await list();
    expect(peers.every((p) => p.status === 'available' && p.activeChats === 0)).toBe(true);

    const visitor = await connectVisitor(t.server.url, { siteKey: 'shop-a', origin: ORIGIN_A });
    const { conversation } = await ok<{ conversation: Conversation }>(visitor.socket, 'conversation:start', {
      clientId: clientId(),
      text: 'Presence?',
    });
    await ok(a2.socket, 'conversation:claim', { conversationId: conversation.id });
    const after = await ok<{ peers: Peer[] }>(a1.socket, 'presence:list', { siteId: a1.siteId });
    expect(after.peers.find((p) => p.displayName === USERS.helperA2.name)?.activeChats).toBe(1);
    await ok(a2.socket, 'conversation:end', { conversationId: conversation.id });
  });

  it('lets a helper step away: peers see it and the widget no longer counts them', async () => {
    const a1 = await connectHelper(t.server.url, USERS.helperA1.email);
    await ok(a1.socket, 'presence:set', { status: 'away' });
    const { peers } = await ok<{ peers: Peer[] }>(a1.socket, 'presence:list', { siteId: a1.siteId });
    expect(peers.find((p) => p.displayName === USERS.helperA1.name)?.status).toBe('away');
    await ok(a1.socket, 'presence:set', { status: 'available' });
  });

  it("refuses another site's presence list", async () => {
    const b1 = await connectHelper(t.server.url, USERS.helperB1.email);
    expect(await send(b1.socket, 'presence:list', { siteId: t.server.sites.siteA })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
  });

  it('drops a helper from the list only after their last connection stays gone past the grace period', async () => {
    closeAllSockets();
    const watcher = await connectHelper(t.server.url, USERS.moderatorA.email);
    const leaving = await connectHelper(t.server.url, USERS.helperA2.email);
    const list = async () => names((await ok<{ peers: Peer[] }>(watcher.socket, 'presence:list', { siteId: watcher.siteId })).peers);
    await expect.poll(list).toContain(USERS.helperA2.name);
    leaving.socket.disconnect();
    // Within the grace period a reload would reconnect: peers are not told yet.
    await new Promise((r) => setTimeout(r, 200));
    const announced = next<{ siteId: string }>(watcher.socket, 'presence:changed');
    await announced;
    expect(await list()).not.toContain(USERS.helperA2.name);
    const state = (await (await fetch(`${t.server.url}/api/widget/shop-a`)).json()) as WidgetState;
    // Mo, watching, is the one helper left online.
    expect(state.helpersOnline).toBe(1);
  });
});
