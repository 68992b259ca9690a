import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';

/** Why an address may not be called from the server, or null when it is an ordinary public one. */
export type AddressRefusal = 'loopback' | 'private' | 'link-local' | 'shared (CGNAT)' | 'multicast' | 'reserved' | 'unique-local' | 'unspecified';

type V4Range = [base: number, bits: number, why: AddressRefusal];
const v4 = (a: string, bits: number, why: AddressRefusal): V4Range => [ipv4ToInt(a)!, bits, why];
const V4_REFUSED: V4Range[] = [
  v4('0.0.0.0', 8, 'unspecified'),
  v4('10.0.0.0', 8, 'private'),
  v4('100.64.0.0', 10, 'shared (CGNAT)'),
  v4('127.0.0.0', 8, 'loopback'),
  v4('169.254.0.0', 16, 'link-local'),
  v4('172.16.0.0', 12, 'private'),
  v4('192.0.0.0', 24, 'reserved'),
  v4('192.0.2.0', 24, 'reserved'),
  v4('192.88.99.0', 24, 'reserved'),
  v4('192.168.0.0', 16, 'private'),
  v4('198.18.0.0', 15, 'reserved'),
  v4('198.51.100.0', 24, 'reserved'),
  v4('203.0.113.0', 24, 'reserved'),
  v4('224.0.0.0', 4, 'multicast'),
  v4('240.0.0.0', 4, 'reserved'),
];

function ipv4ToInt(a: string): number | null {
  const parts = a.split('.');
  if (parts.length !== 4) return null;
  let n = 0;
  for (const p of parts) {
    if (!/^\d{1,3}$/.test(p) || Number(p) > 255) return null;
    n = n * 256 + Number(p);
  }
  return n;
}

/** The 16 bytes of an IPv6 address (with `::` and a dotted IPv4 tail), or null. */
function ipv6Bytes(a: string): number[] | null {
  let s = a.replace(/%.*$/, '').toLowerCase();
  // A dotted IPv4 tail (::ffff:127.0.0.1) is two groups written another way.
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(s);
  if (dotted) {
    const n = ipv4ToInt(dotted[1]!);
    if (n === null) return null;
    s = `${s.slice(0, -dotted[1]!.length)}${(n >>> 16).toString(16)}:${(n & 0xffff).toString(16)}`;
  }
  const halves = s.split('::');
  if (halves.length > 2) return null;
  const words = (h: string) => (h === '' ? [] : h.split(':'));
  const head = words(halves[0]!);
  const rest = halves.length === 2 ? words(halves[1]!) : [];
  const missing = 8 - head.length - rest.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return null;
  const bytes: number[] = [];
  for (const w of [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill('0'), ...rest]) {
    if (!/^[0-9a-f]{1,4}$/.test(w)) return null;
    const n = parseInt(w, 16);
    bytes.push(n >> 8, n & 255);
  }
  return bytes;
}

function v4Refusal(n: number): AddressRefusal | null {
  if (n === 0xffffffff) return 'reserved';
  for (const [base, bits, why] of V4_REFUSED) {
    const mask = bits === 0 ? 0 : (0xffffffff << (32 - bits)) >>> 0;
    if ((n & mask) >>> 0 === (base & mask) >>> 0) return why;
  }
  return null;
}

const bytesToV4 = (b: number[], at: number) => ((b[at]! << 24) | (b[at + 1]! << 16) | (b[at + 2]! << 8) | b[at + 3]!) >>> 0;
const startsWith = (b: number[], prefix: number[]) => prefix.every((x, i) => b[i] === x);

function v6Refusal(b: number[]): AddressRefusal | null {
  const zeros = (n: number) => b.slice(0, n).every((x) => x === 0);
  if (zeros(16)) return 'unspecified';
  if (zeros(15) && b[15] === 1) return 'loopback';
  // IPv4-mapped (::ffff:a.b.c.d) and IPv4-compatible (::a.b.c.d): the IPv4 address inside decides.
  if (zeros(10) && b[10] === 0xff && b[11] === 0xff) return v4Refusal(bytesToV4(b, 12));
  if (zeros(12)) return v4Refusal(bytesToV4(b, 12)) ?? 'reserved';
  // NAT64 (64:ff9b::/96) reaches an IPv4 address; 6to4 (2002::/16) embeds one.
  if (startsWith(b, [0x00, 0x64, 0xff, 0x9b]) && b.slice(4, 12).every((x) => x === 0)) return v4Refusal(bytesToV4(b, 12));
  if (startsWith(b, [0x20, 0x02])) return v4Refusal(bytesToV4(b, 2));
  if (startsWith(b, [0x20, 0x01, 0x00, 0x00])) return 'reserved'; // Teredo tunnels to anywhere
  if (startsWith(b, [0x20, 0x01, 0x0d, 0xb8])) return 'reserved'; // documentation
  if (startsWith(b, [0x01, 0x00, 0, 0, 0, 0, 0, 0])) return 'reserved'; // discard-only
  if ((b[0]! & 0xfe) === 0xfc) return 'unique-local';
  if (b[0] === 0xfe && (b[1]! & 0xc0) === 0x80) return 'link-local';
  if (b[0] === 0xfe && (b[1]! & 0xc0) === 0xc0) return 'private'; // site-local (deprecated)
  if (b[0] === 0xff) return 'multicast';
  return null;
}

/** Why the server must not call this IP address (IPv4 or IPv6, in any of their written forms), or null. */
export function addressRefusal(address: string): AddressRefusal | null {
  const ip = address.replace(/^\[|\]$/g, '');
  const family = isIP(ip.replace(/%.*$/, ''));
  if (family === 4) return v4Refusal(ipv4ToInt(ip)!);
  if (family === 6) {
    const bytes = ipv6Bytes(ip);
    return bytes ? v6Refusal(bytes) : 'reserved';
  }
  return 'reserved';
}

/** A host refused: it does not resolve, or resolves to an address the server must not call. */
export class UnsafeTarget extends Error {}

export interface ResolvedTarget {
  address: string;
  family: 4 | 6;
}

/**
 * Resolves a host name (or takes an IP literal) and returns the address to connect to. Every
 * address it resolves to must be public unless `allowPrivate`: one private answer refuses the host
 * (a name that points partly inside the network is not an outside endpoint).
 */
export async function resolveTarget(host: string, allowPrivate: boolean): Promise<ResolvedTarget> {
  const name = host.replace(/^\[|\]$/g, '');
  let found: { address: string; family: number }[];
  try {
    found = isIP(name) ? [{ address: name, family: isIP(name) }] : await lookup(name, { all: true, verbatim: true });
  } catch {
    throw new UnsafeTarget(`${name} does not resolve`);
  }
  if (found.length === 0) throw new UnsafeTarget(`${name} does not resolve`);
  if (!allowPrivate) {
    for (const f of found) {
      const why = addressRefusal(f.address);
      if (!why) continue;
      if (isIP(name)) throw new UnsafeTarget(`${name} is a ${why} address; only public addresses are allowed`);
      throw new UnsafeTarget(`${name} resolves to a ${why} address (${f.address}); only public addresses are allowed`);
    }
  }
  const first = found[0]!;
  return { address: first.address, family: first.family === 6 ? 6 : 4 };
}
