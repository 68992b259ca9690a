import { and, count, desc, eq, inArray, lt, sql } from 'drizzle-orm';
import { memberships, sites, users, webhookAttempts, webhookDeliveries, webhookEndpoints } from '@tribu/db';
import {
  ErrorCode,
  WEBHOOK_LIMITS,
  type WebhookCreate,
  type WebhookDeliveryView,
  type WebhookEndpointView,
  type WebhookEvent,
  type WebhookSecretShown,
  type WebhookUpdate,
} from '@tribu/protocol';
import { AppError, FieldsError, notFound } from '../../lib/errors.ts';
import { mailBody } from '../../lib/mail-body.ts';
import { resolveTarget, UnsafeTarget } from '../../lib/ssrf.ts';
import { requireAdmin } from '../access.ts';
import type { HelperActor } from '../actors.ts';
import type { ModuleDeps } from '../module-deps.ts';
import type { EndpointDisabled } from './webhook.dispatcher.ts';
import type { SecretBox } from '../auth/totp-secret.ts';
import { newWebhookSecret } from './webhook.signature.ts';
import { recipientLocale } from '../../i18n/locale.ts';
import { mailWords } from '../../i18n/mails/index.ts';

type EndpointRow = typeof webhookEndpoints.$inferSelect;
const endpointView = (r: EndpointRow): WebhookEndpointView => ({
  id: r.id,
  url: r.url,
  description: r.description,
  events: r.events as WebhookEvent[],
  enabled: r.enabled,
  disabledReason: r.enabled ? null : r.disabledReason === 'failing' ? 'failing' : 'admin',
  disabledAt: r.enabled ? null : (r.disabledAt?.toISOString() ?? null),
  consecutiveFailures: r.consecutiveFailures,
  lastSuccessAt: r.lastSuccessAt?.toISOString() ?? null,
  createdAt: r.createdAt.toISOString(),
});

const ATTEMPTS_SHOWN = 20;

/**
 * A site's webhook endpoints, for its admins: register (the secret shown once), change, rotate the
 * secret, turn off and on, delete; their deliveries and a resend. Addresses are checked when saved
 * (https, a host that resolves to public addresses only) and again by the sender at every attempt.
 */
export class WebhookService {
  constructor(
    private readonly deps: Pick<ModuleDeps, 'db' | 'audit' | 'notifications' | 'mailer' | 'log'>,
    private readonly opts: { allowPrivate: boolean; publicUrl: string; kick: () => void; box: SecretBox },
  ) {}

  async list(actor: HelperActor, siteId: string): Promise<WebhookEndpointView[]> {
    requireAdmin(actor, siteId);
    const rows = await this.deps.db.select().from(webhookEndpoints).where(eq(webhookEndpoints.siteId, siteId)).orderBy(desc(webhookEndpoints.createdAt));
    return rows.map(endpointView);
  }

  async create(actor: HelperActor, siteId: string, input: WebhookCreate): Promise<WebhookSecretShown> {
    requireAdmin(actor, siteId);
    await this.checkUrl(input.url);
    const secret = newWebhookSecret();
    const row = await this.deps.db.transaction(async (tx) => {
      // One site's endpoints are counted under a lock on the site, so two tabs cannot both add the last one.
      await tx.select({ id: sites.id }).from(sites).where(eq(sites.id, siteId)).for('update');
      const [n] = await tx.select({ n: count() }).from(webhookEndpoints).where(eq(webhookEndpoints.siteId, siteId));
      if ((n?.n ?? 0) >= WEBHOOK_LIMITS.endpointsPerSite) {
        throw new AppError(ErrorCode.conflict, `At most ${WEBHOOK_LIMITS.endpointsPerSite} endpoints per site; delete one first`);
      }
      const [created] = await tx
        .insert(webhookEndpoints)
        .values({ siteId, url: input.url, description: input.description, events: input.events, secret: this.opts.box.seal(secret), createdBy: actor.userId })
        .returning();
      await this.deps.audit.record(
        actor,
        { siteId, action: 'webhook.created', targetKind: 'webhook', targetId: created!.id, targetLabel: input.url, details: { events: input.events } },
        tx,
      );
      return created!;
    });
    return { endpoint: endpointView(row), secret };
  }

