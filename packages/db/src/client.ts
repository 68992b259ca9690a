import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import * as schema from './schema/index.ts';

export type Schema = typeof schema;
/** The one database type the server codes against, whether pg or PGlite is underneath. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

export interface DbHandle {
  db: Db;
  kind: 'pg' | 'pglite';
  /** Cheap round trip for /readyz. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

export interface CreateDbOptions {
  /** Postgres connection string; when absent, the embedded PGlite is used. */
  databaseUrl?: string | undefined;
  /** Folder for the embedded database (`<dataDir>/pglite`). */
  dataDir?: string;
  /** Keep PGlite in memory (tests). */
  inMemory?: boolean;
  /** Size of the pg pool. */
  poolSize?: number;
  /** Called for pool-level errors (a dropped idle connection must never crash the process). */
  onError?: (err: Error) => void;
}

export const migrationsFolder = resolve(dirname(fileURLToPath(import.meta.url)), '../migrations');

/** Opens the database and applies pending migrations. */
export async function createDb(opts: CreateDbOptions): Promise<DbHandle> {
  if (opts.databaseUrl) {
    const { default: pg } = await import('pg');
    const { drizzle } = await import('drizzle-orm/node-postgres');
    const { migrate } = await import('drizzle-orm/node-postgres/migrator');
    const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: opts.poolSize ?? 10 });
    // Every client gets an error listener when it connects, idle or checked out: the pool listens
    // on idle ones only, and a client checked out (in a transaction, between two statements) whose
    // connection is cut would emit 'error' to nobody and end the process. Its next statement fails
    // and the pool drops it on release. The pool re-emits an idle client's error: already reported, not twice.
    pool.on('connect', (client) => client.on('error', (err) => opts.onError?.(err)));
    pool.on('error', () => undefined);
    const db = drizzle({ client: pool, schema, casing: 'snake_case' });
    await migrateWithLock(() => migrate(db, { migrationsFolder }), pool);
    return {
      db: db as unknown as Db,
      kind: 'pg',
      ping: async () => {
        await pool.query('select 1');
      },
      close: () => pool.end(),
    };
  }
  const { PGlite } = await import('@electric-sql/pglite');
  const { drizzle } = await import('drizzle-orm/pglite');
  const { migrate } = await import('drizzle-orm/pglite/migrator');
  let client: InstanceType<typeof PGlite>;
  if (opts.inMemory) {
    client = new PGlite();
  } else {
    const dir = join(opts.dataDir ?? './.data', 'pglite');
    mkdirSync(dir, { recursive: true });
    client = new PGlite(dir);
  }
  const db = drizzle({ client, schema, casing: 'snake_case' });
  await migrate(db, { migrationsFolder });
  return {
    db: db as unknown as Db,
    kind: 'pglite',
    ping: async () => {
      await db.execute(sql`select 1`);
    },
    close: () => client.close(),
  };
}

/** Several nodes may start at once: one migrates while the others wait on an advisory lock. */
async function migrateWithLock(run: () => Promise<void>, pool: import('pg').Pool): Promise<void> {
  const conn = await pool.connect();
  try {
    await conn.query('select pg_advisory_lock(727274)');
    await run();
  } finally {
    await conn.query('select pg_advisory_unlock(727274)').catch(() => undefined);
    conn.release();
  }
}

/** A statement run very often, known by a name unique to its text. */
export interface NamedStatement {
  name: string;
  text: string;
}

/**
 * Runs named statements. On Postgres each connection parses and plans one once and keeps it (a
 * prepared statement: no planning per call, which cost ~1 ms for the message batch); PGlite runs
 * the text as it is. Parameters are passed as values (arrays included), never spliced in.
 */
export function namedStatements(db: Db): <T = Record<string, unknown>>(statement: NamedStatement, values: unknown[]) => Promise<T[]> {
  const client = (db as unknown as { $client: unknown }).$client as {
    query(config: unknown, values?: unknown[]): Promise<{ rows: unknown[] }>;
    totalCount?: number;
  };
  // A pg Pool counts its connections; PGlite has no such thing.
  if (typeof client.totalCount === 'number') {
    return async <T>(s: NamedStatement, values: unknown[]) => (await client.query({ name: s.name, text: s.text, values })).rows as T[];
  }
  return async <T>(s: NamedStatement, values: unknown[]) => (await client.query(s.text, values)).rows as T[];
}
