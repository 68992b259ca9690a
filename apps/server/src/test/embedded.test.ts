import { describe, expect, it } from 'vitest';
import type { Conversation, Message } from '@tribu/protocol';
import { clientId, connectHelper, connectVisitor, next, ok } from './support/clients.ts';
import { ORIGIN_A, USERS } from './support/fixtures.ts';
import { useEmbeddedServer } from './support/app.ts';

// No DATABASE_URL: the embedded PGlite database, as `pnpm start` runs on a fresh machine.
describe('the embedded database (PGlite)', () => {
  const t = useEmbeddedServer();

  it('runs the migrations and carries a whole chat', async () => {
    expect(t.server.db.kind).toBe('pglite');
    const helper = await connectHelper(t.server.url, USERS.helperA1.email);
    const visitor = await connectVisitor(t.server.url, { siteKey: 'shop-a', origin: ORIGIN_A });
    const { conversation } = await ok<{ conversation: Conversation }>(visitor.socket, 'conversation:start', {
      clientId: clientId(),
      text: 'Embedded?',
    });
    await ok(helper.socket, 'conversation:claim', { conversationId: conversation.id });
    const got = next<Message>(visitor.socket, 'message:created', (m) => m.author === 'helper');
    await ok(helper.socket, 'message:send', { conversationId: conversation.id, clientId: clientId(), text: 'Yes.' });
    expect((await got).seq).toBe(2);
    const ready = await fetch(`${t.server.url}/readyz`);
    expect(await ready.json()).toMatchObject({ status: 'ready', checks: { database: 'ok' } });
  });

  it('keeps its data in DATA_DIR across restarts', async () => {
    const { mkdtempSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { createDb, sites } = await import('@tribu/db');
    const dir = mkdtempSync(join(tmpdir(), 'tribu-pglite-'));
    const first = await createDb({ dataDir: dir });
    await first.db.insert(sites).values({ key: 'kept', name: 'Kept' });
    await first.close();
    const second = await createDb({ dataDir: dir });
    const rows = await second.db.select().from(sites);
    await second.close();
    rmSync(dir, { recursive: true, force: true });
    expect(rows.map((r) => r.key)).toEqual(['kept']);
  });
});
