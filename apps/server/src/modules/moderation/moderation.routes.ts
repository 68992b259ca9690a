import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { BanCreateSchema, BlockedWordsSchema, IdSchema, ReportCreateSchema, ReportDecideSchema, ReportFeedActionSchema } from '@tribu/protocol';
import type { Moderation } from './moderation.ts';

const read = { rateLimit: { max: 120, timeWindow: 60_000 } };
const write = { rateLimit: { max: 60, timeWindow: 60_000 } };
const site = z.object({ siteId: IdSchema });
const siteAnd = <K extends string>(key: K) => z.object({ siteId: IdSchema, [key]: IdSchema } as { siteId: typeof IdSchema } & Record<K, typeof IdSchema>);

/** Reports (helpers file them; managers decide), bans, blocked words. Managers of the site only, except filing. */
export function moderationRoutes(app: FastifyInstance, deps: { moderation: Moderation }): void {
  const { moderation: m } = deps;
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post('/api/reports', { schema: { body: ReportCreateSchema }, config: { rateLimit: { max: 20, timeWindow: 60_000 } } }, async (req) => {
    const { actor } = req;
    return { report: await m.reports.create(actor, req.body) };
  });

  r.get('/api/sites/:siteId/reports', { schema: { params: site }, config: read }, async (req) => {
    const { actor } = req;
    return m.reports.list(actor, req.params.siteId);
  });

  r.get('/api/sites/:siteId/reports/count', { schema: { params: site }, config: read }, async (req) => {
    const { actor } = req;
    return { open: await m.reports.openCount(actor, req.params.siteId) };
  });

  r.post('/api/sites/:siteId/reports/:reportId/decide', { schema: { params: siteAnd('reportId'), body: ReportDecideSchema }, config: write }, async (req) => {
    const { actor } = req;
    await m.reports.decide(actor, req.params.siteId, req.params.reportId, req.body.status);
    return {};
  });

  r.post('/api/sites/:siteId/reports/:reportId/feed', { schema: { params: siteAnd('reportId'), body: ReportFeedActionSchema }, config: write }, async (req) => {
    const { actor } = req;
    await m.reports.feedAction(actor, req.params.siteId, req.params.reportId, req.body);
    return {};
  });

  r.post('/api/sites/:siteId/conversations/:conversationId/end', { schema: { params: siteAnd('conversationId') }, config: write }, async (req) => {
    const { actor } = req;
    await m.reports.endChat(actor, req.params.siteId, req.params.conversationId);
    return {};
  });

  r.get('/api/sites/:siteId/bans', { schema: { params: site }, config: read }, async (req) => {
    const { actor } = req;
    return { bans: await m.bans.list(actor, req.params.siteId) };
  });

  r.post('/api/sites/:siteId/bans', { schema: { params: site, body: BanCreateSchema }, config: write }, async (req) => {
    const { actor } = req;
    return { ban: await m.bans.ban(actor, req.params.siteId, req.body) };
  });

  r.post('/api/sites/:siteId/bans/:banId/lift', { schema: { params: siteAnd('banId') }, config: write }, async (req) => {
    const { actor } = req;
    return { ban: await m.bans.lift(actor, req.params.siteId, req.params.banId) };
  });

  r.get('/api/sites/:siteId/blocked-words', { schema: { params: site }, config: read }, async (req) => {
    const { actor } = req;
    return { words: await m.words.get(actor, req.params.siteId) };
  });

  r.put('/api/sites/:siteId/blocked-words', { schema: { params: site, body: BlockedWordsSchema }, config: write }, async (req) => {
    const { actor } = req;
    return { words: await m.words.set(actor, req.params.siteId, req.body.words) };
  });
}
