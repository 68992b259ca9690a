import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll } from 'vitest';
import { createDb, type DbHandle } from '@tribu/db';
import { buildApp, type App } from '../../app.ts';
import { loadEnv, type Env } from '../../env.ts';
import { closeAllSockets } from './clients.ts';
import { createTestDatabase } from './database.ts';
import { seedFixtures } from './fixtures.ts';

export interface TestServer extends App {
  url: string;
  /** The environment it runs with; another node of the same install shares its SECRET (see startSecondNode). */
  env: Env;
  sites: { siteA: string; siteB: string };
  close(): Promise<void>;
}

/** A real Tribu app listening on a random loopback port, on the given database, with fixtures. */
export async function startTestServer(opts: { databaseUrl?: string; redisUrl?: string; env?: Record<string, string> } = {}): Promise<TestServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'tribu-test-'));
  const env = loadEnv({
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    SECRET: randomBytes(32).toString('hex'),
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    SEED_DEMO: 'false',
    ...(opts.databaseUrl ? { DATABASE_URL: opts.databaseUrl } : {}),
    ...(opts.redisUrl ? { REDIS_URL: opts.redisUrl, REDIS_PREFIX: `t${randomBytes(4).toString('hex')}` } : {}),
    ...opts.env,
  });
  const db: DbHandle = await createDb({ databaseUrl: env.DATABASE_URL, dataDir, inMemory: !env.DATABASE_URL, poolSize: 5 });
  const sites = await seedFixtures(db.db);
  const built = await buildApp({ env, db, presenceGraceMs: 300 });
  await built.app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = built.app.server.address() as AddressInfo;
  return {
    ...built,
    url: `http://127.0.0.1:${port}`,
    env,
    sites,
    close: async () => {
      await built.app.close();
      await db.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Another node of the same install as `first`: same database, same SECRET (as every node of a real install has —
 * tokens in links and cookies signed by one node are checked by another), its own process state, timers and port.
 * No fixtures are seeded: they are already in the shared database.
 */
export async function startSecondNode(first: TestServer, extraEnv: Record<string, string> = {}): Promise<Omit<TestServer, 'sites'>> {
  const dataDir = mkdtempSync(join(tmpdir(), 'tribu-node2-'));
  const env = loadEnv({
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    SECRET: first.env.SECRET,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    SEED_DEMO: 'false',
    ...(first.env.DATABASE_URL ? { DATABASE_URL: first.env.DATABASE_URL } : {}),
    ...(first.env.SMTP_URL ? { SMTP_URL: first.env.SMTP_URL } : {}),
    ...(first.env.MAIL_FROM ? { MAIL_FROM: first.env.MAIL_FROM } : {}),
    ...extraEnv,
  });
  if (!env.DATABASE_URL) throw new Error('a second node needs a shared Postgres database');
  const db: DbHandle = await createDb({ databaseUrl: env.DATABASE_URL, dataDir, poolSize: 5 });
  const built = await buildApp({ env, db, presenceGraceMs: 300 });
  await built.app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = built.app.server.address() as AddressInfo;
  return {
    ...built,
    url: `http://127.0.0.1:${port}`,
    env,
    close: async () => {
      await built.app.close();
      await db.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Starts a test server on a fresh Postgres database for the enclosing describe block. */
export function usePostgresServer(opts: { env?: () => Record<string, string> } = {}): { server: TestServer; databaseUrl: string } {
  const holder = {} as { server: TestServer; databaseUrl: string };
  let drop: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    const db = await createTestDatabase();
    drop = db.drop;
    holder.databaseUrl = db.url;
    holder.server = await startTestServer({ databaseUrl: db.url, env: opts.env?.() });
  });
  afterAll(async () => {
    closeAllSockets();
    await holder.server?.close();
    await drop?.();
  });
  return holder;
}

/** Starts a test server on the embedded database (PGlite, as `pnpm start` runs) for the enclosing describe block. */
export function useEmbeddedServer(): { server: TestServer } {
  const holder = {} as { server: TestServer };
  beforeAll(async () => {
    holder.server = await startTestServer();
  });
  afterAll(async () => {
    closeAllSockets();
    await holder.server?.close();
  });
  return holder;
}
