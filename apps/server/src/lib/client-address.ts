import type { Socket } from 'socket.io';

/**
 * The client's address for per-address limits and bans. Behind a load balancer (`TRUST_PROXY`),
 * every socket comes from the balancer, which appends the address it saw to `X-Forwarded-For`:
 * the client is the *last* entry (one trusted hop, as for HTTP). Earlier entries are whatever the
 * client sent, so keying by them would let anyone dodge a limit or a ban with a made-up header.
 */
export function clientAddress(socket: Pick<Socket, 'handshake'>, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = socket.handshake.headers['x-forwarded-for'];
    const last = (Array.isArray(forwarded) ? forwarded.join(',') : forwarded)?.split(',').at(-1)?.trim();
    if (last) return last;
  }
  return socket.handshake.address;
}
