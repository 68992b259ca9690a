import { io, type Socket } from 'socket.io-client';
import {
  PROTOCOL_VERSION,
  request,
  type AckData as AckDataOf,
  type HelperClientEvents,
  type HelperServerEvents,
  type PayloadOf,
} from '@tribu/protocol/client';

export type HelperSocket = Socket<HelperServerEvents, HelperClientEvents>;

export type AckData<E extends keyof HelperClientEvents> = AckDataOf<HelperClientEvents[E]>;

export function connectHelper(): HelperSocket {
  return io('/helper', { auth: { protocolVersion: PROTOCOL_VERSION }, withCredentials: true, transports: ['websocket', 'polling'] });
}

/** Sends a command; a timeout or a dropped connection comes back as an error result, never a throw. */
export const command = <E extends keyof HelperClientEvents>(
  socket: HelperSocket,
  event: E,
  payload: PayloadOf<HelperClientEvents[E]>,
) => request<HelperClientEvents, E>(socket, event, payload, 'No answer from the server; try again');

let n = 0;
export const newClientId = () => `b${Date.now().toString(36)}${(n++).toString(36)}${Math.random().toString(36).slice(2, 8)}`;

/** Follows a socket's link for the top bar: down → reconnecting, a refused session → signed out. */
export function watchLink(
  s: HelperSocket,
  setLink: (l: 'reconnecting' | 'refused') => void,
  onRefused: () => void,
): void {
  s.on('disconnect', () => setLink('reconnecting'));
  s.on('connect_error', (err) => {
    if (err.message !== 'unauthorized') return setLink('reconnecting');
    setLink('refused');
    onRefused();
  });
}
