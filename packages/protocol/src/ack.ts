import type { AckResult } from './errors.ts';

/** The data a command's ack carries, read from its event-map entry `(payload, ack) => void`. */
export type AckData<F> = F extends (payload: never, ack: (result: AckResult<infer T>) => void) => void ? T : never;

/** The payload of a command, read from its event-map entry. */
export type PayloadOf<F> = F extends (payload: infer P, ack: never) => void ? P : never;

/** The part of a Socket.IO client socket `request` uses (structural: protocol imports no socket library). */
export interface AckEmitter {
  timeout(ms: number): unknown;
}

/**
 * Sends a command and resolves with its ack. A timeout or a dropped connection resolves as an
 * `unavailable` error too, never a throw, so callers handle one shape.
 */
export async function request<Events, E extends keyof Events & string>(
  socket: AckEmitter,
  event: E,
  payload: PayloadOf<Events[E]>,
  unavailableMessage = 'No answer from the server',
  ms = 10_000,
): Promise<AckResult<AckData<Events[E]>>> {
  try {
    const timed = socket.timeout(ms) as { emitWithAck(e: string, p: unknown): Promise<AckResult<AckData<Events[E]>>> };
    return await timed.emitWithAck(event, payload);
  } catch {
    return { ok: false, error: { code: 'unavailable', message: unavailableMessage } };
  }
}

/** How long a client waits before sending an idempotent command again while the server answers `unavailable`. */
export const UNAVAILABLE_RETRY_MS = [1000, 2000, 4000, 8000, 16_000] as const;

/**
 * Sends an idempotent command again while the answer is `unavailable` (the server's database
 * restarting, or no answer in time), after each wait in turn, then resolves with the last answer.
 * Only for commands a repeat cannot do twice: a message carries its client id, stored once.
 */
export async function retryWhileUnavailable<T>(run: () => Promise<AckResult<T>>, waits: readonly number[] = UNAVAILABLE_RETRY_MS): Promise<AckResult<T>> {
  let r = await run();
  for (const ms of waits) {
    if (r.ok || r.error.code !== 'unavailable') return r;
    await new Promise((resolve) => setTimeout(resolve, ms));
    r = await run();
  }
  return r;
}
