import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CharterUpdateSchema, IdSchema, MentorAssignSchema, OnboardingSettingsSchema } from '@tribu/protocol';
import type { NewcomersService } from './newcomers.service.ts';
import type { ObserveService } from './observe.service.ts';
import type { OnboardingService } from './onboarding.service.ts';

interface Deps {
  onboarding: OnboardingService;
  observe: ObserveService;
  newcomers: NewcomersService;
}

const site = z.object({ siteId: IdSchema });
// Reads come with every desk load and page view; writes are a few a day.
const readLimit = { rateLimit: { max: 120, timeWindow: 60_000 } };
const writeLimit = { rateLimit: { max: 30, timeWindow: 60_000 } };

/**
 * Onboarding under `/api/sites/:siteId/…`: my checklist, the charter (read, accept; managers write),
 * watching ended chats read-only, and the managers' newcomers list with mentors.
 */
export function onboardingRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/sites/:siteId/onboarding', { schema: { params: site }, config: readLimit }, async (req) => deps.onboarding.status(req.actor, req.params.siteId));
  r.post('/api/sites/:siteId/onboarding/dismiss', { schema: { params: site }, config: writeLimit }, async (req) =>
    deps.onboarding.dismiss(req.actor, req.params.siteId),
  );
  r.put('/api/sites/:siteId/onboarding/settings', { schema: { params: site, body: OnboardingSettingsSchema }, config: writeLimit }, async (req) =>
    deps.newcomers.updateSettings(req.actor, req.params.siteId, req.body),
  );

  r.get('/api/sites/:siteId/charter', { schema: { params: site }, config: readLimit }, async (req) => deps.onboarding.charter(req.actor, req.params.siteId));
  r.post('/api/sites/:siteId/charter/accept', { schema: { params: site }, config: writeLimit }, async (req) =>
    deps.onboarding.acceptCharter(req.actor, req.params.siteId),
  );
  r.put('/api/sites/:siteId/charter', { schema: { params: site, body: CharterUpdateSchema }, config: writeLimit }, async (req) =>
    deps.newcomers.updateCharter(req.actor, req.params.siteId, req.body.text, req.body.translations),
  );

  r.get('/api/sites/:siteId/observe', { schema: { params: site }, config: readLimit }, async (req) => deps.observe.list(req.actor, req.params.siteId));
  r.get('/api/sites/:siteId/observe/:conversationId', { schema: { params: site.extend({ conversationId: IdSchema }) }, config: readLimit }, async (req) =>
    deps.observe.open(req.actor, req.params.siteId, req.params.conversationId),
  );

  r.get('/api/sites/:siteId/newcomers', { schema: { params: site }, config: readLimit }, async (req) => deps.newcomers.list(req.actor, req.params.siteId));
  r.get('/api/sites/:siteId/mentees', { schema: { params: site }, config: readLimit }, async (req) => deps.newcomers.mentees(req.actor, req.params.siteId));
  r.put(
    '/api/sites/:siteId/newcomers/:userId/mentor',
    { schema: { params: site.extend({ userId: IdSchema }), body: MentorAssignSchema }, config: writeLimit },
    async (req) => deps.newcomers.assignMentor(req.actor, req.params.siteId, req.params.userId, req.body.mentorId),
  );
}
