import { io, type Socket } from 'socket.io-client';
import {
  PROTOCOL_VERSION,
  keepConnecting,
  request,
  type LinkWait,
  type AckData as AckDataOf,
  type HelperClientEvents,
  type HelperServerEvents,
  type PayloadOf,
} from '@tribu/protocol/client';
import { clientWords } from '../api/http.ts';

export type HelperSocket = Socket<HelperServerEvents, HelperClientEvents>;

export type AckData<E extends keyof HelperClientEvents> = AckDataOf<HelperClientEvents[E]>;

/** Who follows a socket's link: told of each wait for a next attempt, and of a refusal a person must fix. */
const watchers = new WeakMap<HelperSocket, { waits: (() => void)[]; refusals: (() => void)[] }>();

/**
 * Sockets of this tab waiting to reconnect, with the wait of each: the pages show one state for the
 * tab ("retrying in 8 s") and "Retry now" retries them all.
 */
const waiting = new Map<HelperSocket, { wait: LinkWait; retryNow: () => void }>();
const waitListeners = new Set<() => void>();
const waitChanged = () => waitListeners.forEach((f) => f());

/**
 * A `/helper` socket that comes back by itself: after a lost connection or a handshake refused as
 * unavailable, internal or rate limited it connects again with the shared backoff (`keepConnecting`),
 * which Socket.IO does not do for a refused handshake.
 */
export function connectHelper(): HelperSocket {
  const s: HelperSocket = io('/helper', {
    auth: { protocolVersion: PROTOCOL_VERSION },
    withCredentials: true,
    transports: ['websocket', 'polling'],
    // One retry rule for every case, keepConnecting's: Socket.IO's own covers only lost connections.
    reconnection: false,
  });
  const done = () => waiting.delete(s) && waitChanged();
  const watching = { waits: [] as (() => void)[], refusals: [] as (() => void)[] };
  watchers.set(s, watching);
  const link = keepConnecting(s, {
    waiting: (wait) => {
      waiting.set(s, { wait, retryNow: () => link.retryNow() });
      waitChanged();
      watching.waits.forEach((f) => f());
    },
    refused: () => {
      done();
      watching.refusals.forEach((f) => f());
    },
  });
  s.on('connect', done);
  s.on('disconnect', (reason) => reason === 'io client disconnect' && done());
  return s;
}

/** Sends a command; a timeout or a dropped connection comes back as an error result, never a throw. */
export const command = <E extends keyof HelperClientEvents>(socket: HelperSocket, event: E, payload: PayloadOf<HelperClientEvents[E]>) =>
  request<HelperClientEvents, E>(socket, event, payload, clientWords.noAnswer);

let n = 0;
export const newClientId = () => `b${Date.now().toString(36)}${(n++).toString(36)}${Math.random().toString(36).slice(2, 8)}`;

/** The soonest wait of this tab's sockets for their next attempt (null when none is waiting). */
export function tabWait(): LinkWait | null {
  let soonest: LinkWait | null = null;
  for (const { wait } of waiting.values()) if (!soonest || wait.retryAt < soonest.retryAt) soonest = wait;
  return soonest;
}

/** Calls `f` whenever a socket of this tab starts or stops waiting; returns the unsubscribe. */
export function onTabWait(f: () => void): () => void {
  waitListeners.add(f);
  return () => void waitListeners.delete(f);
}

/** "Retry now": every waiting socket of this tab connects at once. */
export function retryAllNow(): void {
  for (const { retryNow } of [...waiting.values()]) retryNow();
}

/** Follows a socket's link for the top bar: down or refused for a while → reconnecting, refused for good → signed out. */
export function watchLink(s: HelperSocket, setLink: (l: 'reconnecting' | 'refused') => void, onRefused: () => void): void {
  const watching = watchers.get(s);
  watching?.waits.push(() => setLink('reconnecting'));
  watching?.refusals.push(() => {
    setLink('refused');
    onRefused();
  });
}
