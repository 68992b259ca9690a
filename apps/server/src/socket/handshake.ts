import type { Socket } from 'socket.io';
import { ErrorCode, PROTOCOL_VERSION } from '@tribu/protocol';
import { AppError } from '../lib/errors.ts';
import { unavailableIfDown } from '../lib/pg-errors.ts';
import { translateError } from '../i18n/errors/translate.ts';
import { fromAcceptLanguage } from '../i18n/locale.ts';

/** Error passed to `next()` in a namespace middleware; the client reads `err.message` and `err.data`. */
export function handshakeError(code: ErrorCode, message: string): Error & { data: { code: ErrorCode; message: string } } {
  return Object.assign(new Error(code), { data: { code, message } });
}

/**
 * An `AppError` keeps its code; a database that cannot be reached is the retryable `unavailable`
 * (the widget and the desk try again by themselves); anything else is `internal`. The message is in the
 * browser's language (the handshake's `Accept-Language`): nobody is signed in yet.
 */
export function toHandshakeError(e: unknown, socket?: Socket): Error {
  const known = unavailableIfDown(e);
  const locale = fromAcceptLanguage(socket?.handshake.headers['accept-language']) ?? 'en';
  if (known instanceof AppError) return handshakeError(known.code, translateError(known.message, locale));
  return handshakeError(ErrorCode.internal, translateError('Could not connect; please retry', locale));
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
