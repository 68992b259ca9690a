import { Redis } from 'ioredis';
import type { FastifyBaseLogger } from 'fastify';

export interface RedisHandles {
  /** Commands: rate limits, presence, readiness. */
  client: Redis;
  /** Publisher and subscriber of the Socket.IO adapter. */
  pub: Redis;
  sub: Redis;
  prefix: string;
  close(): Promise<void>;
}

/**
 * Three ioredis connections, each with an error listener so a Redis hiccup never crashes the node.
 * Waits until they are ready: the adapter must not subscribe on a connection still doing its ready check.
 */
export async function createRedis(url: string, prefix: string, log: FastifyBaseLogger): Promise<RedisHandles> {
  const make = (role: string) => {
    const r = new Redis(url, { maxRetriesPerRequest: 2, enableOfflineQueue: true, lazyConnect: false });
    r.on('error', (err: Error) => log.warn({ err: err.message, role }, 'redis connection error'));
    return r;
  };
  const client = make('client');
  const pub = make('pub');
  const sub = make('sub');
  const all = [client, pub, sub];
  try {
    await Promise.all(
      all.map(
        (r) =>
          new Promise<void>((resolve, reject) => {
            if (r.status === 'ready') return resolve();
            const timer = setTimeout(() => reject(new Error(`Redis at ${url} is not reachable`)), 10_000);
            r.once('ready', () => (clearTimeout(timer), resolve()));
          }),
      ),
    );
  } catch (e) {
    all.forEach((r) => r.disconnect());
    throw e;
  }
  return {
    client,
    pub,
    sub,
    prefix,
    close: async () => {
      await Promise.allSettled([client.quit(), pub.quit(), sub.quit()]);
    },
  };
}
