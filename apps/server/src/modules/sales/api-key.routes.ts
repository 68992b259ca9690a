import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ApiKeyCreateSchema, IdSchema, type ApiKeyCreated, type ApiKeyView } from '@tribu/protocol';
import { parseFields } from '../../lib/parse-fields.ts';
import type { ApiKeyService } from './api-key.service.ts';

const readLimit = { rateLimit: { max: 120, timeWindow: 60_000 } };
const writeLimit = { rateLimit: { max: 30, timeWindow: 60_000 } };
const SiteParams = z.object({ siteId: IdSchema });

/** A site's admins manage its API keys: GET/POST /api/sites/:siteId/api-keys, DELETE …/:keyId. */
export function apiKeyRoutes(app: FastifyInstance, deps: { keys: ApiKeyService }): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/sites/:siteId/api-keys', { schema: { params: SiteParams }, config: readLimit }, async (req, reply): Promise<{ keys: ApiKeyView[] }> => {
    void reply.header('cache-control', 'no-store');
    return { keys: await deps.keys.list(req.actor, req.params.siteId) };
  });

  r.post('/api/sites/:siteId/api-keys', { schema: { params: SiteParams }, config: writeLimit }, async (req, reply): Promise<ApiKeyCreated> => {
    // Rights first: a helper learns nothing about the form from its validation messages.
    await deps.keys.list(req.actor, req.params.siteId);
    const created = await deps.keys.create(req.actor, req.params.siteId, parseFields(ApiKeyCreateSchema, req.body));
    // The key is in this answer only: no cache may keep it.
    void reply.status(201).header('cache-control', 'no-store');
    return created;
  });

  r.delete(
    '/api/sites/:siteId/api-keys/:keyId',
    { schema: { params: z.object({ siteId: IdSchema, keyId: IdSchema }) }, config: writeLimit },
    async (req, reply) => {
      await deps.keys.revoke(req.actor, req.params.siteId, req.params.keyId);
      return reply.status(204).send();
    },
  );
}
