import type { Socket } from 'socket.io';
import { ErrorCode, PROTOCOL_VERSION } from '@tribu/protocol';
import { AppError } from '../lib/errors.ts';
import { unavailableIfDown } from '../lib/pg-errors.ts';

/** Error passed to `next()` in a namespace middleware; the client reads `err.message` and `err.data`. */
export function handshakeError(code: ErrorCode, message: string): Error & { data: { code: ErrorCode; message: string } } {
  return Object.assign(new Error(code), { data: { code, message } });
}

/**
 * An `AppError` keeps its code; a database that cannot be reached is the retryable `unavailable`
 * (the widget and the desk try again by themselves); anything else is `internal`.
 */
export function toHandshakeError(e: unknown): Error {
  const known = unavailableIfDown(e);
  if (known instanceof AppError) return handshakeError(known.code, known.message);
  return handshakeError(ErrorCode.internal, 'Could not connect; please retry');
}

export function checkProtocolVersion(socket: Socket): void {
  const v = (socket.handshake.auth as { protocolVersion?: unknown }).protocolVersion;
  if (v !== PROTOCOL_VERSION) {
    throw new AppError(ErrorCode.versionMismatch, `Protocol version ${PROTOCOL_VERSION} is required; reload the page`);
  }
}

export function originOf(socket: Socket): { origin: string | undefined; host: string | undefined } {
  const h = socket.handshake.headers;
  return { origin: h.origin, host: h.host };
}

/**
 * The client's address for per-address limits and bans. Behind a load balancer (`TRUST_PROXY`),
 * every socket comes from the balancer, which appends the address it saw to `X-Forwarded-For`:
 * the client is the *last* entry (one trusted hop, as for HTTP). Earlier entries are whatever the
 * client sent, so keying by them would let anyone dodge a limit or a ban with a made-up header.
 */
export function clientAddress(socket: Socket, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = socket.handshake.headers['x-forwarded-for'];
    const last = (Array.isArray(forwarded) ? forwarded.join(',') : forwarded)?.split(',').at(-1)?.trim();
    if (last) return last;
  }
  return socket.handshake.address;
}
