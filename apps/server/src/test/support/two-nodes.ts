import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll } from 'vitest';
import { createDb, type Db } from '@tribu/db';
import { closeAllSockets } from './clients.ts';
import { createTestDatabase } from './database.ts';
import { seedFixtures } from './fixtures.ts';
import { startNode, type NodeProcess } from './process.ts';
import { TEST_REDIS_URL } from './services.ts';

export interface TwoNodes {
  /** Two real Tribu processes on one fresh Postgres database and one Redis (own key prefix). */
  a: NodeProcess;
  b: NodeProcess;
  sites: { siteA: string; siteB: string };
  /** The nodes' database, for tests that check what was stored. */
  databaseUrl: string;
}

/**
 * Two server processes for the enclosing describe block, on a fresh database with the fixtures;
 * `prepare` may add rows before the nodes start. Set DEBUG_NODES=1 to print their output.
 */
export function useTwoNodes(
  prepare?: (db: Db, sites: TwoNodes['sites']) => Promise<void>,
  /** Extra environment for both nodes (e.g. `TRUST_PROXY`, `RATE_LIMIT_FACTOR`). */
  extraEnv: Record<string, string> = {},
): TwoNodes {
  const nodes = {} as TwoNodes;
  let drop: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    const database = await createTestDatabase();
    drop = database.drop;
    nodes.databaseUrl = database.url;
    const db = await createDb({ databaseUrl: database.url });
    nodes.sites = await seedFixtures(db.db);
    await prepare?.(db.db, nodes.sites);
    await db.close();
    const env = {
      DATABASE_URL: database.url,
      REDIS_URL: TEST_REDIS_URL,
      REDIS_PREFIX: `t${randomBytes(4).toString('hex')}`,
      SECRET: randomBytes(32).toString('hex'),
      ...extraEnv,
    };
    [nodes.a, nodes.b] = await Promise.all([startNode(env), startNode(env)]);
  }, 120_000);
  afterAll(async () => {
    closeAllSockets();
    if (process.env.DEBUG_NODES) console.log('A:', nodes.a?.output(), 'B:', nodes.b?.output());
    await Promise.all([nodes.a?.stop(), nodes.b?.stop()]);
    await drop?.();
  });
  return nodes;
}
