import type { FastifyInstance } from 'fastify';
import type { DbHandle } from '@tribu/db';
import type { RedisHandles } from '../../plugins/redis.ts';
import type { Drain } from './drain.ts';

/**
 * `/healthz`: the process is up. `/readyz`: the database (and Redis when configured) answer, and
 * the node is not leaving (503 `draining` from SIGTERM on, so a load balancer stops routing here).
 */
export function healthRoutes(app: FastifyInstance, deps: { db: DbHandle; redis: RedisHandles | undefined; drain?: Drain }): void {
  app.get('/healthz', { config: { rateLimit: false } }, async () => ({ status: 'ok' }));
  app.get('/readyz', { config: { rateLimit: false } }, async (_req, reply) => {
    // Leaving: say so at once, whatever the database and Redis would answer.
    if (deps.drain?.draining) return reply.status(503).send({ status: 'draining', checks: {} });
    const checks: Record<string, 'ok' | 'down'> = {};
    const withTimeout = <T>(p: Promise<T>) => Promise.race([p, new Promise<never>((_, rej) => setTimeout(() => rej(new Error('timeout')), 2000).unref())]);
    checks.database = await withTimeout(deps.db.ping()).then(
      () => 'ok' as const,
      () => 'down' as const,
    );
    if (deps.redis) {
      const r = deps.redis.client;
      checks.redis = await withTimeout(r.ping()).then(
        () => 'ok' as const,
        () => 'down' as const,
      );
    }
    const ready = Object.values(checks).every((v) => v === 'ok');
    return reply.status(ready ? 200 : 503).send({ status: ready ? 'ready' : 'not ready', checks });
  });
}
