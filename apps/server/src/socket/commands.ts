import type { FastifyBaseLogger } from 'fastify';
import type { Socket } from 'socket.io';
import type { z } from 'zod';
import { ErrorCode, type AckData, type AckResult, type ErrorBody } from '@tribu/protocol';
import { unavailableIfDown } from '../lib/pg-errors.ts';
import { AppError } from '../lib/errors.ts';
import { UNSTORABLE_MESSAGE, hasUnstorableText } from '../lib/unstorable-text.ts';
import type { Limiter } from '../lib/rate-limiter.ts';
import { localiseErrorBody } from '../i18n/errors/translate.ts';
import type { Locale } from '../i18n/locale.ts';

/** One async handler per command, receiving the payload already validated by its schema, and the socket it came on. */
export type CommandHandlers<Events, Schemas extends Record<keyof Events, z.ZodType>, S = Socket> = {
  [K in keyof Events]: (payload: z.output<Schemas[K]>, socket: S) => Promise<AckData<Events[K]>>;
};

export interface CommandContext<S = Socket> {
  log: FastifyBaseLogger;
  limiter: Limiter;
  /** Rate-limit key: the visitor or user, so several tabs and nodes share one budget. */
  limitKey: (socket: S) => string;
  /**
   * Runs before every command, after the rate limit: re-checks who the socket acts for (a helper's
   * session alive, their current rights). Throwing refuses the command with that error.
   */
  before?: (socket: S) => Promise<void>;
  /** The language the socket's person reads (their profile's choice, else their browser's): ack errors are worded in it. */
  locale?: (socket: S) => Locale;
}

/**
 * The one wrapper every socket command goes through: rate limit, validate with the protocol's
 * schema, run, and answer `{ ok, data }` or `{ ok: false, error }`. Unknown events get an error ack. Every error is
 * worded here, once, in the person's language (i18n/errors): handlers and schemas write English.
 *
 * It is one listener for every command of a socket (`socket.onAny(listener)`; Socket.IO calls it with
 * the socket as `this`), and one for all the sockets of a namespace whose handlers take their state
 * from the socket: a visitor socket then holds no closure of its own. Eleven listeners and eleven
 * handler closures per socket were ~7 KB of heap for each idle visitor.
 */
export function commandListener<Events, Schemas extends Record<keyof Events, z.ZodType>, S extends Socket = Socket>(
  schemas: Schemas,
  handlers: CommandHandlers<Events, Schemas, S>,
  ctx: CommandContext<S>,
): (this: S, event: string, ...args: unknown[]) => void {
  async function run(socket: S, event: keyof Events & string, payload: unknown, reply: (r: AckResult<unknown>) => void): Promise<void> {
    try {
      await ctx.limiter.consume(ctx.limitKey(socket));
      await ctx.before?.(socket);
      // Postgres cannot store NUL or lone surrogates: refuse them here rather than fail deep in a query as `internal`.
      if (hasUnstorableText(payload)) throw new AppError(ErrorCode.badRequest, `Invalid ${event} payload — ${UNSTORABLE_MESSAGE}`);
      const parsed = schemas[event].safeParse(payload ?? {});
      if (!parsed.success) {
        const first = parsed.error.issues[0];
        const where = first?.path.length ? `${first.path.join('.')}: ` : '';
        throw new AppError(ErrorCode.badRequest, `Invalid ${event} payload — ${where}${first?.message ?? 'invalid'}`);
      }
      reply({ ok: true, data: await handlers[event](parsed.data, socket) });
    } catch (e) {
      reply({ ok: false, error: localiseErrorBody(toErrorBody(e, ctx.log, event), ctx.locale?.(socket) ?? 'en') });
    }
  }
  return function (this: S, event: string, ...args: unknown[]) {
    const last = args.at(-1);
    if (typeof last !== 'function') return; // every command is a request: no ack, nobody to answer
    const reply = last as (r: AckResult<unknown>) => void;
    if (!Object.hasOwn(schemas, event)) {
      const error = { code: ErrorCode.badRequest, message: `Unknown event ${String(event).slice(0, 40)}` };
      return reply({ ok: false, error: localiseErrorBody(error, ctx.locale?.(this) ?? 'en') });
    }
    void run(this, event as keyof Events & string, args.length > 1 ? args[0] : undefined, reply);
  };
}

export function toErrorBody(e: unknown, log: FastifyBaseLogger, what: string): ErrorBody {
  if (e instanceof AppError) return e.toBody();
  // The database down or restarting: every command answers the retryable `unavailable`, not `internal`.
  const down = unavailableIfDown(e);
  if (down instanceof AppError) {
    log.warn({ err: e, event: what }, 'socket command failed: database unreachable');
    return down.toBody();
  }
  log.error({ err: e, event: what }, 'socket command failed');
  return { code: ErrorCode.internal, message: 'Something went wrong on our side; please retry' };
}
