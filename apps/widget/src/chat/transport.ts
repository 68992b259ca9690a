import { io, type Socket } from 'socket.io-client';
import {
  PROTOCOL_VERSION,
  type AckResult,
  type VisitorClientEvents,
  type VisitorServerEvents,
  type VisitorTokenResponse,
} from '@tribu/protocol/client';

export type VisitorSocket = Socket<VisitorServerEvents, VisitorClientEvents>;

type Data<E extends keyof VisitorClientEvents> = Parameters<VisitorClientEvents[E]>[1] extends (
  r: AckResult<infer T>,
) => void
  ? T
  : never;

/** Sends a command and resolves with its ack; a timeout or disconnect resolves as an error too. */
export async function command<E extends keyof VisitorClientEvents>(
  socket: VisitorSocket,
  event: E,
  payload: Parameters<VisitorClientEvents[E]>[0],
): Promise<AckResult<Data<E>>> {
  try {
    const timed = socket.timeout(10_000) as unknown as { emitWithAck: (e: E, p: unknown) => Promise<AckResult<Data<E>>> };
    return await timed.emitWithAck(event, payload);
  } catch {
    return { ok: false, error: { code: 'unavailable', message: 'No answer from the server' } };
  }
}

export async function fetchToken(
  base: string,
  siteKey: string,
  known?: { visitorId: string; token: string },
): Promise<VisitorTokenResponse> {
  const res = await fetch(`${base}/api/visitor/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ siteKey, ...known }),
  });
  if (!res.ok) throw new Error(`token ${res.status}`);
  return (await res.json()) as VisitorTokenResponse;
}

export function connect(base: string, siteKey: string, id: { visitorId: string; token: string }): VisitorSocket {
  return io(`${base}/visitor`, {
    auth: { protocolVersion: PROTOCOL_VERSION, siteKey, visitorId: id.visitorId, token: id.token },
    transports: ['websocket', 'polling'],
  });
}

let counter = 0;
/** A client-made message id: retries reuse it so the server stores the message once. */
export function newClientId(): string {
  const rnd = Math.random().toString(36).slice(2, 10);
  return `w${Date.now().toString(36)}${(counter++).toString(36)}${rnd}`;
}
