import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { hash } from '@node-rs/argon2';
import pg from 'pg';
import { createDb, memberships, sites, users } from '@tribu/db';
import { bareToken } from './bare-token.ts';
import { freePort, spawnServer, type ServerChild } from './child.ts';

const here = dirname(fileURLToPath(import.meta.url));
const serverDir = resolve(here, '../../../server');

export const BENCH_ORIGIN = 'https://shop.bench.example';
export const BENCH_SITE_KEY = 'bench';
export const HELPER_PASSWORD = 'bench-helper-password';
export const helperEmail = (i: number) => `helper${i}@bench.tribu`;

export interface Services {
  /** An existing database to connect to for `create database` (the bench never touches its data). */
  adminDatabaseUrl: string;
  redisUrl: string;
}

export interface Target {
  kind: 'tribu' | 'bare';
  nodes: ServerChild[];
  /** Number of helper accounts available (indexes 0..helpers-1). */
  helpers: number;
  /** Conversation ids whose claim stored exactly one helper (Tribu: read back from Postgres). */
  claimedOnce?(ids: string[]): Promise<number>;
  stop(): Promise<void>;
}

export interface BareTarget extends Target {
  kind: 'bare';
  secret: string;
  token(id: string): string;
}

export interface TribuTarget extends Target {
  kind: 'tribu';
  databaseUrl: string;
}

/** The bare Socket.IO relay in its own process. */
export async function startBare(): Promise<BareTarget> {
  const secret = randomBytes(32).toString('hex');
  const port = await freePort();
  const node = await spawnServer({
    name: 'bare',
    script: join(here, 'bare-server.ts'),
    cwd: here,
    env: { PORT: String(port), SECRET: secret },
    port,
    readyPath: '/readyz',
  });
  return { kind: 'bare', nodes: [node], helpers: Number.MAX_SAFE_INTEGER, secret, token: (id) => bareToken(secret, id), stop: () => node.stop() };
}

/**
 * Tribu on its real code path: `apps/server/src/main.ts` processes on a fresh Postgres database
 * (dropped at stop), seeded with one site and `helpers` helper accounts; with several nodes, Redis.
 */
export async function startTribu(opts: {
  services: Services;
  nodes: number;
  helpers: number;
  chatCap: number;
  /** Redis adapter and Redis-backed limits even on one node (default: with several nodes). */
  redis?: boolean;
  /** The Redis adapter (REDIS_ADAPTER): the server's default (sharded) unless given. */
  adapter?: 'classic' | 'sharded';
  /** Another copy of apps/server to measure (e.g. to compare a change); default this checkout's. */
  serverDir?: string;
}): Promise<TribuTarget> {
  const name = `tribu_bench_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: opts.services.adminDatabaseUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(opts.services.adminDatabaseUrl);
  url.pathname = `/${name}`;
  const databaseUrl = url.toString();
  const drop = async () => {
    const c = new pg.Client({ connectionString: opts.services.adminDatabaseUrl });
    await c.connect();
    await c.query(`drop database if exists ${name} with (force)`);
    await c.end();
  };
  const nodes: ServerChild[] = [];
  try {
    await seed(databaseUrl, opts.helpers, opts.chatCap);
    const env = {
      NODE_ENV: 'production',
      DATABASE_URL: databaseUrl,
      SECRET: randomBytes(32).toString('hex'),
      SEED_DEMO: 'false',
      LOG_LEVEL: 'warn',
      // Each simulated visitor presents its own address, as behind a load balancer: limits stay on.
      TRUST_PROXY: 'true',
      // A person types a few messages a minute; the load generator sends thousands a second from
      // each simulated person, so the per-person budgets are scaled (the limiter still runs).
      RATE_LIMIT_FACTOR: '10000',
      ...((opts.redis ?? opts.nodes > 1)
        ? {
            REDIS_URL: opts.services.redisUrl,
            REDIS_PREFIX: `bench${randomBytes(4).toString('hex')}`,
            ...(opts.adapter ? { REDIS_ADAPTER: opts.adapter } : {}),
          }
        : {}),
    };
    for (let i = 0; i < opts.nodes; i++) {
      const port = await freePort();
      nodes.push(
        await spawnServer({
          name: `tribu-${String.fromCharCode(97 + i)}`,
          script: 'src/main.ts',
          cwd: opts.serverDir ?? serverDir,
          env: {
            ...env,
            PORT: String(port),
            HOST: '127.0.0.1',
            PUBLIC_URL: `http://127.0.0.1:${port}`,
            DATA_DIR: mkdtempSync(join(tmpdir(), 'tribu-bench-')),
          },
          port,
          readyPath: '/readyz',
        }),
      );
    }
  } catch (e) {
    await Promise.all(nodes.map((n) => n.stop()));
    await drop();
    throw e;
  }
  return {
    kind: 'tribu',
    nodes,
    helpers: opts.helpers,
    databaseUrl,
    claimedOnce: async (ids) => {
      const c = new pg.Client({ connectionString: databaseUrl });
      await c.connect();
      try {
        const r = await c.query<{ n: number }>(
          `select count(*)::int as n from conversations where id = any($1::uuid[]) and status = 'active' and helper_id is not null`,
          [ids],
        );
        return r.rows[0]?.n ?? 0;
      } finally {
        await c.end();
      }
    },
    stop: async () => {
      await Promise.all(nodes.map((n) => n.stop()));
      await drop();
    },
  };
}

/** One site, `helpers` helper accounts (one password hash shared: argon2 is slow on purpose). */
async function seed(databaseUrl: string, helpers: number, chatCap: number): Promise<void> {
  const db = await createDb({ databaseUrl, poolSize: 2 });
  try {
    const [site] = await db.db
      .insert(sites)
      .values({ key: BENCH_SITE_KEY, name: 'Bench shop', allowedOrigins: [BENCH_ORIGIN], settings: { chatCap } })
      .returning();
    const passwordHash = await hash(HELPER_PASSWORD);
    for (let from = 0; from < helpers; from += 500) {
      const batch = Array.from({ length: Math.min(500, helpers - from) }, (_, j) => ({
        id: randomUUID(),
        email: helperEmail(from + j),
        displayName: `Helper ${from + j}`,
        passwordHash,
      }));
      await db.db.insert(users).values(batch);
      await db.db.insert(memberships).values(batch.map((u) => ({ userId: u.id, siteId: site!.id, role: 'helper' as const })));
    }
  } finally {
    await db.close();
  }
}
