import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';

const ADMIN_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** Runs SQL with Debian's `psql` (the e2e package stays free of database drivers). */
export function psql(url: string, sql: string): string {
  return execFileSync('psql', [url, '-v', 'ON_ERROR_STOP=1', '-tAc', sql], { encoding: 'utf8' });
}

/**
 * A fresh Postgres database for a scenario whose setup needs site settings no screen edits yet
 * (e.g. a short release delay); the Tribu process under test runs on it with DATABASE_URL.
 */
export function freshDatabase(): { url: string; drop: () => void } {
  const name = `tribu_e2e_${randomBytes(5).toString('hex')}`;
  psql(ADMIN_URL, `create database ${name}`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => psql(ADMIN_URL, `drop database if exists ${name} with (force)`) };
}
