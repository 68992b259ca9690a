import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  IdSchema,
  KpiQuerySchema,
  PushPrefsSchema,
  PushSubscribeSchema,
  type PushConfig,
  type PushPrefs,
  type PushStats,
  type PushTestResult,
} from '@tribu/protocol';
import type { PushService } from './push.service.ts';

const readLimit = { rateLimit: { max: 60, timeWindow: 60_000 } };
const writeLimit = { rateLimit: { max: 20, timeWindow: 60_000 } };

/**
 * Notifications on this device: `/api/push/*` act on the signed-in person and this sign-in only
 * (a device is the browser that signed in); `/api/sites/:siteId/push-stats` is Numbers' figure.
 */
export function pushRoutes(app: FastifyInstance, deps: { push: PushService }): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/push/config', { config: readLimit }, async (req, reply): Promise<PushConfig> => {
    void reply.header('cache-control', 'no-store');
    return deps.push.config(req.actor, req.session.id);
  });
  r.put('/api/push/subscription', { schema: { body: PushSubscribeSchema }, config: writeLimit }, async (req, reply) => {
    await deps.push.subscribe(req.actor, req.session.id, req.body);
    return reply.status(204).send();
  });
  r.delete('/api/push/subscription', { config: writeLimit }, async (req, reply) => {
    await deps.push.unsubscribe(req.session.id);
    return reply.status(204).send();
  });
  r.put('/api/push/prefs', { schema: { body: PushPrefsSchema }, config: writeLimit }, async (req): Promise<PushPrefs> =>
    deps.push.savePrefs(req.actor, req.body),
  );
  // A test push goes to a third-party service: a few a minute are plenty.
  r.post('/api/push/test', { config: { rateLimit: { max: 5, timeWindow: 60_000 } } }, async (req): Promise<PushTestResult> =>
    deps.push.test(req.actor, req.session.id),
  );
  r.get(
    '/api/sites/:siteId/push-stats',
    { schema: { params: z.object({ siteId: IdSchema }), querystring: KpiQuerySchema }, config: readLimit },
    async (req, reply): Promise<PushStats> => {
      void reply.header('cache-control', 'no-store');
      return deps.push.stats(req.actor, req.params.siteId, req.query);
    },
  );
}
