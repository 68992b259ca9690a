import { createHmac } from 'node:crypto';
import type { Socket } from 'socket.io';

/**
 * The visitor's network address as the server sees it: behind a trusted proxy, the first address
 * of X-Forwarded-For (the client as the proxy saw it), else the socket's own peer address.
 */
export function clientAddress(socket: Pick<Socket, 'handshake'>, trustProxy: boolean): string {
  const forwarded = socket.handshake.headers['x-forwarded-for'];
  const first = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(',')[0]?.trim();
  const raw = trustProxy && first ? first : socket.handshake.address;
  // IPv4 seen through an IPv6 socket is the same address.
  return raw.startsWith('::ffff:') ? raw.slice(7) : raw;
}

/** A keyed hash of an address: bans can match it, nobody can read the address back. */
export function hashAddress(secret: string, address: string): string {
  return createHmac('sha256', secret).update(`ip:${address}`).digest('base64url');
}
