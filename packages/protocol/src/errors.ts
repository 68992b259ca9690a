/** Closed set of error codes returned in acks and HTTP error bodies. */
export const ErrorCode = {
  badRequest: 'bad_request',
  unauthorized: 'unauthorized',
  forbidden: 'forbidden',
  notFound: 'not_found',
  conflict: 'conflict',
  alreadyClaimed: 'already_claimed',
  capReached: 'cap_reached',
  invalidState: 'invalid_state',
  rateLimited: 'rate_limited',
  originNotAllowed: 'origin_not_allowed',
  versionMismatch: 'version_mismatch',
  unavailable: 'unavailable',
  /** A visitor a site's managers banned: the widget shows a polite unavailable state. */
  banned: 'banned',
  internal: 'internal',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export interface ErrorBody {
  code: ErrorCode;
  message: string;
  /** A form's problems by field path (`texts.en.launcher`, `allowedOrigins.2`), when there are several. */
  fields?: Record<string, string>;
}

/** Every socket command acks with this: a result or a clear error. */
export type AckResult<T> = { ok: true; data: T } | { ok: false; error: ErrorBody };
export type Ack<T> = (result: AckResult<T>) => void;
