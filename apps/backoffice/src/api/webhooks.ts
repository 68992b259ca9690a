import type { WebhookDeliveryView, WebhookEndpointView, WebhookEvent, WebhookSecretShown } from '@tribu/protocol/client';
import { call } from './http.ts';

const hooks = (siteId: string) => `/api/sites/${encodeURIComponent(siteId)}/webhooks`;

export interface WebhookForm {
  url: string;
  description: string;
  events: WebhookEvent[];
}

/** A site's outgoing webhooks (admins): endpoints, their secret (shown once), deliveries and resends. */
export const webhooksApi = {
  list: (siteId: string) => call<{ endpoints: WebhookEndpointView[] }>('GET', hooks(siteId)),
  create: (csrf: string, siteId: string, body: WebhookForm) => call<WebhookSecretShown>('POST', hooks(siteId), body, csrf),
  update: (csrf: string, siteId: string, id: string, body: Partial<WebhookForm> & { enabled?: boolean }) =>
    call<WebhookEndpointView>('PATCH', `${hooks(siteId)}/${encodeURIComponent(id)}`, body, csrf),
  rotate: (csrf: string, siteId: string, id: string) =>
    call<WebhookSecretShown>('POST', `${hooks(siteId)}/${encodeURIComponent(id)}/rotate-secret`, undefined, csrf),
  remove: (csrf: string, siteId: string, id: string) => call<void>('DELETE', `${hooks(siteId)}/${encodeURIComponent(id)}`, undefined, csrf),
  deliveries: (siteId: string, id: string, status?: string) =>
    call<{ deliveries: WebhookDeliveryView[] }>('GET', `${hooks(siteId)}/${encodeURIComponent(id)}/deliveries${status ? `?status=${status}` : ''}`),
  resend: (csrf: string, siteId: string, deliveryId: string) =>
    call<void>('POST', `${hooks(siteId)}/deliveries/${encodeURIComponent(deliveryId)}/resend`, undefined, csrf),
};
