/** How long Tribu keeps retrying one delivery before it gives up. */
export const WEBHOOK_RETRY_WINDOW_MS = 24 * 3_600_000;

export interface BackoffOptions {
  /** The wait after the first failed attempt (30 s in production). */
  baseMs: number;
  /** The longest wait between two attempts (default 480 × base: 4 h in production). */
  capMs?: number;
}

/**
 * The wait after the `attempt`-th failed attempt (1-based): base × 2^(attempt−1), capped, with up
 * to ±10 % jitter from `random` (in [0, 1)) so endpoints that failed together are not retried together.
 */
export function webhookRetryDelay(attempt: number, opts: BackoffOptions, random = 0.5): number {
  const cap = opts.capMs ?? opts.baseMs * 480;
  const plain = Math.min(cap, opts.baseMs * 2 ** Math.min(Math.max(attempt, 1) - 1, 30));
  return Math.round(plain * (0.9 + 0.2 * random));
}

/**
 * When the next attempt is due after the `attempt`-th failed one, or null when it would come after
 * the delivery's deadline (the delivery has failed for good).
 */
export function nextWebhookAttempt(attempt: number, now: Date, deadline: Date, opts: BackoffOptions, random = 0.5): Date | null {
  const at = new Date(now.getTime() + webhookRetryDelay(attempt, opts, random));
  return at.getTime() > deadline.getTime() ? null : at;
}

export interface EndpointHealth {
  /** Failed attempts since the last success. */
  consecutiveFailures: number;
  /** When that run of failures began (null when the last attempt succeeded). */
  failingSince: Date | null;
}

export interface DisableRule {
  /** This many failed attempts in a row turn an endpoint off whatever their age (default 1000). */
  maxFailures: number;
  /** Failing for this long without a single success turns it off (default 24 h). */
  windowMs?: number;
}

/**
 * Whether an endpoint should be turned off: every attempt has failed for the whole retry window
 * (with at least two of them), or it has failed `maxFailures` times in a row.
 */
export function shouldDisableEndpoint(h: EndpointHealth, now: Date, rule: DisableRule): boolean {
  if (h.consecutiveFailures >= rule.maxFailures) return true;
  const window = rule.windowMs ?? WEBHOOK_RETRY_WINDOW_MS;
  return h.failingSince !== null && h.consecutiveFailures >= 2 && now.getTime() - h.failingSince.getTime() >= window;
}
