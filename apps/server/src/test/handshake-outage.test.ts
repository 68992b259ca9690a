import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io } from 'socket.io-client';
import { createDb } from '@tribu/db';
import { PROTOCOL_VERSION } from '@tribu/protocol';
import { closeAllSockets, connectHelper, connectVisitor, login, mintVisitor, refusal } from './support/clients.ts';
import { ORIGIN_A, USERS, seedFixtures } from './support/fixtures.ts';
import { hasOwnPostgres, startOwnPostgres, type OwnPostgres } from './support/own-services.ts';
import { startNode, type NodeProcess } from './support/process.ts';

describe.skipIf(!hasOwnPostgres)('a handshake while the database is down', () => {
  let postgres: OwnPostgres | undefined;
  let node: NodeProcess;
  beforeAll(async () => {
    postgres = await startOwnPostgres();
    const db = await createDb({ databaseUrl: postgres.url });
    await seedFixtures(db.db);
    await db.close();
    node = await startNode({ DATABASE_URL: postgres.url, SECRET: randomBytes(32).toString('hex') });
  }, 120_000);
  afterAll(async () => {
    closeAllSockets();
    await node?.stop();
    await postgres?.close();
  });

  it('refuses the widget and the desk with the retryable unavailable, and accepts them again once the database is back', async () => {
    const { cookie } = await login(node.url, USERS.helperA1.email);
    const identity = await mintVisitor(node.url, 'shop-a', ORIGIN_A);
    const helperAttempt = () =>
      io(`${node.url}/helper`, {
        transports: ['websocket'],
        extraHeaders: { cookie, origin: node.url },
        auth: { protocolVersion: PROTOCOL_VERSION },
        reconnection: false,
        forceNew: true,
      });
    const visitorAttempt = () =>
      io(`${node.url}/visitor`, {
        transports: ['websocket'],
        extraHeaders: { origin: ORIGIN_A },
        auth: { protocolVersion: PROTOCOL_VERSION, siteKey: 'shop-a', ...identity },
        reconnection: false,
        forceNew: true,
      });

    await postgres!.stop('fast');
    const [helper, visitor] = await Promise.all([refusal(helperAttempt()), refusal(visitorAttempt())]);
    expect(helper.data).toEqual({ code: 'unavailable', message: 'The database is unreachable for a moment; please retry' });
    expect(visitor.data).toEqual({ code: 'unavailable', message: 'The database is unreachable for a moment; please retry' });

    await postgres!.start();
    // The pool reconnects on its own: the very same credentials are accepted.
    expect((await connectHelper(node.url, USERS.helperA1.email)).socket.connected).toBe(true);
    expect((await connectVisitor(node.url, { siteKey: 'shop-a', origin: ORIGIN_A, identity })).socket.connected).toBe(true);
  });
});
