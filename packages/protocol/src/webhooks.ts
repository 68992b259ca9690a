// Outgoing webhooks: the events a site's admins may subscribe an endpoint to, and how endpoints
// and deliveries look in the backoffice. The zod schemas of the forms are in webhooks.schemas.ts.

/** Every event Tribu can send, in the order the backoffice lists them. */
export const WEBHOOK_EVENTS = [
  'conversation.started',
  'conversation.answered',
  'conversation.ended',
  'conversation.rated',
  'purchase.attributed',
  'helper.joined',
] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

/** Caps on what admins register. */
export const WEBHOOK_LIMITS = {
  url: 2000,
  description: 200,
  endpointsPerSite: 10,
  /** Deliveries listed per page. */
  deliveriesPage: 50,
} as const;

/** The headers of every delivery. */
export const WEBHOOK_HEADERS = {
  /** `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>" keyed with the endpoint's secret>`. */
  signature: 'Tribu-Signature',
  /** The event's id: the same on every retry and resend of it (deduplicate on it). */
  id: 'Tribu-Webhook-Id',
  event: 'Tribu-Event',
  attempt: 'Tribu-Delivery-Attempt',
} as const;

/** An endpoint as admins see it: never its secret. */
export interface WebhookEndpointView {
  id: string;
  url: string;
  description: string;
  events: WebhookEvent[];
  enabled: boolean;
  /** Why it is off: Tribu turned it off after repeated failures, or an admin did. */
  disabledReason: 'failing' | 'admin' | null;
  disabledAt: string | null;
  consecutiveFailures: number;
  lastSuccessAt: string | null;
  createdAt: string;
}

/** The answer to creating an endpoint or rotating its secret: the only time the secret is shown. */
export interface WebhookSecretShown {
  endpoint: WebhookEndpointView;
  secret: string;
}

/** One attempt of a delivery. */
export interface WebhookAttemptView {
  attempt: number;
  at: string;
  /** The receiver's HTTP status; null when none came (refused address, timeout, network, node stopped). */
  statusCode: number | null;
  error: string | null;
  durationMs: number | null;
}

export interface WebhookDeliveryView {
  /** The event id (`Tribu-Webhook-Id`). */
  id: string;
  event: WebhookEvent;
  status: 'pending' | 'delivered' | 'failed';
  attempts: number;
  lastStatusCode: number | null;
  lastError: string | null;
  createdAt: string;
  lastAttemptAt: string | null;
  nextAttemptAt: string | null;
  deliveredAt: string | null;
  /** The most recent attempts, newest first. */
  attemptLog: WebhookAttemptView[];
}

/** The JSON body of every delivery. */
export interface WebhookBody<D = Record<string, unknown>> {
  id: string;
  type: WebhookEvent;
  /** When the fact happened (ISO 8601). */
  createdAt: string;
  siteId: string;
  data: D;
}
