import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ApplicationQuestionsSchema, ApplicationSubmitSchema, IdSchema, RejectApplicationSchema, SiteKeySchema } from '@tribu/protocol';
import { assertSameOrigin, requireSession } from '../auth/auth.routes.ts';
import type { AuthService } from '../auth/auth.service.ts';
import type { ApplicationService } from './application.service.ts';

const site = z.object({ siteId: IdSchema });
const one = z.object({ siteId: IdSchema, id: IdSchema });
const manage = { rateLimit: { max: 60, timeWindow: 60_000 } };

/** The public "Become a helper" page's API and the managers' review of applications. */
export function recruitmentRoutes(app: FastifyInstance, deps: { auth: AuthService; applications: ApplicationService }): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const actorOf = async (req: FastifyRequest, csrf: boolean) => (await requireSession(deps.auth, req, csrf)).actor;

  r.get(
    '/api/join/:siteKey',
    { schema: { params: z.object({ siteKey: SiteKeySchema }) }, config: { rateLimit: { max: 60, timeWindow: 60_000 } } },
    async (req) => deps.applications.joinPage(req.params.siteKey),
  );

  r.post(
    '/api/join/:siteKey',
    {
      schema: { params: z.object({ siteKey: SiteKeySchema }), body: ApplicationSubmitSchema },
      // Ten applications per address and quarter hour: enough for a shared office, not for a flood.
      // Counted after validation, so a person fixing a refused form is not held back by it.
      config: { rateLimit: { max: 10, timeWindow: 15 * 60_000, hook: 'preHandler', keyGenerator: (req: FastifyRequest) => `join|${req.ip}` } },
    },
    async (req, reply) => {
      assertSameOrigin(req);
      const { website, ...application } = req.body;
      // The honeypot field is hidden from people; a robot that fills it is thanked and forgotten.
      if (!website) await deps.applications.apply(req.params.siteKey, application);
      return reply.status(204).send();
    },
  );

  r.get('/api/sites/:siteId/applications', { schema: { params: site }, config: manage }, async (req) =>
    deps.applications.list(await actorOf(req, false), req.params.siteId),
  );

  r.post('/api/sites/:siteId/applications/:id/shortlist', { schema: { params: one }, config: manage }, async (req, reply) => {
    await deps.applications.shortlist(await actorOf(req, true), req.params.siteId, req.params.id);
    return reply.status(204).send();
  });

  r.post('/api/sites/:siteId/applications/:id/accept', { schema: { params: one }, config: manage }, async (req) =>
    deps.applications.accept(await actorOf(req, true), req.params.siteId, req.params.id),
  );

  r.post('/api/sites/:siteId/applications/:id/reinvite', { schema: { params: one }, config: manage }, async (req) =>
    deps.applications.reinvite(await actorOf(req, true), req.params.siteId, req.params.id),
  );

  r.post('/api/sites/:siteId/applications/:id/reject', { schema: { params: one, body: RejectApplicationSchema }, config: manage }, async (req) =>
    deps.applications.reject(await actorOf(req, true), req.params.siteId, req.params.id, req.body.message),
  );

  r.get('/api/sites/:siteId/application-questions', { schema: { params: site }, config: manage }, async (req) => ({
    questions: await deps.applications.questions(await actorOf(req, false), req.params.siteId),
  }));

  r.put('/api/sites/:siteId/application-questions', { schema: { params: site, body: ApplicationQuestionsSchema }, config: manage }, async (req) => ({
    questions: await deps.applications.setQuestions(await actorOf(req, true), req.params.siteId, req.body.questions),
  }));
}
