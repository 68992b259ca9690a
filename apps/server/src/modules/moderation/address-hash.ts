import { createHmac } from 'node:crypto';

/**
 * A keyed hash of a network address: bans can match it, nobody can read the address back. IPv4 seen
 * through an IPv6 socket (`::ffff:1.2.3.4`) is the same address.
 */
export function hashAddress(secret: string, address: string): string {
  const plain = address.startsWith('::ffff:') ? address.slice(7) : address;
  return createHmac('sha256', secret).update(`ip:${plain}`).digest('base64url');
}
