import type { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { ErrorCode } from '@tribu/protocol';
import { AppError } from './errors.ts';

export interface LimiterSpec {
  /** Events allowed per window. */
  points: number;
  /** Window length in seconds. */
  duration: number;
}

/** A limiter shared by every node through Redis when there is one, else in this process. */
export function createLimiter(name: string, spec: LimiterSpec, redis?: { client: Redis; prefix: string }): Limiter {
  const memory = new RateLimiterMemory({ ...spec, keyPrefix: name });
  const impl: RateLimiterAbstract = redis
    ? new RateLimiterRedis({
        ...spec,
        storeClient: redis.client,
        keyPrefix: `${redis.prefix}:rl:${name}`,
        // While Redis is unreachable, keep limiting per node rather than failing open or closed.
        insuranceLimiter: memory,
      })
    : memory;
  return new Limiter(impl);
}

export class Limiter {
  constructor(private readonly impl: RateLimiterAbstract) {}

  /** Drops what is counted for `key` (an erased visitor leaves nothing keyed by their id). */
  async forget(key: string): Promise<void> {
    await this.impl.delete(key);
  }

  /**
   * Takes one point for `key` without throwing: 0 when it was within the budget, else the wait in
   * ms. Taking before acting (one atomic increment) holds even for attempts made all at once.
   */
  async take(key: string): Promise<number> {
    try {
      await this.impl.consume(key, 1);
      return 0;
    } catch (e) {
      if (e instanceof RateLimiterRes) return Math.max(1, e.msBeforeNext);
      throw e;
    }
  }

  /** Gives back a point taken for `key` (an attempt that turned out not to count, like a right password). */
  async giveBack(key: string): Promise<void> {
    await this.impl.reward(key, 1);
  }

  /** Takes one point for `key`; throws `rate_limited` with the wait when the budget is spent. */
  async consume(key: string, points = 1): Promise<void> {
    try {
      await this.impl.consume(key, points);
    } catch (e) {
      if (e instanceof RateLimiterRes) {
        const seconds = Math.max(1, Math.ceil(e.msBeforeNext / 1000));
        throw new AppError(ErrorCode.rateLimited, `Too many requests; try again in ${seconds} s`);
      }
      throw e;
    }
  }
}
