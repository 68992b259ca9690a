import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  V1ConversationPageSchema,
  V1ConversationsQuerySchema,
  V1NumbersQuerySchema,
  V1NumbersSchema,
  type V1ConversationPage,
  type V1Numbers,
} from '@tribu/protocol';
import { openApiDocument, type V1Routes } from '../../plugins/openapi.ts';
import type { KpiService } from '../kpi/kpi.service.ts';
import type { V1ConversationsService } from './v1-conversations.service.ts';

interface Deps {
  kpis: KpiService;
  conversations: V1ConversationsService;
  docs: V1Routes;
  publicUrl: string;
}

/**
 * The merchant's read API (a site API key with `numbers:read`, 300 calls a minute per key) and
 * its OpenAPI document. The answers go through their zod schemas (`schema.response`): nothing but
 * the fields described leaves.
 */
export function v1Routes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const read = { auth: 'public', apiKey: 'numbers:read', rateLimit: { max: 600, timeWindow: 60_000 } } as const;

  r.get(
    '/api/v1/numbers',
    {
      schema: { querystring: V1NumbersQuerySchema, response: { 200: V1NumbersSchema } },
      config: {
        ...read,
        openapi: {
          summary: 'The figures of Numbers for a period',
          description:
            "Requests, answers, first answer times, chat hours and full-time equivalents, ratings, helpers, requests per day, and the Sales figures (orders assisted by a chat or referred by a helper, shares, conversion of visitors who chatted, average order, revenue per chat hour, by topic, product and helper). `from` and `to` are days (both included) in the site's time zone, at most 366 days. Every rule is in the README's *Sales in Numbers*.",
          responses: { 200: { description: 'The figures', schema: V1NumbersSchema } },
        },
      },
    },
    async (req, reply): Promise<V1Numbers> => {
      const report = await deps.kpis.reportForKey(req.apiKey, req.query);
      void reply.header('cache-control', 'no-store');
      return report;
    },
  );

  r.get(
    '/api/v1/conversations',
    {
      schema: { querystring: V1ConversationsQuerySchema, response: { 200: V1ConversationPageSchema } },
      config: {
        ...read,
        openapi: {
          summary: 'Chats in the order they changed',
          description:
            'Oldest change first, then by id. Start with `updatedSince` (or nothing, for everything), then pass each page’s `nextCursor` as `cursor`; keep the last one to ask again later for what changed since. A chat changes when it is taken, answered, written in, handed over, ended, rated or erased. Changes show after about 2 seconds. No email, name, address, message or note is ever listed; a chat the visitor erased keeps only its dates, helper and rating; chats removed by the site’s retention are gone.',
          responses: { 200: { description: 'One page', schema: V1ConversationPageSchema } },
        },
      },
    },
    async (req, reply): Promise<V1ConversationPage> => {
      const page = await deps.conversations.page(req.apiKey, req.query);
      void reply.header('cache-control', 'no-store');
      return page;
    },
  );

  let document: Record<string, unknown> | undefined;
  app.get(
    '/api/v1/openapi.json',
    {
      config: {
        auth: 'public',
        rateLimit: { max: 60, timeWindow: 60_000 },
        openapi: { summary: 'This document (OpenAPI 3.1)', responses: { 200: { description: 'The OpenAPI document of /api/v1' } } },
      },
    },
    async (_req, reply) => {
      // Built on first use, once every route is in.
      document ??= openApiDocument(deps.docs, deps.publicUrl);
      return reply.header('cache-control', 'public, max-age=300').header('access-control-allow-origin', '*').send(document);
    },
  );
}
