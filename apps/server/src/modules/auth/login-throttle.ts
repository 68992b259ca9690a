import type { FastifyReply } from 'fastify';
import { ErrorCode } from '@tribu/protocol';
import { addressGroup } from '../../lib/address-group.ts';
import { AppError } from '../../lib/errors.ts';
import type { Limiter } from '../../lib/rate-limiter.ts';

/** Failed sign-ins an account may take in an hour (from anywhere) before it is locked for the rest of it. */
export const ACCOUNT_FAILURES = { points: 10, duration: 3600 } as const;
/** Failed sign-ins an address (an IPv6 /64) may make in an hour, across every account it tries. */
export const ADDRESS_FAILURES = { points: 20, duration: 3600 } as const;

/** Thrown when a budget is spent; the route turns `retryAfterSec` into a Retry-After header. */
export class ThrottledError extends AppError {
  constructor(
    readonly retryAfterSec: number,
    what = (wait: string) =>
      `Too many failed sign-ins for this account or from this network. Try again in ${wait}, or reset your password with "Forgot password?".`,
  ) {
    const minutes = Math.ceil(retryAfterSec / 60);
    super(ErrorCode.rateLimited, what(`${minutes} minute${minutes === 1 ? '' : 's'}`));
  }
}

/**
 * Password guessing budgets, counted in Redis when there is one (so every node counts together):
 * failures per account, whoever makes them, and failures per address across accounts. An account
 * is keyed by the email typed, existing or not, so a locked answer never tells whether it exists.
 * Resetting the password lifts the account's lock: an attacker cannot keep its owner out.
 */
export class LoginThrottle {
  constructor(private readonly limiters: { account: Limiter; address: Limiter }) {}

  /**
   * Takes an attempt from both budgets before anything is checked, so attempts fired all at once
   * cannot all slip in before the first failure is counted; throws `ThrottledError` (429) when
   * either budget is spent. Only failures count: call `giveBack()` when the password or code was right.
   */
  async attempt(ip: string, email: string): Promise<{ giveBack(): Promise<void> }> {
    return takeBoth([
      [this.limiters.account, accountKey(email)],
      [this.limiters.address, addressGroup(ip)],
    ]);
  }

  /** The owner proved themselves another way (a password reset): the account's lock goes. */
  async unlock(email: string): Promise<void> {
    await this.limiters.account.forget(accountKey(email));
  }
}

const accountKey = (email: string) => email.trim().toLowerCase();

/**
 * One point from each budget; when one is spent, the others get theirs back and the refusal says
 * how long to wait. Returns how to give them all back (an attempt that does not count).
 */
export async function takeBoth(
  budgets: [Limiter, string][],
  refusal: (retryAfterSec: number) => ThrottledError = (s) => new ThrottledError(s),
): Promise<{ giveBack(): Promise<void> }> {
  const waits = await Promise.all(budgets.map(([limiter, key]) => limiter.take(key)));
  const giveBack = async (which: (wait: number) => boolean) => {
    await Promise.all(budgets.filter((_, i) => which(waits[i]!)).map(([limiter, key]) => limiter.giveBack(key)));
  };
  const wait = Math.max(...waits);
  if (wait > 0) {
    await giveBack((w) => w === 0);
    throw refusal(Math.ceil(wait / 1000));
  }
  return { giveBack: () => giveBack(() => true) };
}

/** Runs `fn`; a throttled refusal also says when to come back (Retry-After, in seconds). */
export async function withRetryAfter<T>(reply: FastifyReply, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (e instanceof ThrottledError) void reply.header('retry-after', String(e.retryAfterSec));
    throw e;
  }
}
