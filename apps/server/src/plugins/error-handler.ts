import type { FastifyError, FastifyInstance } from 'fastify';
import { ErrorCode, type HttpErrorBody } from '@tribu/protocol';
import { AppError, statusOf } from '../lib/errors.ts';
import { unavailableIfDown } from '../lib/pg-errors.ts';
import { UNSTORABLE_MESSAGE, unstorableField } from '../lib/unstorable-text.ts';
import { localiseErrorBody } from '../i18n/errors/translate.ts';
import { requestLocale } from '../i18n/request-locale.ts';

/**
 * The one HTTP error handler: AppError → its status and code; validation → 400; the rest hidden. The message (and each
 * field's) is worded here, once, in the person's language (i18n/errors): throw sites write English.
 */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((thrown: FastifyError | AppError, req, reply) => {
    let body: HttpErrorBody;
    let status: number;
    // The database down or restarting: 503 `unavailable` (retry later), not a 500.
    const err = unavailableIfDown(thrown) as FastifyError | AppError;
    if (err !== thrown) req.log.warn({ err: thrown }, 'request failed: database unreachable');
    if (err instanceof AppError) {
      status = statusOf(err.code);
      body = { error: err.toBody() };
    } else if ('validation' in err && err.validation) {
      status = 400;
      const first = err.validation[0];
      const where = first?.instancePath ? `${first.instancePath.replace(/^\//, '').replaceAll('/', '.')}: ` : '';
      body = { error: { code: ErrorCode.badRequest, message: `${where}${first?.message ?? 'Invalid request'}` } };
    } else if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
      status = err.statusCode;
      const code = status === 429 ? ErrorCode.rateLimited : status === 404 ? ErrorCode.notFound : ErrorCode.badRequest;
      body = { error: { code, message: err.message } };
    } else {
      req.log.error({ err }, 'request failed');
      status = 500;
      body = { error: { code: ErrorCode.internal, message: 'Something went wrong on our side; please retry' } };
    }
    void reply.status(status).send({ error: localiseErrorBody(body.error, requestLocale(req)) });
  });
  // Postgres cannot store (or compare with) NUL or lone surrogates: a body, query string or path holding one is refused
  // before validation, not failed as a 500 deep in a query.
  app.addHook('preValidation', async (req) => {
    const json = req.headers['content-type']?.includes('json') === true;
    // Named like a validation error (`from: …`), so the person sees which field to correct.
    const field = unstorableField(req.query) ?? unstorableField(req.params) ?? (json ? unstorableField(req.body) : undefined);
    if (field !== undefined) throw new AppError(ErrorCode.badRequest, `${field ? `${field}: ` : ''}${UNSTORABLE_MESSAGE}`);
  });
  app.setNotFoundHandler((req, reply) => {
    const error = { code: ErrorCode.notFound, message: `No route ${req.method} ${req.url.split('?')[0]}` };
    void reply.status(404).send({ error: localiseErrorBody(error, requestLocale(req)) });
  });
}
