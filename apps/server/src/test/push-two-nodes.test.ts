import { conversations } from '@tribu/db';
import { createDb } from '@tribu/db';
import type { Conversation } from '@tribu/protocol';
import { eq, sql } from 'drizzle-orm';
import webpush from 'web-push';
import { describe, expect, it } from 'vitest';
import { clientId, connectHelper, connectVisitor, ok, signedInCaller } from './support/clients.ts';
import { ORIGIN_A, USERS } from './support/fixtures.ts';
import { usePushService } from './support/push-service.ts';
import { hasPostgres, hasRedis } from './support/services.ts';
import { useTwoNodes } from './support/two-nodes.ts';

const keys = webpush.generateVAPIDKeys();

/**
 * Two real nodes sweeping every 5 s on one Postgres and one Redis: a request is pushed once per
 * person whichever node sweeps, and a tab open on the OTHER node keeps its person from being called.
 */
describe.skipIf(!hasPostgres || !hasRedis)('Web Push across two nodes', () => {
  const pushService = usePushService();
  const nodes = useTwoNodes(undefined, { PUSH_ALLOW_HTTP: 'true', VAPID_PUBLIC_KEY: keys.publicKey, VAPID_PRIVATE_KEY: keys.privateKey });
  const onA = signedInCaller(() => nodes.a.url);
  const onB = signedInCaller(() => nodes.b.url);

  it('calls each helper once, never one whose tab is open on the other node, with the shared VAPID key', async () => {
    const [ada, ben] = [pushService.device(), pushService.device()];
    expect((await onA('helperA1', 'PUT', '/api/push/subscription', { endpoint: ada.endpoint, keys: ada.keys })).status).toBe(204);
    expect((await onB('helperA2', 'PUT', '/api/push/subscription', { endpoint: ben.endpoint, keys: ben.keys })).status).toBe(204);
    // Ada keeps a desk tab open on node B; node A decides about her too.
    const adasTab = await connectHelper(nodes.b.url, USERS.helperA1.email);

    const v = await connectVisitor(nodes.a.url, { siteKey: 'shop-a', origin: ORIGIN_A });
    const { conversation } = await ok<{ conversation: Conversation }>(v.socket, 'conversation:start', {
      clientId: clientId(),
      text: 'Is the down jacket machine-washable?',
    });
    const db = await createDb({ databaseUrl: nodes.databaseUrl });
    await db.db
      .update(conversations)
      .set({ createdAt: sql`now() - interval '2 minutes'` })
      .where(eq(conversations.id, conversation.id));

    await expect.poll(() => pushService.to(ben).length, { timeout: 15_000 }).toBe(1);
    // Both nodes sweep again and again meanwhile: still one push for Ben, none for Ada.
    await new Promise((r) => setTimeout(r, 11_000));
    expect([pushService.to(ada).length, pushService.to(ben).length]).toEqual([0, 1]);
    expect(pushService.to(ben)[0]).toMatchObject({ vapidKey: keys.publicKey, payload: { url: `/backoffice/?request=${conversation.id}` } });

    // Ada closes her tab: the next sweep (either node) calls her, once.
    adasTab.socket.disconnect();
    await expect.poll(() => pushService.to(ada).length, { timeout: 25_000 }).toBe(1);
    await new Promise((r) => setTimeout(r, 6_000));
    expect([pushService.to(ada).length, pushService.to(ben).length]).toEqual([1, 1]);
    expect(pushService.refused).toEqual([]);
    await db.close();
  }, 90_000);
});