  async update(actor: HelperActor, siteId: string, endpointId: string, input: WebhookUpdate): Promise<WebhookEndpointView> {
    requireAdmin(actor, siteId);
    const current = await this.endpoint(siteId, endpointId);
    if (input.url !== undefined && input.url !== current.url) await this.checkUrl(input.url);
    const now = new Date();
    const turnedOn = input.enabled === true && !current.enabled;
    const [row] = await this.deps.db
      .update(webhookEndpoints)
      .set({
        url: input.url,
        description: input.description,
        events: input.events,
        enabled: input.enabled,
        updatedAt: now,
        ...(input.enabled === false && current.enabled ? { disabledAt: now, disabledReason: 'admin' } : {}),
        // Turned back on: a fresh start, the failures before it no longer count.
        ...(turnedOn ? { disabledAt: null, disabledReason: null, consecutiveFailures: 0, failingSince: null } : {}),
      })
      .where(and(eq(webhookEndpoints.id, endpointId), eq(webhookEndpoints.siteId, siteId)))
      .returning();
    if (!row) throw notFound('Endpoint');
    await this.deps.audit.record(actor, {
      siteId,
      action: 'webhook.updated',
      targetKind: 'webhook',
      targetId: row.id,
      targetLabel: row.url,
      details: { ...input },
    });
    if (turnedOn) this.opts.kick();
    return endpointView(row);
  }

  async rotateSecret(actor: HelperActor, siteId: string, endpointId: string): Promise<WebhookSecretShown> {
    requireAdmin(actor, siteId);
    const secret = newWebhookSecret();
    const [row] = await this.deps.db
      .update(webhookEndpoints)
      .set({ secret: this.opts.box.seal(secret), updatedAt: new Date() })
      .where(and(eq(webhookEndpoints.id, endpointId), eq(webhookEndpoints.siteId, siteId)))
      .returning();
    if (!row) throw notFound('Endpoint');
    await this.deps.audit.record(actor, { siteId, action: 'webhook.secret_rotated', targetKind: 'webhook', targetId: row.id, targetLabel: row.url });
    return { endpoint: endpointView(row), secret };
  }

  async remove(actor: HelperActor, siteId: string, endpointId: string): Promise<void> {
    requireAdmin(actor, siteId);
    const [row] = await this.deps.db
      .delete(webhookEndpoints)
      .where(and(eq(webhookEndpoints.id, endpointId), eq(webhookEndpoints.siteId, siteId)))
      .returning();
    if (!row) throw notFound('Endpoint');
    await this.deps.audit.record(actor, { siteId, action: 'webhook.deleted', targetKind: 'webhook', targetId: row.id, targetLabel: row.url });
  }

  /** An endpoint's deliveries, newest first, a page at a time, each with its latest attempts. */
  async deliveries(
    actor: HelperActor,
    siteId: string,
    endpointId: string,
    q: { status?: WebhookDeliveryView['status'] | undefined; before?: string | undefined },
  ): Promise<WebhookDeliveryView[]> {
    requireAdmin(actor, siteId);
    await this.endpoint(siteId, endpointId);
    const rows = await this.deps.db
      .select()
      .from(webhookDeliveries)
      .where(
        and(
          eq(webhookDeliveries.endpointId, endpointId),
          q.status ? eq(webhookDeliveries.status, q.status) : undefined,
          q.before ? lt(webhookDeliveries.createdAt, new Date(q.before)) : undefined,
        ),
      )
      .orderBy(desc(webhookDeliveries.createdAt), desc(webhookDeliveries.id))
      .limit(WEBHOOK_LIMITS.deliveriesPage);
    const attempts = rows.length
      ? await this.deps.db
          .select()
          .from(webhookAttempts)
          .where(
            inArray(
              webhookAttempts.deliveryId,
              rows.map((r) => r.id),
            ),
          )
          .orderBy(desc(webhookAttempts.attempt))
      : [];
    return rows.map((r) => ({
      id: r.id,
      event: r.event as WebhookEvent,
      status: r.status,
      attempts: r.attempts,
      lastStatusCode: r.lastStatusCode,
      lastError: r.lastError,
      createdAt: r.createdAt.toISOString(),
      lastAttemptAt: r.lastAttemptAt?.toISOString() ?? null,
      nextAttemptAt: r.status === 'pending' ? r.nextAttemptAt.toISOString() : null,
      deliveredAt: r.deliveredAt?.toISOString() ?? null,
      attemptLog: attempts
        .filter((a) => a.deliveryId === r.id)
        .slice(0, ATTEMPTS_SHOWN)
        .map((a) => ({ attempt: a.attempt, at: a.startedAt.toISOString(), statusCode: a.statusCode, error: a.error, durationMs: a.durationMs })),
    }));
  }

