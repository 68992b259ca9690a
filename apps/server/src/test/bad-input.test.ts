import { io } from 'socket.io-client';
import { describe, expect, it } from 'vitest';
import { LIMITS, PROTOCOL_VERSION, type Conversation, type Message } from '@tribu/protocol';
import { clientId, connectHelper, connectVisitor, mintVisitor, ok, refusal, send } from './support/clients.ts';
import { ORIGIN_A, ORIGIN_B, PASSWORD, USERS } from './support/fixtures.ts';
import { hasPostgres } from './support/services.ts';
import { usePostgresServer } from './support/app.ts';

describe.skipIf(!hasPostgres)('bad input gets a clear error and breaks nothing', () => {
  const t = usePostgresServer();

  async function waitingConversation() {
    const v = await connectVisitor(t.server.url, { siteKey: 'shop-a', origin: ORIGIN_A });
    const { conversation } = await ok<{ conversation: Conversation }>(v.socket, 'conversation:start', {
      clientId: clientId(),
      text: 'Question?',
    });
    return { ...v, conversation };
  }

  describe('socket payloads', () => {
    it.each([
      ['a string instead of an object', 'not an object'],
      ['a missing text', { clientId: 'a' }],
      ['an oversized text', { clientId: 'a', text: 'x'.repeat(LIMITS.messageText + 1) }],
      ['a mass-assigned status', { clientId: 'a', text: 'hi', status: 'active' }],
      ['a __proto__ key', JSON.parse('{"clientId":"a","text":"hi","__proto__":{"admin":true}}')],
      ['a javascript: page', { clientId: 'a', text: 'hi', page: { url: 'javascript:alert(1)', title: '' } }],
    ])('refuses %s with bad_request and keeps the connection usable', async (_name, payload) => {
      const v = await connectVisitor(t.server.url, { siteKey: 'shop-a', origin: ORIGIN_A });
      const r = await send(v.socket, 'conversation:start', payload);
      expect(r).toMatchObject({ ok: false, error: { code: 'bad_request' } });
      expect(v.socket.connected).toBe(true);
      const fine = await send(v.socket, 'conversation:fetch', {});
      expect(fine.ok).toBe(true);
    });

    it('names the length limit when a message is too long, and stores nothing', async () => {
      const v = await waitingConversation();
      const r = await send(v.socket, 'message:send', {
        conversationId: v.conversation.id,
        clientId: clientId(),
        text: 'x'.repeat(LIMITS.messageText + 1),
      });
      expect(r.ok || r.error.message).toMatch(String(LIMITS.messageText));
      const all = await ok<{ messages: Message[] }>(v.socket, 'message:sync', { conversationId: v.conversation.id, afterSeq: 0 });
      expect(all.messages).toHaveLength(1);
    });

    it('answers an unknown event with an error ack', async () => {
      const v = await connectVisitor(t.server.url, { siteKey: 'shop-a', origin: ORIGIN_A });
      const r = await send(v.socket, 'admin:promote', { role: 'admin' });
      expect(r).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    });

    it('stores a retried send once and returns the same seq', async () => {
      const v = await waitingConversation();
      const payload = { conversationId: v.conversation.id, clientId: clientId(), text: 'Same message' };
      const [a, b] = await Promise.all([
        ok<{ message: Message }>(v.socket, 'message:send', payload),
        ok<{ message: Message }>(v.socket, 'message:send', payload),
      ]);
      const c = await ok<{ message: Message }>(v.socket, 'message:send', payload);
      expect(new Set([a.message.seq, b.message.seq, c.message.seq]).size).toBe(1);
      const all = await ok<{ messages: Message[] }>(v.socket, 'message:sync', { conversationId: v.conversation.id, afterSeq: 0 });
      expect(all.messages.filter((m) => m.text === 'Same message')).toHaveLength(1);
    });

    it('refuses a reused client id with a different text as a conflict', async () => {
      const v = await waitingConversation();
      const id = clientId();
      await ok(v.socket, 'message:send', { conversationId: v.conversation.id, clientId: id, text: 'first' });
      const r = await send(v.socket, 'message:send', { conversationId: v.conversation.id, clientId: id, text: 'other' });
      expect(r).toMatchObject({ ok: false, error: { code: 'conflict' } });
    });
  });

  describe('who may do what', () => {
    it("answers another visitor's conversation exactly like a missing one", async () => {
      const owner = await waitingConversation();
      const intruder = await connectVisitor(t.server.url, { siteKey: 'shop-a', origin: ORIGIN_A });
      const r1 = await send(intruder.socket, 'message:send', {
        conversationId: owner.conversation.id,
        clientId: clientId(),
        text: 'let me in',
      });
      const r2 = await send(intruder.socket, 'message:sync', { conversationId: owner.conversation.id, afterSeq: 0 });
      const missing = await send(intruder.socket, 'message:sync', {
        conversationId: '00000000-0000-4000-8000-000000000000',
        afterSeq: 0,
      });
      expect(r1).toEqual(missing);
      expect(r2).toEqual(missing);
      expect(missing).toMatchObject({ ok: false, error: { code: 'not_found' } });
    });

    it('lets exactly one of two helpers claim a request; the other is told it is taken', async () => {
      const v = await waitingConversation();
      const h1 = await connectHelper(t.server.url, USERS.helperA1.email);
      const h2 = await connectHelper(t.server.url, USERS.helperA2.email);
      const results = await Promise.all([
        send(h1.socket, 'conversation:claim', { conversationId: v.conversation.id }),
        send(h2.socket, 'conversation:claim', { conversationId: v.conversation.id }),
      ]);
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      expect(results.find((r) => !r.ok)).toMatchObject({ ok: false, error: { code: 'already_claimed' } });
      const loser = results[0]!.ok ? h2 : h1;
      const r = await send(loser.socket, 'message:send', {
        conversationId: v.conversation.id,
        clientId: clientId(),
        text: 'I am not your helper',
      });
      expect(r.ok).toBe(false);
      for (const h of [h1, h2]) {
        const mine = await ok<{ conversations: Conversation[] }>(h.socket, 'conversation:list', { siteId: h.siteId });
        for (const c of mine.conversations) await ok(h.socket, 'conversation:end', { conversationId: c.id });
      }
    });

    it("refuses a helper another site's queue and requests", async () => {
      const v = await waitingConversation();
      const b = await connectHelper(t.server.url, USERS.helperB1.email);
      expect(await send(b.socket, 'queue:list', { siteId: t.server.sites.siteA })).toMatchObject({
        ok: false,
        error: { code: 'not_found' },
      });
      expect(await send(b.socket, 'conversation:claim', { conversationId: v.conversation.id })).toMatchObject({
        ok: false,
        error: { code: 'not_found' },
      });
    });

    it('caps a helper at the site limit and says why', async () => {
      const h = await connectHelper(t.server.url, USERS.helperA2.email);
      const claimed: string[] = [];
      for (let i = 0; i < 2; i++) {
        const v = await waitingConversation();
        await ok(h.socket, 'conversation:claim', { conversationId: v.conversation.id });
        claimed.push(v.conversation.id);
      }
      const third = await waitingConversation();
      const r = await send(h.socket, 'conversation:claim', { conversationId: third.conversation.id });
      expect(r).toMatchObject({ ok: false, error: { code: 'cap_reached' } });
      if (!r.ok) expect(r.error.message).toMatch(/2 chats/);
      for (const id of claimed) await ok(h.socket, 'conversation:end', { conversationId: id });
      expect((await send(h.socket, 'conversation:claim', { conversationId: third.conversation.id })).ok).toBe(true);
      await ok(h.socket, 'conversation:end', { conversationId: third.conversation.id });
    });
  });

  describe('handshakes and sign-in', () => {
    const visitorSocket = (auth: object, origin = ORIGIN_A) =>
      io(`${t.server.url}/visitor`, {
        transports: ['websocket'],
        extraHeaders: { origin },
        auth: { protocolVersion: PROTOCOL_VERSION, siteKey: 'shop-a', ...auth },
        reconnection: false,
        forceNew: true,
      });

    it('refuses a visitor without a token', async () => {
      const err = await refusal(visitorSocket({ visitorId: crypto.randomUUID() }));
      expect(err.message).toBe('unauthorized');
    });

    it('refuses a forged visitor token', async () => {
      const real = await mintVisitor(t.server.url, 'shop-a', ORIGIN_A);
      const err = await refusal(visitorSocket({ visitorId: crypto.randomUUID(), token: real.token }));
      expect(err.message).toBe('unauthorized');
    });

    it('refuses a visitor token of another site', async () => {
      const other = await mintVisitor(t.server.url, 'shop-b', ORIGIN_B);
      const err = await refusal(visitorSocket(other));
      expect(err.message).toBe('unauthorized');
    });

    it.each(['https://shop-a.example.evil.com', 'null', 'https://evil.example'])('refuses the widget from the origin %s', async (origin) => {
      const real = await mintVisitor(t.server.url, 'shop-a', ORIGIN_A);
      const err = await refusal(visitorSocket(real, origin));
      expect(err.message).toBe('origin_not_allowed');
    });

    it('refuses an old protocol version with a reason', async () => {
      const real = await mintVisitor(t.server.url, 'shop-a', ORIGIN_A);
      const err = await refusal(visitorSocket({ ...real, protocolVersion: 0 }));
      expect(err.message).toBe('version_mismatch');
      expect(err.data?.message).toMatch(/reload/);
    });

    it('refuses a backoffice socket without a session, or from a foreign origin', async () => {
      const anon = io(`${t.server.url}/helper`, {
        transports: ['websocket'],
        auth: { protocolVersion: PROTOCOL_VERSION },
        extraHeaders: { origin: t.server.url },
        reconnection: false,
        forceNew: true,
      });
      expect((await refusal(anon)).message).toBe('unauthorized');
      await expect(connectHelper(t.server.url, USERS.helperA1.email, 'https://evil.example')).rejects.toThrow('origin_not_allowed');
    });

    it('answers a wrong password with 401 and the same message as an unknown email', async () => {
      const post = (email: string, password: string) =>
        fetch(`${t.server.url}/api/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ email, password }),
        });
      const wrong = await post(USERS.helperA1.email, 'nope');
      const unknown = await post('nobody@test.tribu', PASSWORD);
      expect(wrong.status).toBe(401);
      expect(await wrong.json()).toEqual(await unknown.json());
    });

    it('refuses a malformed login body with 400 and says which field', async () => {
      const r = await fetch(`${t.server.url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'not-an-email', password: 'x' }),
      });
      expect(r.status).toBe(400);
      expect(await r.json()).toMatchObject({ error: { code: 'bad_request', message: expect.stringMatching(/email/) } });
    });

    it('refuses logout without the CSRF token', async () => {
      const { cookie } = await connectHelper(t.server.url, USERS.moderatorA.email);
      const r = await fetch(`${t.server.url}/api/auth/logout`, { method: 'POST', headers: { cookie } });
      expect(r.status).toBe(403);
      const me = await fetch(`${t.server.url}/api/auth/me`, { headers: { cookie } });
      expect(me.status).toBe(200);
    });

    it('refuses a visitor token for a page not allowed by the site', async () => {
      const r = await fetch(`${t.server.url}/api/visitor/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: 'https://shop-a.example@evil.com' },
        body: JSON.stringify({ siteKey: 'shop-a' }),
      });
      expect(r.status).toBe(403);
      expect(await r.json()).toMatchObject({ error: { code: 'origin_not_allowed' } });
    });
  });
});
