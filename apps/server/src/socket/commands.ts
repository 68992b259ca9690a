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

/** One async handler per command, receiving the payload already validated by its schema. */
export type CommandHandlers<Events, Schemas extends Record<keyof Events, z.ZodType>> = {
  [K in keyof Events]: (payload: z.output<Schemas[K]>) => Promise<AckData<Events[K]>>;
};

export interface CommandContext {
  log: FastifyBaseLogger;
  limiter: Limiter;
  /** Rate-limit key: the visitor or user, so several tabs and nodes share one budget. */
  limitKey: string;
  /**
   * Runs before every command, after the rate limit: re-checks who the socket acts for (a helper's
   * session alive, their current rights). Throwing refuses the command with that error.
   */
  before?: () => Promise<void>;
  /** The language the socket's person reads (their profile's choice, else their browser's): ack errors are worded in it. */
  locale?: () => Locale;
}

/**
 * The one wrapper every socket command goes through: rate limit, validate with the protocol's
 * schema, run, and answer `{ ok, data }` or `{ ok: false, error }`. Unknown events get an error ack. Every error is
 * worded here, once, in the person's language (i18n/errors): handlers and schemas write English.
 */
export function registerCommands<Events, Schemas extends Record<keyof Events, z.ZodType>>(
  socket: Socket,
  schemas: Schemas,
  handlers: CommandHandlers<Events, Schemas>,
  ctx: CommandContext,
): void {
  for (const event of Object.keys(schemas) as (keyof Events & string)[]) {
    const schema = schemas[event];
    const handler = handlers[event];
    socket.on(event as string, async (payload: unknown, ack: unknown) => {
      if (typeof ack !== 'function') return; // every command is a request: no ack, nobody to answer
      const reply = ack as (r: AckResult<unknown>) => void;
      try {
        await ctx.limiter.consume(ctx.limitKey);
        await ctx.before?.();
        // Postgres cannot store NUL or lone surrogates: refuse them here rather than fail deep in a query as `internal`.
        if (hasUnstorableText(payload)) throw new AppError(ErrorCode.badRequest, `Invalid ${event} payload — ${UNSTORABLE_MESSAGE}`);
        const parsed = schema.safeParse(payload ?? {});
        if (!parsed.success) {
          const first = parsed.error.issues[0];
          const where = first?.path.length ? `${first.path.join('.')}: ` : '';
          throw new AppError(ErrorCode.badRequest, `Invalid ${event} payload — ${where}${first?.message ?? 'invalid'}`);
        }
        reply({ ok: true, data: await handler(parsed.data) });
      } catch (e) {
        reply({ ok: false, error: localiseErrorBody(toErrorBody(e, ctx.log, event), ctx.locale?.() ?? 'en') });
      }
    });
  }
  socket.onAny((event: string, ...args: unknown[]) => {
    if (Object.hasOwn(schemas, event)) return;
    const last = args.at(-1);
    if (typeof last === 'function') {
      const error = { code: ErrorCode.badRequest, message: `Unknown event ${String(event).slice(0, 40)}` };
      (last as (r: AckResult<never>) => void)({ ok: false, error: localiseErrorBody(error, ctx.locale?.() ?? 'en') });
    }
  });
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
