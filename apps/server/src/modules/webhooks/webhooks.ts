import { readFileSync } from 'node:fs';
import type { Env } from '../../env.ts';
import { SecretBox } from '../auth/totp-secret.ts';
import type { ModuleDeps } from '../module-deps.ts';
import { WebhookDispatcher } from './webhook.dispatcher.ts';
import { ConversationWebhooks } from './webhook.facts.ts';
import { WebhookSender } from './webhook.sender.ts';
import { WebhookService } from './webhook.service.ts';

/**
 * The webhooks feature, built once in app.ts: the admins' service, the dispatcher every node runs,
 * the conversation reactions. Endpoint secrets are stored sealed under a key derived from SECRET.
 */
export function buildWebhooks(deps: ModuleDeps, env: Env, secret: string) {
  const box = webhookSecretBox(secret);
  const sender = new WebhookSender({
    allowPrivate: env.WEBHOOKS_ALLOW_PRIVATE,
    timeoutMs: env.WEBHOOKS_TIMEOUT_MS,
    extraCa: env.WEBHOOKS_CA_FILE ? readFileSync(env.WEBHOOKS_CA_FILE, 'utf8') : undefined,
  });
  let dispatcher: WebhookDispatcher | undefined = undefined;
  const kick = () => dispatcher?.kick();
  const service = new WebhookService(deps, { allowPrivate: env.WEBHOOKS_ALLOW_PRIVATE, publicUrl: env.PUBLIC_URL, kick, box });
  dispatcher = new WebhookDispatcher(
    deps.db,
    sender,
    { retryBaseMs: env.WEBHOOKS_RETRY_BASE_MS, disableAfterFailures: env.WEBHOOKS_DISABLE_AFTER_FAILURES, timeoutMs: env.WEBHOOKS_TIMEOUT_MS },
    service.endpointDisabled,
    deps.log,
    box,
  );
  return { service, dispatcher, conversations: new ConversationWebhooks(deps.db, deps.log, kick) };
}

/** The box endpoint secrets are sealed in (tests seal and open with it too). */
export const webhookSecretBox = (secret: string) => new SecretBox(secret, 'webhook-secret');
