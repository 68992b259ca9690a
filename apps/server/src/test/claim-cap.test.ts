import { describe, expect, it } from 'vitest';
import type { Conversation } from '@tribu/protocol';
import { usePostgresServer } from './support/app.ts';
import { clientId, connectHelper, connectVisitor, ok, send } from './support/clients.ts';
import { ORIGIN_A, USERS } from './support/fixtures.ts';
import { hasPostgres } from './support/services.ts';

describe.skipIf(!hasPostgres)('a claim by a helper at their cap, racing one under it', () => {
  const t = usePostgresServer();

  async function waitingConversation() {
    const v = await connectVisitor(t.server.url, { siteKey: 'shop-a', origin: ORIGIN_A });
    const { conversation } = await ok<{ conversation: Conversation }>(v.socket, 'conversation:start', { clientId: clientId(), text: 'Question?' });
    return conversation;
  }

  it('always gives the request to the helper under their cap; the capped one is told why or that it is taken', async () => {
    const full = await connectHelper(t.server.url, USERS.helperA2.email);
    const free = await connectHelper(t.server.url, USERS.helperA1.email);
    for (let i = 0; i < 2; i++) await ok(full.socket, 'conversation:claim', { conversationId: (await waitingConversation()).id });
    for (let round = 0; round < 6; round++) {
      const c = await waitingConversation();
      const [a, b] = await Promise.all([
        send(full.socket, 'conversation:claim', { conversationId: c.id }),
        send(free.socket, 'conversation:claim', { conversationId: c.id }),
      ]);
      // Whichever runs first, the capped claim never leaves the request taken by nobody: it rolls back
      // and the other claim, waiting on the row, takes it (or finds it already its own).
      expect(a.ok).toBe(false);
      if (!a.ok) expect(['cap_reached', 'already_claimed']).toContain(a.error.code);
      expect(b.ok).toBe(true);
      await ok(free.socket, 'conversation:end', { conversationId: c.id });
    }
  });
});
