import { io, type Socket } from 'socket.io-client';
import {
  PROTOCOL_VERSION,
  request,
  type PayloadOf,
  type VisitorClientEvents,
  type VisitorServerEvents,
  type VisitorTokenResponse,
} from '@tribu/protocol/client';

export type VisitorSocket = Socket<VisitorServerEvents, VisitorClientEvents>;

/** Sends a visitor command and resolves with its ack (errors included, never a throw). */
export const command = <E extends keyof VisitorClientEvents>(socket: VisitorSocket, event: E, payload: PayloadOf<VisitorClientEvents[E]>) =>
  request<VisitorClientEvents, E>(socket, event, payload);

export async function fetchToken(base: string, siteKey: string, known?: { visitorId: string; token: string }): Promise<VisitorTokenResponse> {
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
    // useChat reconnects with keepConnecting: Socket.IO's own would not retry a refused handshake.
    reconnection: false,
  });
}

let counter = 0;
/** A client-made message id: retries reuse it so the server stores the message once. */
export function newClientId(): string {
  const rnd = Math.random().toString(36).slice(2, 10);
  return `w${Date.now().toString(36)}${(counter++).toString(36)}${rnd}`;
}
