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

/** Three ioredis connections, each with an error listener so a Redis hiccup never crashes the node. */
export function createRedis(url: string, prefix: string, log: FastifyBaseLogger): RedisHandles {
  const make = (role: string) => {
    const r = new Redis(url, { maxRetriesPerRequest: 2, enableOfflineQueue: true, lazyConnect: false });
    r.on('error', (err: Error) => log.warn({ err: err.message, role }, 'redis connection error'));
    return r;
  };
  const client = make('client');
  const pub = make('pub');
  const sub = make('sub');
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
