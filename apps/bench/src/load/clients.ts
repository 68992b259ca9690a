import { randomUUID } from 'node:crypto';
import { io, type ManagerOptions, type Socket, type SocketOptions } from 'socket.io-client';
import { PROTOCOL_VERSION, SESSION_COOKIE, type AckResult } from '@tribu/protocol';
import type { ServerChild } from '../server/child.ts';
import { BENCH_ORIGIN, BENCH_SITE_KEY, HELPER_PASSWORD, helperEmail, type BareTarget, type Target } from '../server/targets.ts';

export interface Identity {
  visitorId: string;
  token: string;
  /** The simulated client's own address, sent as X-Forwarded-For. */
  address: string;
}

let addresses = 0;
/** A distinct loopback-routed client address per simulated person (10.0.0.0/8, never dialled). */
export function nextAddress(): string {
  const i = ++addresses;
  return `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`;
}

/** Runs `fn` for 0..n-1 with at most `concurrency` in flight; returns results in order. */
export async function pool<T>(n: number, concurrency: number, fn: (i: number) => Promise<T>): Promise<T[]> {
  const out = new Array<T>(n);
  let next = 0;
  const worker = async () => {
    while (next < n) {
      const i = next++;
      out[i] = await fn(i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(n, concurrency) }, worker));
  return out;
}

/** Visitor identities: Tribu mints them over HTTP as the widget does; bare signs them locally. */
export async function mintVisitors(target: Target, node: ServerChild, n: number): Promise<Identity[]> {
  if (target.kind === 'bare') {
    return Array.from({ length: n }, () => {
      const visitorId = randomUUID();
      return { visitorId, token: (target as BareTarget).token(visitorId), address: nextAddress() };
    });
  }
  return pool(n, 32, async () => {
    const address = nextAddress();
    const res = await fetch(`${node.url}/api/visitor/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: BENCH_ORIGIN, 'x-forwarded-for': address },
      body: JSON.stringify({ siteKey: BENCH_SITE_KEY }),
      signal: AbortSignal.timeout(15_000),
    });
    if (!res.ok) throw new Error(`visitor token: ${res.status} ${await res.text()}`);
    const body = (await res.json()) as { visitorId: string; token: string };
    return { ...body, address };
  });
}

const socketOptions = { transports: ['websocket'], reconnection: false, forceNew: true, timeout: 20_000 } satisfies Partial<ManagerOptions & SocketOptions>;

export function connectVisitor(target: Target, node: ServerChild, id: Identity): Promise<Socket> {
  const socket = io(`${node.url}/visitor`, {
    ...socketOptions,
    extraHeaders: { origin: BENCH_ORIGIN, 'x-forwarded-for': id.address },
    auth:
      target.kind === 'bare'
        ? { visitorId: id.visitorId, token: id.token }
        : { protocolVersion: PROTOCOL_VERSION, siteKey: BENCH_SITE_KEY, visitorId: id.visitorId, token: id.token },
  });
  return connected(socket);
}

/** A helper's tab: Tribu signs in over HTTP (session cookie), bare signs a token locally. */
export async function connectHelper(target: Target, node: ServerChild, index: number): Promise<Socket> {
  const address = nextAddress();
  if (target.kind === 'bare') {
    const userId = randomUUID();
    return connected(io(`${node.url}/helper`, { ...socketOptions, auth: { userId, token: (target as BareTarget).token(userId) } }));
  }
  const res = await fetch(`${node.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: node.url, 'x-forwarded-for': address },
    body: JSON.stringify({ email: helperEmail(index), password: HELPER_PASSWORD }),
    signal: AbortSignal.timeout(30_000),
  });
  if (!res.ok) throw new Error(`login ${helperEmail(index)}: ${res.status} ${await res.text()}`);
  const cookie = res.headers
    .getSetCookie()
    .find((c) => c.startsWith(`${SESSION_COOKIE}=`))
    ?.split(';')[0];
  if (!cookie) throw new Error('login: no session cookie');
  return connected(
    io(`${node.url}/helper`, {
      ...socketOptions,
      extraHeaders: { cookie, origin: node.url, 'x-forwarded-for': address },
      auth: { protocolVersion: PROTOCOL_VERSION },
    }),
  );
}

function connected(socket: Socket): Promise<Socket> {
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (err) => {
      socket.close();
      reject(err);
    });
  });
}

/** A command and its ack; throws the server's error so no failure passes silently. */
export async function command<T>(socket: Socket, event: string, payload: unknown, ms = 15_000): Promise<T> {
  const r = (await socket.timeout(ms).emitWithAck(event, payload)) as AckResult<T>;
  if (!r.ok) throw new CommandError(event, r.error.code, r.error.message);
  return r.data;
}

export class CommandError extends Error {
  constructor(
    readonly event: string,
    readonly code: string,
    message: string,
  ) {
    super(`${event}: ${code} ${message}`);
  }
}
