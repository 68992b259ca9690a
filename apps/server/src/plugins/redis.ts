import { Redis } from 'ioredis';
import type { FastifyBaseLogger } from 'fastify';

export interface RedisHandles {
  /** Commands: rate limits, presence, readiness. */
  client: Redis;
  /** Publisher and subscriber of the Socket.IO adapter. */
  pub: Redis;
  sub: Redis;
  prefix: string;
  /** Calls `callback` each time the adapter's link (pub and sub) is back after an outage, resubscribed; never at first start. */
  onRecovered(callback: () => void): void;
  close(): Promise<void>;
}

/**
 * Three ioredis connections, each with an error listener so a Redis hiccup never crashes the node.
 * Waits until they are ready: the adapter must not subscribe on a connection still doing its ready check.
 *
 * While Redis is down, commands fail at once instead of queuing (no offline queue on `client` and
 * `pub`): rate limits fall back to this node's memory, /readyz says `redis: down` right away, and
 * broadcasts to other nodes are dropped rather than delivered late. Clients fill what they missed
 * from Postgres (each message carries a seq; a gap triggers a `message:sync`), and `onRecovered`
 * lets the node tell its own sockets to resync at once, so a chat that went quiet is filled too.
 */
export async function createRedis(url: string, prefix: string, log: FastifyBaseLogger): Promise<RedisHandles> {
  const recovered: (() => void)[] = [];
  // Set once started; then whether pub or sub lost its connection since they were last both ready.
  let started = false;
  let adapterDown = false;
  const make = (role: string) => {
    const r = new Redis(url, { maxRetriesPerRequest: 2, enableOfflineQueue: true, lazyConnect: false });
    if (role !== 'client') {
      r.on('close', () => void (adapterDown = started));
      r.on('ready', () => {
        if (!adapterDown || pub.status !== 'ready' || sub.status !== 'ready') return;
        adapterDown = false;
        // ioredis resubscribes right after 'ready'; a PING answered behind those SUBSCRIBEs means
        // broadcasts reach this node again before its sockets are told to resync.
        void sub.ping().then(
          () => recovered.forEach((callback) => callback()),
          () => undefined,
        );
      });
    }
    // One line when the link drops and one when it is back, not one per reconnection attempt.
    let down = false;
    r.on('error', (err: Error) => {
      if (down) return;
      down = true;
      log.warn({ err: err.message, role }, 'redis connection error; reconnecting');
    });
    r.on('ready', () => {
      if (!down) return;
      down = false;
      log.warn({ role }, 'redis connection back');
    });
    return r;
  };
  const client = make('client');
  const pub = make('pub');
  // The subscriber only (re)subscribes, which ioredis does itself on every reconnection.
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
  // Until the first ready, commands waited for it; from now on they fail at once while Redis is down.
  for (const r of [client, pub]) r.options.enableOfflineQueue = false;
  started = true;
  catchPublishes(pub, log);
  return {
    client,
    pub,
    sub,
    prefix,
    onRecovered: (callback) => void recovered.push(callback),
    close: async () => {
      // A connection still retrying (Redis down at shutdown) is dropped: quit() would wait for it.
      await Promise.allSettled(all.map((r) => (r.status === 'ready' ? r.quit() : r.disconnect())));
    },
  };
}

/**
 * The Socket.IO adapter publishes without awaiting: while Redis is down each publish rejects, and an
 * unhandled rejection would end the process. The broadcast is lost (counted, logged once per outage).
 */
function catchPublishes(pub: Redis, log: FastifyBaseLogger): void {
  type Publish = (...args: unknown[]) => Promise<unknown>;
  let dropped = 0;
  pub.on('ready', () => {
    if (dropped > 0) log.warn({ dropped }, 'broadcasts to other nodes were lost while Redis was down');
    dropped = 0;
  });
  for (const name of ['publish', 'spublish'] as const) {
    const original = (pub[name] as unknown as Publish).bind(pub);
    (pub as unknown as Record<string, Publish>)[name] = (...args) => {
      const p = original(...args);
      p.catch(() => void dropped++);
      return p;
    };
  }
}
