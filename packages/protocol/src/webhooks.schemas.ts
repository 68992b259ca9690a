import { z } from 'zod';
import { WEBHOOK_EVENTS, WEBHOOK_LIMITS } from './webhooks.ts';

const events = z
  .array(z.enum(WEBHOOK_EVENTS, `One of ${WEBHOOK_EVENTS.join(', ')}`))
  .min(1, 'Pick at least one event')
  .max(WEBHOOK_EVENTS.length)
  .transform((list) => WEBHOOK_EVENTS.filter((e) => list.includes(e)));

const url = z
  .string('An https:// address')
  .trim()
  .min(1, 'An https:// address')
  .max(WEBHOOK_LIMITS.url, `At most ${WEBHOOK_LIMITS.url} characters`)
  .refine((v) => URL.canParse(v), 'Not an address: https://shop.example/hooks/tribu');

const description = z
  .string()
  .trim()
  .max(WEBHOOK_LIMITS.description, `At most ${WEBHOOK_LIMITS.description} characters`)
  // eslint-disable-next-line no-control-regex
  .refine((v) => !/[\u0000-\u001f\u007f]/.test(v), 'No control characters');

/** POST /api/sites/:siteId/webhooks */
export const WebhookCreateSchema = z.strictObject({ url, description: description.default(''), events });
export type WebhookCreate = z.output<typeof WebhookCreateSchema>;

/** PATCH /api/sites/:siteId/webhooks/:endpointId — any of these. */
export const WebhookUpdateSchema = z.strictObject({
  url: url.optional(),
  description: description.optional(),
  events: events.optional(),
  enabled: z.boolean().optional(),
});
export type WebhookUpdate = z.output<typeof WebhookUpdateSchema>;

/** GET …/webhooks/:endpointId/deliveries?status&before */
export const WebhookDeliveriesQuerySchema = z.strictObject({
  status: z.enum(['pending', 'delivered', 'failed']).optional(),
  /** A delivery's `createdAt`: the page after it. */
  before: z.iso.datetime({ offset: true }).optional(),
});
