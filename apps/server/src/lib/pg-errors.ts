import { ErrorCode } from '@tribu/protocol';
import { AppError } from './errors.ts';

/** The error and its causes (drizzle wraps pg's errors; a refused connection may be an AggregateError). */
function* chain(e: unknown): Generator<object> {
  for (let cur: unknown = e, depth = 0; cur && typeof cur === 'object' && depth < 5; depth++) {
    yield cur;
    if (cur instanceof AggregateError) for (const inner of cur.errors) if (inner && typeof inner === 'object') yield inner;
    cur = 'cause' in cur ? (cur as { cause: unknown }).cause : undefined;
  }
}

const codeOf = (e: object): unknown => ('code' in e ? (e as { code: unknown }).code : undefined);

/** Whether a database error (pg, PGlite, or drizzle's wrapper around them) is a unique violation. */
export function isUniqueViolation(e: unknown): boolean {
  for (const cur of chain(e)) if (codeOf(cur) === '23505') return true;
  return false;
}

/** Socket errors of a database that is down or restarting. */
const networkCodes = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);
/** SQLSTATEs of a server shutting down, starting up, or out of connections; class 08 is "connection exception". */
const unavailableStates = new Set(['57P01', '57P02', '57P03', '53300']);
/** node-postgres says these in words, without a code. */
const lostConnection = /connection terminated|not queryable|connection timeout|terminating connection/i;

/**
 * Whether a database call failed because the database could not be reached (down, restarting, its
 * connection cut) rather than because of the statement: the same call may succeed when retried.
 */
export function isConnectionFailure(e: unknown): boolean {
  for (const cur of chain(e)) {
    const code = codeOf(cur);
    if (typeof code === 'string' && (networkCodes.has(code) || unavailableStates.has(code) || code.startsWith('08'))) return true;
    if (cur instanceof Error && lostConnection.test(cur.message)) return true;
  }
  return false;
}

/** The database refused to leave a site without an active admin (trigger `site_keeps_an_admin`, migration 0010). */
export function isLastAdminViolation(e: unknown): boolean {
  for (const cur of chain(e)) {
    if (codeOf(cur) === '23514' && 'constraint' in cur && (cur as { constraint: unknown }).constraint === 'site_keeps_an_admin') return true;
  }
  return false;
}

export const LAST_ADMIN_MESSAGE = 'A site must keep at least one active admin: make someone else admin of this site first';

/**
 * A connection failure becomes the retryable `unavailable`; a rule the database enforces for every
 * path (a site keeps an active admin) becomes its `conflict` with the reason; any other error is returned as it is.
 */
export function unavailableIfDown(e: unknown): unknown {
  if (e instanceof AppError) return e;
  if (isLastAdminViolation(e)) return new AppError(ErrorCode.conflict, LAST_ADMIN_MESSAGE);
  if (!isConnectionFailure(e)) return e;
  return new AppError(ErrorCode.unavailable, 'The database is unreachable for a moment; please retry');
}
