import { ErrorCode, type ErrorBody } from '@tribu/protocol';

/** An expected failure with a stable code; its message is safe to show to the person. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'AppError';
  }
  toBody(): ErrorBody {
    return { code: this.code, message: this.message };
  }
}

const httpStatus: Record<ErrorCode, number> = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  already_claimed: 409,
  cap_reached: 409,
  invalid_state: 409,
  rate_limited: 429,
  origin_not_allowed: 403,
  version_mismatch: 400,
  unavailable: 503,
  banned: 403,
  internal: 500,
};

export function statusOf(code: ErrorCode): number {
  return httpStatus[code];
}

/** A form refused with a message per field (`texts.en.launcher`, `allowedOrigins.2`), so each shows beside its input. */
export class FieldsError extends AppError {
  constructor(
    readonly fields: Record<string, string>,
    message = Object.values(fields)[0] ?? 'Check the highlighted fields',
  ) {
    super(ErrorCode.badRequest, message);
  }
  override toBody(): ErrorBody {
    return { code: this.code, message: this.message, fields: this.fields };
  }
}

export const notFound = (what = 'Conversation') => new AppError(ErrorCode.notFound, `${what} not found`);
