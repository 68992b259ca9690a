import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ApplicationQuestionsSchema, ApplicationSubmitSchema, IdSchema, RejectApplicationSchema, SiteKeySchema } from '@tribu/protocol';
import { assertSameOrigin } from '../../plugins/auth.ts';
import type { ApplicationService } from './application.service.ts';

const site = z.object({ siteId: IdSchema });
const one = z.object({ siteId: IdSchema, id: IdSchema });
const manage = { rateLimit: { max: 60, timeWindow: 60_000 } };

/** The public "Become a helper" page's API and the managers' review of applications. */
export function recruitmentRoutes(app: FastifyInstance, deps: { applications: ApplicationService }): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/join/:siteKey',
    { schema: { params: z.object({ siteKey: SiteKeySchema }) }, config: { auth: 'public', rateLimit: { max: 60, timeWindow: 60_000 } } },
    async (req) => deps.applications.joinPage(req.params.siteKey),
  );

  r.post(
    '/api/join/:siteKey',
    {
      schema: { params: z.object({ siteKey: SiteKeySchema }), body: ApplicationSubmitSchema },
      // Ten applications per address and quarter hour: enough for a shared office, not for a flood.
      // Counted after validation, so a person fixing a refused form is not held back by it.
      config: { auth: 'public', rateLimit: { max: 10, timeWindow: 15 * 60_000, hook: 'preHandler', keyGenerator: (req: FastifyRequest) => `join|${req.ip}` } },
    },
    async (req, reply) => {
      assertSameOrigin(req);
      const { website, ...application } = req.body;
      // The honeypot field is hidden from people; a robot that fills it is thanked and forgotten.
      if (!website) await deps.applications.apply(req.params.siteKey, application);
      return reply.status(204).send();
    },
  );

  r.get('/api/sites/:siteId/applications', { schema: { params: site }, config: manage }, async (req) => deps.applications.list(req.actor, req.params.siteId));

  r.post('/api/sites/:siteId/applications/:id/shortlist', { schema: { params: one }, config: manage }, async (req, reply) => {
    await deps.applications.shortlist(req.actor, req.params.siteId, req.params.id);
    return reply.status(204).send();
  });

  r.post('/api/sites/:siteId/applications/:id/accept', { schema: { params: one }, config: manage }, async (req) =>
    deps.applications.accept(req.actor, req.params.siteId, req.params.id),
  );

  r.post('/api/sites/:siteId/applications/:id/reinvite', { schema: { params: one }, config: manage }, async (req) =>
    deps.applications.reinvite(req.actor, req.params.siteId, req.params.id),
  );

  r.post('/api/sites/:siteId/applications/:id/reject', { schema: { params: one, body: RejectApplicationSchema }, config: manage }, async (req) =>
    deps.applications.reject(req.actor, req.params.siteId, req.params.id, req.body.message),
  );

  r.get('/api/sites/:siteId/application-questions', { schema: { params: site }, config: manage }, async (req) => ({
    questions: await deps.applications.questions(req.actor, req.params.siteId),
  }));

  r.put('/api/sites/:siteId/application-questions', { schema: { params: site, body: ApplicationQuestionsSchema }, config: manage }, async (req) => ({
    questions: await deps.applications.setQuestions(req.actor, req.params.siteId, req.body.questions),
  }));
}
