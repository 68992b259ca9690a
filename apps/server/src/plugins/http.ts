import fastifyCookie from '@fastify/cookie';
import fastifyRateLimit from '@fastify/rate-limit';
import Fastify, { LogController, type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { ErrorCode } from '@tribu/protocol';
import type { Env } from '../env.ts';
import { AppError } from '../lib/errors.ts';
import { REDACTED_PATHS, maskAddresses, serializeRequest } from '../lib/log-redaction.ts';
import { registerCrossSiteGuard } from './cross-site.ts';
import { registerErrorHandler } from './error-handler.ts';
import type { RedisHandles } from './redis.ts';
import { registerSecurityHeaders } from './security-headers.ts';

/** The Fastify instance: a logger that never prints secrets, zod validation, errors, headers, the cross-site guard. */
export function createFastify(env: Env): FastifyInstance {
  const app = Fastify({
    logger: {
      level: env.LOG_LEVEL,
      // Never log credentials: cookies and CSRF tokens are redacted, invitation tokens and addresses in URLs masked.
      redact: REDACTED_PATHS,
      serializers: { req: serializeRequest },
      hooks: { streamWrite: maskAddresses },
    },
    // Only behind a proxy may X-Forwarded-For name the client (rate limits are keyed by address), and only
    // its last entry, the one our balancer appended: earlier ones are the client's own and may be made up.
    trustProxy: env.TRUST_PROXY ? (_address: string, hop: number) => hop < 1 : false,
    logController: new LogController({ disableRequestLogging: !['debug', 'trace'].includes(env.LOG_LEVEL) }),
    bodyLimit: 64 * 1024,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandler(app);
  registerSecurityHeaders(app, { https: env.PUBLIC_URL.startsWith('https://') });
  registerCrossSiteGuard(app, env.PUBLIC_URL);
  return app;
}

const BUILT_FILES = ['/backoffice/assets/', '/backoffice/icons/', '/widget/', '/demo/static/'];
/** A request for one of the front-ends' built files. */
export const isBuiltFile = (url: string) => url === '/widget.js' || BUILT_FILES.some((prefix) => url.startsWith(prefix));

/** Cookies, and a global HTTP rate limit counted in Redis when there is one (shared by every node). */
export async function registerHttpPlugins(app: FastifyInstance, redis: RedisHandles | undefined): Promise<void> {
  await app.register(fastifyCookie);
  await app.register(fastifyRateLimit, {
    global: true,
    max: 300,
    timeWindow: 60_000,
    // Built files (hashed chunks, icons, the widget, the demo's images) are read from disk, cached by browsers and cost
    // nothing to answer: counting them made a backoffice whose routes load lazily blank (a chunk refused with 429) for
    // someone moving quickly between pages, or for a team sharing one address. The connection budget still applies.
    allowList: (req) => isBuiltFile(req.url),
    ...(redis ? { redis: redis.client, nameSpace: `${redis.prefix}:http-rl:` } : {}),
    skipOnError: true,
    errorResponseBuilder: (_req, ctx) =>
      Object.assign(new AppError(ErrorCode.rateLimited, `Too many requests; try again in ${Math.ceil(ctx.ttl / 1000)} s`), {
        statusCode: 429,
      }),
  });
}
