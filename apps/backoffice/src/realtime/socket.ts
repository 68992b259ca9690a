import { io, type Socket } from 'socket.io-client';
import { PROTOCOL_VERSION, type AckResult, type HelperClientEvents, type HelperServerEvents } from '@tribu/protocol/client';

export type HelperSocket = Socket<HelperServerEvents, HelperClientEvents>;

export type AckData<E extends keyof HelperClientEvents> = Parameters<HelperClientEvents[E]>[1] extends (
  r: AckResult<infer T>,
) => void
  ? T
  : never;

export function connectHelper(): HelperSocket {
  return io('/helper', { auth: { protocolVersion: PROTOCOL_VERSION }, withCredentials: true, transports: ['websocket', 'polling'] });
}

/** Sends a command; a timeout or a dropped connection comes back as an error result, never a throw. */
export async function command<E extends keyof HelperClientEvents>(
  socket: HelperSocket,
  event: E,
  payload: Parameters<HelperClientEvents[E]>[0],
): Promise<AckResult<AckData<E>>> {
  try {
    const timed = socket.timeout(10_000) as unknown as { emitWithAck: (e: E, p: unknown) => Promise<AckResult<AckData<E>>> };
    return await timed.emitWithAck(event, payload);
  } catch {
    return { ok: false, error: { code: 'unavailable', message: 'No answer from the server; try again' } };
  }
}

let n = 0;
export const newClientId = () => `b${Date.now().toString(36)}${(n++).toString(36)}${Math.random().toString(36).slice(2, 8)}`;
