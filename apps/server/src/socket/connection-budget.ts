import { STATUS_CODES, type IncomingMessage, type ServerResponse } from 'node:http';
import type { FastifyBaseLogger } from 'fastify';
import type { Namespace, Server, ServerOptions } from 'socket.io';
import { ErrorCode } from '@tribu/protocol';
import { addressGroup } from '../lib/address-group.ts';
import { AppError, statusOf } from '../lib/errors.ts';
import { localiseErrorBody } from '../i18n/errors/translate.ts';
import { resolveLocale } from '../i18n/locale.ts';
import { createLimiter, type LimiterSpec } from '../lib/rate-limiter.ts';
import type { RedisHandles } from '../plugins/redis.ts';

/**
 * New connections per address (IPv6 by /64), over every node: the documented budget (60 a minute by
 * default), at the engine and at each namespace.
 */
export const connectionRate = (l: Pick<ConnectionLimits, 'CONNECTION_RATE' | 'CONNECTION_RATE_WINDOW_S'>): LimiterSpec => ({
  points: l.CONNECTION_RATE,
  duration: l.CONNECTION_RATE_WINDOW_S,
});

export interface ConnectionLimits {
  /** Open connections this node holds at most; the next one is refused with 503. */
  MAX_CONNECTIONS: number;
  /** Open connections one address (IPv6: one /64) may hold on this node; the next one is refused with 429. */
  MAX_CONNECTIONS_PER_ADDRESS: number;
  /** How long a connection may stay without being in a namespace before it is closed. */
  CONNECT_TIMEOUT_MS: number;
  /** New connections one address may open per `CONNECTION_RATE_WINDOW_S` seconds. */
  CONNECTION_RATE: number;
  CONNECTION_RATE_WINDOW_S: number;
  TRUST_PROXY: boolean;
}

/** engine.io keeps the HTTP response of a long-polling request on it; an upgrade has none. */
type EngineRequest = IncomingMessage & { res?: ServerResponse };
interface Place {
  group: string;
  released: boolean;
}
type EngineConnection = Server['engine']['clients'][string];

/** How long an admitted request may take to become a connection before its place is given back. */
const ADMISSION_MS = 5_000;

/**
 * The client's address of an HTTP request, by the same rule as the namespaces' `clientAddress`: behind
 * `TRUST_PROXY`, the last `X-Forwarded-For` entry (the one our balancer appended), else the peer.
 */
export function requestAddress(req: IncomingMessage, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = req.headers['x-forwarded-for'];
    const last = (Array.isArray(forwarded) ? forwarded.join(',') : forwarded)?.split(',').at(-1)?.trim();
    if (last) return last;
  }
  return req.socket.remoteAddress ?? '';
}

/**
 * The connection budget, applied before any namespace: every new engine.io connection (WebSocket or
 * long-polling) is counted against the node's cap, its address's open connections and its address's
 * rate, in engine.io's `allowRequest`, and refused there with a status and `Retry-After`. A
 * connection that is in no namespace — never joined one, joined only `/` or left its last one — is
 * closed after `CONNECT_TIMEOUT_MS`, so nobody holds sockets without passing a handshake.
 */
