import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  IdSchema,
  WebhookCreateSchema,
  WebhookDeliveriesQuerySchema,
  WebhookUpdateSchema,
  type WebhookDeliveryView,
  type WebhookEndpointView,
  type WebhookSecretShown,
} from '@tribu/protocol';
import { parseFields } from '../../lib/parse-fields.ts';
import type { WebhookService } from './webhook.service.ts';

const readLimit = { rateLimit: { max: 120, timeWindow: 60_000 } };
const writeLimit = { rateLimit: { max: 30, timeWindow: 60_000 } };
const SiteParams = z.object({ siteId: IdSchema });
const EndpointParams = z.object({ siteId: IdSchema, endpointId: IdSchema });

/**
 * A site's admins manage its outgoing webhooks: GET/POST /api/sites/:siteId/webhooks,
 * PATCH/DELETE …/:endpointId, POST …/:endpointId/rotate-secret, GET …/:endpointId/deliveries,
 * POST …/webhooks/deliveries/:deliveryId/resend.
 */
export function webhookRoutes(app: FastifyInstance, deps: { webhooks: WebhookService }): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { webhooks } = deps;

  r.get('/api/sites/:siteId/webhooks', { schema: { params: SiteParams }, config: readLimit }, async (req): Promise<{ endpoints: WebhookEndpointView[] }> => {
    return { endpoints: await webhooks.list(req.actor, req.params.siteId) };
  });

  r.post('/api/sites/:siteId/webhooks', { schema: { params: SiteParams }, config: writeLimit }, async (req, reply): Promise<WebhookSecretShown> => {
    // Rights first: a helper learns nothing about the form from its validation messages.
    await webhooks.list(req.actor, req.params.siteId);
    const shown = await webhooks.create(req.actor, req.params.siteId, parseFields(WebhookCreateSchema, req.body));
    // The secret is in this answer only: no cache may keep it.
    void reply.status(201).header('cache-control', 'no-store');
    return shown;
  });

  r.patch('/api/sites/:siteId/webhooks/:endpointId', { schema: { params: EndpointParams }, config: writeLimit }, async (req): Promise<WebhookEndpointView> => {
    await webhooks.list(req.actor, req.params.siteId);
    return webhooks.update(req.actor, req.params.siteId, req.params.endpointId, parseFields(WebhookUpdateSchema, req.body));
  });

  r.post(
    '/api/sites/:siteId/webhooks/:endpointId/rotate-secret',
    { schema: { params: EndpointParams }, config: writeLimit },
    async (req, reply): Promise<WebhookSecretShown> => {
      const shown = await webhooks.rotateSecret(req.actor, req.params.siteId, req.params.endpointId);
      void reply.header('cache-control', 'no-store');
      return shown;
    },
  );

  r.delete('/api/sites/:siteId/webhooks/:endpointId', { schema: { params: EndpointParams }, config: writeLimit }, async (req, reply) => {
    await webhooks.remove(req.actor, req.params.siteId, req.params.endpointId);
    return reply.status(204).send();
  });

  r.get(
    '/api/sites/:siteId/webhooks/:endpointId/deliveries',
    { schema: { params: EndpointParams, querystring: WebhookDeliveriesQuerySchema }, config: readLimit },
    async (req): Promise<{ deliveries: WebhookDeliveryView[] }> => {
      return { deliveries: await webhooks.deliveries(req.actor, req.params.siteId, req.params.endpointId, req.query) };
    },
  );

  r.post(
    '/api/sites/:siteId/webhooks/deliveries/:deliveryId/resend',
    { schema: { params: z.object({ siteId: IdSchema, deliveryId: IdSchema }) }, config: writeLimit },
    async (req, reply) => {
      await webhooks.resend(req.actor, req.params.siteId, req.params.deliveryId);
      return reply.status(202).send();
    },
  );
}
