import type { ErrorCode } from './errors.ts';

/** The clients' reconnection backoff: the ceiling doubles from 1 s to at most 30 s. */
export const RECONNECT_FIRST_MS = 1000;
export const RECONNECT_MAX_MS = 30_000;

/**
 * How long a client waits before reconnect attempt `attempt` (1, 2, …): between half and all of a
 * ceiling that doubles from `RECONNECT_FIRST_MS` up to `RECONNECT_MAX_MS` ("equal jitter"), so the
 * tabs an outage refused together do not all come back in the same second. `random` is in [0, 1].
 */
export function reconnectDelay(attempt: number, random: number): number {
  const ceiling = Math.min(RECONNECT_MAX_MS, RECONNECT_FIRST_MS * 2 ** Math.max(0, attempt - 1));
  return Math.round((ceiling * (1 + random)) / 2);
}

/** Handshake refusals a later attempt may get past (the database back, the budget refilled). */
const RETRYABLE: ReadonlySet<string> = new Set<ErrorCode>(['unavailable', 'internal', 'rate_limited']);

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
  const code = (err as { data?: { code?: unknown } } | null)?.data?.code;
  return typeof code === 'string' ? code : null;
}

/** The part of a Socket.IO client socket `keepConnecting` uses (structural: protocol imports no socket library). */
export interface ReconnectingSocket {
  readonly connected: boolean;
  connect(): unknown;
  disconnect(): unknown;
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

/**
 * Keeps a socket created with `reconnection: false` connected: after a lost connection or a
 * retryable handshake refusal it connects again after `reconnectDelay` — Socket.IO itself never
 * retries a handshake a namespace middleware refused. A refusal no retry fixes stops it and is
 * reported; `socket.disconnect()` by the app stops it too (even while it waits, when Socket.IO
 * emits nothing), until the app calls `socket.connect()` again. `retryNow` skips the wait.
 */
export function keepConnecting(socket: ReconnectingSocket, on: KeepConnectingHandlers, random: () => number = Math.random) {
  let attempt = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  const cancel = () => clearTimeout(timer);
  const connect = socket.connect.bind(socket);
  const disconnect = socket.disconnect.bind(socket);
  socket.connect = () => {
    stopped = false;
    return connect();
  };
  socket.disconnect = () => {
    stopped = true;
    cancel();
    return disconnect();
  };
  const schedule = (reason: WaitReason) => {
    cancel();
    if (stopped) return;
    attempt++;
    const ms = reconnectDelay(attempt, random());
    timer = setTimeout(() => !socket.connected && !stopped && connect(), ms);
    on.waiting({ attempt, retryAt: Date.now() + ms, reason });
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
      if (!socket.connected && !stopped) connect();
    },
  };
}

/** Whole seconds left until `at`, never below 0 (for "retrying in 8 s"). */
export const secondsUntil = (at: number, now: number): number => Math.max(0, Math.ceil((at - now) / 1000));
