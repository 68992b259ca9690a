import { afterEach, describe, expect, it } from 'vitest';
import type { Conversation, ConversationDetails } from '@tribu/protocol';
import { usePostgresServer } from './support/app.ts';
import { clientId, closeAllSockets, connectHelper, connectVisitor, ok } from './support/clients.ts';
import { ORIGIN_A, USERS } from './support/fixtures.ts';
import { hasPostgres } from './support/services.ts';

const page = (slug: string) => ({ url: `https://shop-a.example/${slug}`, title: slug });

describe.skipIf(!hasPostgres)("the visitor's page trail", () => {
  const t = usePostgresServer();
  afterEach(() => closeAllSockets());

  it('keeps a reload (the same page again) once, and a page left and come back to twice', async () => {
    const ada = await connectHelper(t.server.url, USERS.helperA1.email);
    const v = await connectVisitor(t.server.url, { siteKey: 'shop-a', origin: ORIGIN_A });
    const { conversation } = await ok<{ conversation: Conversation }>(v.socket, 'conversation:start', {
      clientId: clientId(),
      text: 'Does the parka run small?',
      page: page('parka'),
    });
    await ok(ada.socket, 'conversation:claim', { conversationId: conversation.id });
    // The widget reports the page on every load: a reload of the page the chat started on, twice over.
    for (const slug of ['parka', 'parka', 'duffle', 'duffle', 'parka']) {
      await ok(v.socket, 'page:view', { conversationId: conversation.id, page: page(slug) });
    }
    const d = await ok<ConversationDetails>(ada.socket, 'conversation:details', { conversationId: conversation.id });
    expect(d.trail.map((p) => p.title)).toEqual(['parka', 'duffle', 'parka']);
  });

  it('still shows the helper the new context of the same page (the trail keeps one step)', async () => {
    const ada = await connectHelper(t.server.url, USERS.helperA1.email);
    const v = await connectVisitor(t.server.url, { siteKey: 'shop-a', origin: ORIGIN_A });
    const { conversation } = await ok<{ conversation: Conversation }>(v.socket, 'conversation:start', {
      clientId: clientId(),
      text: 'Is this in stock?',
      page: page('boots'),
    });
    await ok(ada.socket, 'conversation:claim', { conversationId: conversation.id });
    await ok(v.socket, 'page:view', { conversationId: conversation.id, page: { ...page('boots'), context: { cart: '2 items' } } });
    const { conversation: seen } = await ok<{ conversation: Conversation }>(ada.socket, 'conversation:fetch', { conversationId: conversation.id });
    expect(seen.page?.context).toEqual({ cart: '2 items' });
    const d = await ok<ConversationDetails>(ada.socket, 'conversation:details', { conversationId: conversation.id });
    expect(d.trail.map((p) => p.title)).toEqual(['boots']);
  });
});
