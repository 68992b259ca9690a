import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { VisitorEmailConfirmSchema } from '@tribu/protocol';
import type { VisitorEmails } from './visitor-email.service.ts';

/**
 * `POST /api/visitor-email/confirm`: the page a visitor's confirmation link opens sends its token
 * here (in the body, never in an address, so it stays out of request logs). Anyone holding the link
 * may use it, once; tokens cannot be guessed, the limit only stops one address hammering.
 */
export function visitorEmailRoutes(app: FastifyInstance, deps: { visitorEmails: VisitorEmails }): void {
  app
    .withTypeProvider<ZodTypeProvider>()
    .post(
      '/api/visitor-email/confirm',
      { schema: { body: VisitorEmailConfirmSchema }, config: { auth: 'public', rateLimit: { max: 20, timeWindow: 60_000 } } },
      async (req) => deps.visitorEmails.confirm(req.body.token),
    );
}
