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

// Moderation hashes the same address for bans: one definition, in lib/.
export { clientAddress } from '../lib/client-address.ts';