  /** Sends a delivery again, now, with 24 h of retries from now (the same event id: receivers see it is the same event). */
  async resend(actor: HelperActor, siteId: string, deliveryId: string): Promise<void> {
    requireAdmin(actor, siteId);
    const [d] = await this.deps.db
      .select({ id: webhookDeliveries.id, enabled: webhookEndpoints.enabled, event: webhookDeliveries.event, url: webhookEndpoints.url })
      .from(webhookDeliveries)
      .innerJoin(webhookEndpoints, eq(webhookEndpoints.id, webhookDeliveries.endpointId))
      .where(and(eq(webhookDeliveries.id, deliveryId), eq(webhookDeliveries.siteId, siteId)));
    if (!d) throw notFound('Delivery');
    if (!d.enabled) throw new AppError(ErrorCode.invalidState, 'This endpoint is turned off: turn it on to resend');
    await this.deps.db
      .update(webhookDeliveries)
      .set({ status: 'pending', nextAttemptAt: sql`now()`, deadlineAt: sql`now() + interval '24 hours'` })
      .where(eq(webhookDeliveries.id, deliveryId));
    await this.deps.audit.record(actor, { siteId, action: 'webhook.resent', targetKind: 'webhook', targetId: d.id, targetLabel: `${d.event} → ${d.url}` });
    this.opts.kick();
  }

  /** The site's admins hear that Tribu turned an endpoint off: a bell notification and a mail each. */
  readonly endpointDisabled: EndpointDisabled = async ({ siteId, url, failures }) => {
    const admins = await this.deps.db
      .select({ id: users.id, email: users.email, name: users.displayName, site: sites.name, locale: users.locale, settings: sites.settings })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .innerJoin(sites, eq(sites.id, memberships.siteId))
      .where(and(eq(memberships.siteId, siteId), eq(memberships.role, 'admin'), eq(memberships.status, 'active')));
    const text = `Webhooks to ${url} were turned off after ${failures} failed deliveries in a row. Fix the endpoint, then turn it back on under Manage → Integrations.`;
    for (const a of admins) {
      await this.deps.notifications.notify({ userId: a.id, siteId, kind: 'webhook', actorId: null, text });
      const locale = recipientLocale(a.locale, a.settings.defaultLocale);
      const w = mailWords(locale);
      const body = mailBody({
        lang: locale,
        greeting: w.hello(a.name),
        paragraphs: [w.webhookOff.off(url, a.site, failures), w.webhookOff.next],
        action: { label: w.webhookOff.action, url: `${this.opts.publicUrl}/backoffice/manage/integrations` },
        footer: w.webhookOff.footer(a.site),
      });
      await this.deps.mailer.send({ to: a.email, subject: w.webhookOff.subject(new URL(url).host), ...body });
    }
  };

  private async endpoint(siteId: string, endpointId: string): Promise<EndpointRow> {
    const [row] = await this.deps.db
      .select()
      .from(webhookEndpoints)
      .where(and(eq(webhookEndpoints.id, endpointId), eq(webhookEndpoints.siteId, siteId)));
    // Another site's endpoint answers like a missing one.
    if (!row) throw notFound('Endpoint');
    return row;
  }

  /** https only (http too when private targets are allowed), no credentials, a host that resolves to public addresses. */
  private async checkUrl(raw: string): Promise<void> {
    const url = new URL(raw);
    if (url.protocol !== 'https:' && !(url.protocol === 'http:' && this.opts.allowPrivate)) {
      throw new FieldsError({ url: 'Use an https:// address' });
    }
    if (url.username || url.password) throw new FieldsError({ url: 'No user name or password in the address: Tribu signs every delivery instead' });
    try {
      await resolveTarget(url.hostname, this.opts.allowPrivate);
    } catch (e) {
      if (e instanceof UnsafeTarget) throw new FieldsError({ url: e.message });
      throw e;
    }
  }
}
