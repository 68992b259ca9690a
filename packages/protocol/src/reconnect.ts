import { ErrorCode } from './errors.ts';

/** The clients' reconnection backoff: the ceiling doubles from 1 s to at most 30 s. */
export const RECONNECT_BACKOFF = { firstMs: 1000, maxMs: 30_000 } as const;

/**
 * How long a client waits before reconnect attempt `attempt` (1, 2, …): between half and all of a
 * ceiling that doubles from `firstMs` up to `maxMs` ("equal jitter"), so the tabs an outage refused
 * together do not all come back in the same second. `random` is in [0, 1).
 */
export function reconnectDelay(attempt: number, random: number): number {
  const ceiling = Math.min(RECONNECT_BACKOFF.maxMs, RECONNECT_BACKOFF.firstMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + (ceiling / 2) * Math.min(Math.max(random, 0), 1));
}

/** Handshake refusals a later attempt may get past (the database back, the budget refilled). */
const RETRYABLE: ReadonlySet<string> = new Set([ErrorCode.unavailable, ErrorCode.internal, ErrorCode.rateLimited]);

/** Why a client is waiting: a retryable refusal, or `network` when no server answered (down, or refused before the handshake). */
export type WaitReason = 'unavailable' | 'internal' | 'rate_limited' | 'network';

export interface LinkWait {
  attempt: number;
  /** When the next attempt starts (epoch ms). */
  retryAt: number;
  reason: WaitReason;
}

/** The code of a namespace middleware's refusal (`connect_error` with `data.code`), or null for a transport error. */
export function refusalCode(err: unknown): string | null {
  const data = err && typeof err === 'object' && 'data' in err ? (err as { data: unknown }).data : undefined;
  const code = data && typeof data === 'object' && 'code' in data ? (data as { code: unknown }).code : undefined;
  return typeof code === 'string' ? code : null;
}

/** The part of a Socket.IO client socket `keepConnecting` uses (structural: protocol imports no socket library). */
export interface ReconnectingSocket {
  readonly connected: boolean;
  connect(): unknown;
  on(event: 'connect', listener: () => void): unknown;
  on(event: 'disconnect', listener: (reason: string) => void): unknown;
  on(event: 'connect_error', listener: (err: Error) => void): unknown;
}

export interface KeepConnectingHandlers {
  /** Waiting for the next attempt, after a retryable refusal or a lost connection. */
  waiting(wait: LinkWait): void;
  /** Refused for a reason no retry fixes (signed out, foreign origin, banned, an old version): a person must act. */
  refused(code: string): void;
}

interface Clock {
  random(): number;
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(timer: unknown): void;
}
const realClock: Clock = {
  random: () => Math.random(),
  now: () => Date.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (t) => clearTimeout(t as ReturnType<typeof setTimeout>),
};

/**
 * Keeps a socket created with `reconnection: false` connected: after a lost connection or a
 * retryable handshake refusal it connects again after `reconnectDelay` — Socket.IO itself never
 * retries a handshake a namespace middleware refused. A refusal no retry fixes stops it and is
 * reported; `socket.disconnect()` by the app stops it too. `retryNow` skips the wait.
 */
export function keepConnecting(socket: ReconnectingSocket, on: KeepConnectingHandlers, clock: Clock = realClock) {
  let attempt = 0;
  let timer: unknown = null;
  const cancel = () => {
    if (timer !== null) clock.clearTimeout(timer);
    timer = null;
  };
  const schedule = (reason: WaitReason) => {
    cancel();
    attempt++;
    const ms = reconnectDelay(attempt, clock.random());
    timer = clock.setTimeout(() => {
      timer = null;
      if (!socket.connected) socket.connect();
    }, ms);
    on.waiting({ attempt, retryAt: clock.now() + ms, reason });
  };
  socket.on('connect', () => {
    cancel();
    attempt = 0;
  });
  socket.on('disconnect', (reason) => {
    if (reason === 'io client disconnect') return cancel();
    // Dropped, timed out, or put out by the server (a session that ended): the next handshake decides.
    schedule('network');
  });
  socket.on('connect_error', (err) => {
    const code = refusalCode(err);
    if (code === null) return schedule('network');
    if (RETRYABLE.has(code)) return schedule(code as WaitReason);
    cancel();
    on.refused(code);
  });
  return {
    /** Connects now instead of at the end of the wait. */
    retryNow(): void {
      cancel();
      if (!socket.connected) socket.connect();
    },
    /** Stops retrying (the page is leaving). */
    stop: cancel,
  };
}

/** Whole seconds left until `at`, never below 0 (for "retrying in 8 s"). */
export const secondsUntil = (at: number, now: number): number => Math.max(0, Math.ceil((at - now) / 1000));
