import { describe, expect, it } from 'vitest';
import { ErrorCode } from '@tribu/protocol';
import { AppError } from './errors.ts';
import { isConnectionFailure, isUniqueViolation, unavailableIfDown } from './pg-errors.ts';

const withCode = (code: string, message = 'x') => Object.assign(new Error(message), { code });
/** As drizzle wraps a driver error. */
const wrapped = (cause: unknown) => Object.assign(new Error('Failed query: select 1'), { cause });

describe('isConnectionFailure', () => {
  it.each([
    ['a refused connection', withCode('ECONNREFUSED')],
    ['a refused connection wrapped by drizzle', wrapped(withCode('ECONNREFUSED'))],
    ['a refused connection on every address', new AggregateError([withCode('ECONNREFUSED')], 'connect failed')],
    ['a reset connection', withCode('ECONNRESET')],
    ['the server shutting down (57P01)', wrapped(withCode('57P01', 'terminating connection due to administrator command'))],
    ['the server starting up (57P03)', withCode('57P03', 'the database system is starting up')],
    ['a connection exception (class 08)', withCode('08006')],
    ['too many connections (53300)', withCode('53300')],
    ['a connection cut mid-query', wrapped(new Error('Connection terminated unexpectedly'))],
    ['a client whose connection broke', new Error('Client has encountered a connection error and is not queryable')],
  ])('is true for %s', (_name, e) => {
    expect(isConnectionFailure(e)).toBe(true);
  });

  it.each([
    ['a unique violation', wrapped(withCode('23505'))],
    ['a syntax error', withCode('42601')],
    ['a plain bug', new TypeError('cannot read properties of undefined')],
    ['a non-error', 'boom'],
    ['nothing', undefined],
  ])('is false for %s', (_name, e) => {
    expect(isConnectionFailure(e)).toBe(false);
  });
});

describe('unavailableIfDown', () => {
  it('turns a connection failure into the retryable unavailable', () => {
    const e = unavailableIfDown(wrapped(withCode('ECONNREFUSED')));
    expect(e).toBeInstanceOf(AppError);
    expect((e as AppError).code).toBe(ErrorCode.unavailable);
  });

  it('leaves other errors and AppErrors as they are', () => {
    const bug = new TypeError('bug');
    const refused = new AppError(ErrorCode.forbidden, 'no');
    expect(unavailableIfDown(bug)).toBe(bug);
    expect(unavailableIfDown(refused)).toBe(refused);
  });
});

describe('isUniqueViolation', () => {
  it('finds 23505 under drizzle’s wrapper, and nothing else', () => {
    expect(isUniqueViolation(wrapped(withCode('23505')))).toBe(true);
    expect(isUniqueViolation(withCode('23503'))).toBe(false);
  });
});
