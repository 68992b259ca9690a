import net from 'node:net';

export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
/** `DEBUG_NODES=1`: the multi-node suites print their nodes' output and what they counted. */
export const DEBUG_NODES = Boolean(process.env.DEBUG_NODES);

function reachable(url: string, defaultPort: number): Promise<boolean> {
  const u = new URL(url);
  return new Promise((resolve) => {
    const s = net.connect({ host: u.hostname, port: Number(u.port || defaultPort) });
    s.setTimeout(1500);
    s.once('connect', () => (s.destroy(), resolve(true)));
    s.once('error', () => resolve(false));
    s.once('timeout', () => (s.destroy(), resolve(false)));
  });
}

/**
 * Whether the suite can run against the real service. Missing in CI (`CI=true`): throw, nothing
 * passes by being skipped there. Missing on a contributor's machine: say so loudly and skip.
 */
async function need(name: string, url: string, port: number, hint: string): Promise<boolean> {
  if (await reachable(url, port)) return true;
  const msg = `${name} is not reachable at ${url} — ${hint}`;
  if (process.env.CI === 'true') throw new Error(`CI requires ${msg}`);
  console.warn(`\n⚠️  SKIPPED: tests that need ${msg}\n`);
  return false;
}

export const hasPostgres = await need('Postgres', TEST_DATABASE_URL, 5432, 'start it or set TEST_DATABASE_URL');
export const hasRedis = await need('Redis', TEST_REDIS_URL, 6379, 'start it or set TEST_REDIS_URL');
