import { io, type Socket } from 'socket.io-client';
import {
  CSRF_HEADER,
  PROTOCOL_VERSION,
  SESSION_COOKIE,
  type AckResult,
  type Conversation,
  type HelperClientEvents,
  type HelperServerEvents,
  type Me,
  type VisitorClientEvents,
  type VisitorServerEvents,
} from '@tribu/protocol';
import { ORIGIN_A, PASSWORD, USERS } from './fixtures.ts';

export type VisitorSocket = Socket<VisitorServerEvents, VisitorClientEvents>;
export type HelperSocket = Socket<HelperServerEvents, HelperClientEvents>;

const sockets: Socket[] = [];
/** Disconnects every socket the test opened. */
export function closeAllSockets(): void {
  for (const s of sockets.splice(0)) s.disconnect();
}

/** Mints a visitor identity through the real HTTP route, as the widget does. */
export async function mintVisitor(base: string, siteKey: string, origin: string) {
  const res = await fetch(`${base}/api/visitor/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin },
    body: JSON.stringify({ siteKey }),
  });
  if (!res.ok) throw new Error(`token: ${res.status} ${await res.text()}`);
  return (await res.json()) as { visitorId: string; token: string };
}

export async function connectVisitor(
  base: string,
  opts: { siteKey: string; origin: string; identity?: { visitorId: string; token: string }; protocolVersion?: number },
): Promise<{ socket: VisitorSocket; visitorId: string; token: string }> {
  const identity = opts.identity ?? (await mintVisitor(base, opts.siteKey, opts.origin));
  const socket: VisitorSocket = io(`${base}/visitor`, {
    transports: ['websocket'],
    extraHeaders: { origin: opts.origin },
    auth: { protocolVersion: opts.protocolVersion ?? PROTOCOL_VERSION, siteKey: opts.siteKey, ...identity },
    reconnection: false,
    forceNew: true,
  });
  sockets.push(socket);
  await connected(socket);
  return { socket, ...identity };
}

export async function login(base: string, email: string, password = PASSWORD) {
  const host = new URL(base).origin;
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: host },
    body: JSON.stringify({ email, password }),
  });
  if (!res.ok) throw new Error(`login ${email}: ${res.status} ${await res.text()}`);
  const cookie = res.headers
    .getSetCookie()
    .find((c) => c.startsWith(`${SESSION_COOKIE}=`))!
    .split(';')[0]!;
  return { cookie, me: (await res.json()) as Me };
}

export async function connectHelper(base: string, email: string, origin = new URL(base).origin, password = PASSWORD) {
  const { cookie, me } = await login(base, email, password);
  const socket: HelperSocket = io(`${base}/helper`, {
    transports: ['websocket'],
    extraHeaders: { cookie, origin },
    auth: { protocolVersion: PROTOCOL_VERSION },
    reconnection: false,
    forceNew: true,
  });
  sockets.push(socket);
  await connected(socket);
  return { socket, me, cookie, siteId: me.memberships[0]!.siteId };
}

export function connected(socket: Socket): Promise<void> {
  return new Promise((resolve, reject) => {
    if (socket.connected) return resolve();
    socket.once('connect', () => resolve());
    socket.once('connect_error', (err) => reject(err));
  });
}

/** Resolves with the connect_error a handshake ends with (the test expects a refusal). */
export function refusal(socket: Socket): Promise<{ message: string; data?: { code: string; message: string } }> {
  sockets.push(socket);
  return new Promise((resolve, reject) => {
    socket.once('connect', () => reject(new Error('connected, but a refusal was expected')));
    socket.once('connect_error', (err) => resolve(err as never));
  });
}

/** Sends a command and returns its ack. */
export async function send<T = unknown>(socket: Socket, event: string, payload: unknown): Promise<AckResult<T>> {
  return (await socket.timeout(5000).emitWithAck(event, payload)) as AckResult<T>;
}

/** The ack's data, failing the test with the error when the command was refused. */
export async function ok<T = unknown>(socket: Socket, event: string, payload: unknown): Promise<T> {
  const r = await send<T>(socket, event, payload);
  if (!r.ok) throw new Error(`${event} refused: ${r.error.code} ${r.error.message}`);
  return r.data;
}

/** The next time `event` arrives on the socket (with an optional filter). */
export function next<T>(socket: Socket, event: string, match: (v: T) => boolean = () => true, ms = 5000): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      socket.off(event, on);
      reject(new Error(`no ${event} within ${ms} ms`));
    }, ms);
    const on = (v: T) => {
      if (!match(v)) return;
      clearTimeout(timer);
      socket.off(event, on);
      resolve(v);
    };
    socket.on(event, on);
  });
}

let n = 0;
export const clientId = () => `c${Date.now().toString(36)}${(n++).toString(36)}`;

/** The common start of a scenario: a visitor of shop-a asks, and the given helper takes the request. */
export async function takenChat(base: string, helperEmail: string, question: string) {
  const helper = await connectHelper(base, helperEmail);
  const visitor = await connectVisitor(base, { siteKey: 'shop-a', origin: ORIGIN_A });
  const { conversation } = await ok<{ conversation: Conversation }>(visitor.socket, 'conversation:start', {
    clientId: clientId(),
    text: question,
  });
  await ok(helper.socket, 'conversation:claim', { conversationId: conversation.id });
  return { helper, visitor, conversation };
}

/** A JSON answer of the API as a test reads it (a CSV or empty body leaves `data` undefined). */
export interface CallResult<T> {
  status: number;
  data: T;
  text: string;
  headers: Headers;
}

/**
 * Calls as a signed-in fixture person (their cookie and CSRF token, from Tribu's own origin); each
 * person signs in once per caller.
 */
export function signedInCaller(base: () => string) {
  const logins = new Map<string, ReturnType<typeof login>>();
  return async function call<T = unknown>(who: keyof typeof USERS, method: string, path: string, body?: unknown): Promise<CallResult<T>> {
    if (!logins.has(who)) logins.set(who, login(base(), USERS[who].email));
    const { cookie, me } = await logins.get(who)!;
    const res = await fetch(`${base()}${path}`, {
      method,
      headers: { cookie, origin: new URL(base()).origin, [CSRF_HEADER]: me.csrfToken, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    const text = await res.text();
    let data: T = undefined as T;
    try {
      data = JSON.parse(text) as T;
    } catch {
      // CSV, or no body
    }
    return { status: res.status, data, text, headers: res.headers };
  };
}