export function connectionBudget(limits: ConnectionLimits, redis: RedisHandles | undefined, log: FastifyBaseLogger) {
  const spec = connectionRate(limits);
  const rate = createLimiter('engine-connections', spec, redis && { client: redis.client, prefix: redis.prefix });
  const byGroup = new Map<string, number>();
  let open = 0;
  const admitted = new WeakMap<IncomingMessage, Place>();

  const take = (group: string): Place => {
    open++;
    byGroup.set(group, (byGroup.get(group) ?? 0) + 1);
    return { group, released: false };
  };
  const release = (place: Place) => {
    if (place.released) return;
    place.released = true;
    open--;
    const left = (byGroup.get(place.group) ?? 1) - 1;
    if (left > 0) byGroup.set(place.group, left);
    else byGroup.delete(place.group);
  };

  const refuse = (req: EngineRequest, error: AppError, retryAfterSeconds: number) => {
    log.debug({ code: error.code, open }, 'connection refused before any namespace');
    answerRefusal(req, error, retryAfterSeconds);
  };

  const allowRequest = (req: EngineRequest, answer: (message: string | null | undefined, success: boolean) => void): void => {
    const group = addressGroup(requestAddress(req, limits.TRUST_PROXY));
    if (open >= limits.MAX_CONNECTIONS) {
      return refuse(req, new AppError(ErrorCode.unavailable, 'This server is full; please try again in a moment'), 5);
    }
    if ((byGroup.get(group) ?? 0) >= limits.MAX_CONNECTIONS_PER_ADDRESS) {
      return refuse(req, new AppError(ErrorCode.rateLimited, 'Too many open connections from your address'), 30);
    }
    // Taken before the rate check's round trip, so a burst cannot pass the caps all at once.
    const place = take(group);
    rate.consume(`ip:${group}`).then(
      () => {
        admitted.set(req, place);
        // An upgrade that fails after this (a bad key, a client gone) never becomes a connection.
        setTimeout(() => {
          if (admitted.delete(req)) release(place);
        }, ADMISSION_MS).unref();
        answer(null, true);
      },
      (e: unknown) => {
        release(place);
        if (e instanceof AppError) return refuse(req, e, spec.duration);
        log.warn({ err: e }, 'connection budget unavailable');
        refuse(req, new AppError(ErrorCode.unavailable, 'Could not connect; please retry'), 5);
      },
    );
  };

  const onConnection = (conn: EngineConnection) => {
    const request = conn.request as IncomingMessage;
    const place = admitted.get(request);
    if (!place) return;
    admitted.delete(request);
    // Admitted late (past ADMISSION_MS): it counts again from now.
    const held = place.released ? take(place.group) : place;
    conn.once('close', () => release(held));
  };

  return {
    /** Socket.IO options: the budget in `allowRequest`, and the time a connection has to join a namespace. */
    options: { allowRequest, connectTimeout: limits.CONNECT_TIMEOUT_MS } satisfies Partial<ServerOptions>,
    /** Counts connections until they close; closes those left in no namespace. */
    watch(io: Server, namespaces: Namespace[]) {
      io.engine.on('connection', onConnection);
      // Nothing is served on `/`: a client there would be in a namespace without any handshake.
      io.use((_socket, next) => next(new Error('Connect to /visitor or /helper')));
      closeWhenNoNamespace(namespaces, limits.CONNECT_TIMEOUT_MS);
    },
  };
}

/**
 * Socket.IO closes a connection that has joined no namespace after `connectTimeout`, but not one
 * that joined and then left its namespaces: the same rule holds for it.
 */
function closeWhenNoNamespace(namespaces: Namespace[], timeoutMs: number): void {
  const joined = new WeakMap<EngineConnection, number>();
  for (const ns of namespaces) {
    ns.on('connection', (socket) => {
      const conn = socket.conn;
      joined.set(conn, (joined.get(conn) ?? 0) + 1);
      socket.once('disconnect', () => {
        const left = (joined.get(conn) ?? 1) - 1;
        joined.set(conn, left);
        if (left > 0 || conn.readyState !== 'open') return;
        setTimeout(() => {
          if ((joined.get(conn) ?? 0) === 0 && conn.readyState === 'open') conn.close();
        }, timeoutMs).unref();
      });
    });
  }
}

/**
 * Answers a refused handshake ourselves, with the status of its error code and `Retry-After`
 * (engine.io would say 400 or 403): `{ error: { code, message } }` as every HTTP error of Tribu.
 * engine.io's callback is not called, so nothing else writes to the request.
 */
function answerRefusal(req: EngineRequest, error: AppError, retryAfterSeconds: number): void {
  const status = statusOf(error.code);
  const body = JSON.stringify({ error: localiseErrorBody(error.toBody(), resolveLocale({ acceptLanguage: req.headers['accept-language'] })) });
  const headers = { 'content-type': 'application/json', 'retry-after': String(retryAfterSeconds) };
  if (req.res) {
    if (!req.res.headersSent) req.res.writeHead(status, headers).end(body);
    return;
  }
  const socket = req.socket;
  socket.on('error', () => undefined);
  if (!socket.writable) return void socket.destroy();
  const head = [`HTTP/1.1 ${status} ${STATUS_CODES[status]}`, 'connection: close', `content-length: ${Buffer.byteLength(body)}`];
  for (const [name, value] of Object.entries(headers)) head.push(`${name}: ${value}`);
  socket.end(`${head.join('\r\n')}\r\n\r\n${body}`);
  // HTTP sockets stay half-open after end(): close it for good once the answer is out.
  socket.once('finish', () => socket.destroy());
}
