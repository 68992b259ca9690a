import type { FastifyInstance } from 'fastify';
import type { DbHandle } from '@tribu/db';
import type { RedisHandles } from '../../plugins/redis.ts';

/** `/healthz`: the process is up. `/readyz`: the database (and Redis when configured) answer. */
export function healthRoutes(app: FastifyInstance, deps: { db: DbHandle; redis: RedisHandles | undefined }): void {
  app.get('/healthz', { config: { rateLimit: false } }, async () => ({ status: 'ok' }));
  app.get('/readyz', { config: { rateLimit: false } }, async (_req, reply) => {
    const checks: Record<string, 'ok' | 'down'> = {};
    const withTimeout = <T>(p: Promise<T>) =>
      Promise.race([p, new Promise<never>((_, rej) => setTimeout(() => rej(new Error('timeout')), 2000).unref())]);
    checks.database = await withTimeout(deps.db.ping()).then(() => 'ok' as const, () => 'down' as const);
    if (deps.redis) {
      const r = deps.redis.client;
      checks.redis = await withTimeout(r.ping()).then(() => 'ok' as const, () => 'down' as const);
    }
    const ready = Object.values(checks).every((v) => v === 'ok');
    return reply.status(ready ? 200 : 503).send({ status: ready ? 'ready' : 'not ready', checks });
  });
}
