import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { users } from '@tribu/db';
import type { Conversation } from '@tribu/protocol';
import { usePostgresServer } from './support/app.ts';
import { clientId, connectHelper, connectVisitor, next, ok } from './support/clients.ts';
import { ORIGIN_A, USERS } from './support/fixtures.ts';
import { hasPostgres } from './support/services.ts';

describe.skipIf(!hasPostgres)('what a visitor sees of the helper and of the desk (Postgres)', () => {
  const t = usePostgresServer();

  it("gets the helper's photo as an absolute URL on Tribu, never a hand-off or a staff reason", async () => {
    await t.server.db.db.update(users).set({ avatarUrl: '/api/avatars/photo-id?v=1' }).where(eq(users.email, USERS.helperA1.email));
    const helper = await connectHelper(t.server.url, USERS.helperA1.email);
    const ben = await connectHelper(t.server.url, USERS.helperA2.email);
    const visitor = await connectVisitor(t.server.url, { siteKey: 'shop-a', origin: ORIGIN_A });
    const { conversation } = await ok<{ conversation: Conversation }>(visitor.socket, 'conversation:start', { clientId: clientId(), text: 'Hello?' });
    const claimed = next<Conversation>(visitor.socket, 'conversation:updated', (c) => c.status === 'active');
    await ok(helper.socket, 'conversation:claim', { conversationId: conversation.id });
    const seen = await claimed;
    // PUBLIC_URL (here the test's default) is where the merchant's page finds Tribu.
    expect(seen.helper?.avatarUrl).toMatch(/^http:\/\/[^/]+\/api\/avatars\/photo-id\?v=1$/);
    await ok(helper.socket, 'handoff:offer', { conversationId: conversation.id, toUserId: ben.me.user.id });
    const fetched = await ok<{ conversation: Conversation }>(visitor.socket, 'conversation:fetch', {});
    expect(fetched.conversation.handoff).toBeNull();
    expect(JSON.stringify(fetched)).not.toContain(USERS.helperA2.name);
    await ok(helper.socket, 'handoff:cancel', { conversationId: conversation.id });
    await ok(helper.socket, 'conversation:needs-staff', { conversationId: conversation.id, reason: 'Refund for order 1234' });
    const after = await ok<{ conversation: Conversation }>(visitor.socket, 'conversation:fetch', {});
    expect(after.conversation.staff).toEqual({ at: expect.any(String), reason: '' });
    expect(JSON.stringify(after)).not.toContain('order 1234');
  });
});
