import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import { and, eq, isNull, lt, sql } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import { nextWebhookAttempt, shouldDisableEndpoint } from '@tribu/domain';
import { webhookAttempts, webhookDeliveries, webhookEndpoints, type Db } from '@tribu/db';
import type { SecretBox } from '../auth/totp-secret.ts';
import type { SendResult, WebhookSender } from './webhook.sender.ts';

export interface DispatcherOptions {
  /** The wait after a first failure; doubles each time (30 s in production). */
  retryBaseMs: number;
  /** Failed attempts in a row that turn an endpoint off whatever their age. */
  disableAfterFailures: number;
  /** The sender's time limit: a lease lasts twice that and a little more. */
  timeoutMs: number;
  /** Deliveries one node sends at once. */
  batch?: number;
}

interface Claimed {
  id: string;
  attempt: number;
  event: string;
  siteId: string;
  endpointId: string;
  url: string;
  secret: string;
  payload: { createdAt: string; data: unknown };
  deadlineAt: Date;
}

/** Told when an endpoint has just been turned off for failing (the site's admins hear of it). */
export type EndpointDisabled = (e: { siteId: string; endpointId: string; url: string; failures: number }) => Promise<void>;

/**
 * Sends what the outbox holds. Any number of nodes run it: a node takes due deliveries with one
 * statement (`FOR UPDATE SKIP LOCKED`, then a lease written with the attempt number), so no two
 * nodes send the same attempt; every later write is fenced on (lease owner, attempt), so a node
 * that comes back after its lease ran out changes nothing. A node that stops mid-send leaves a
 * lease that runs out; another node then makes the next attempt.
 */
export class WebhookDispatcher {
  /** This process, as attempts record it (host, pid and a random part). */
  readonly node = `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  private running: Promise<void> | null = null;
  private again = false;
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;
  /** When this node last deleted old deliveries (a scan of the table: hourly is plenty). */
  private prunedAt = 0;

  constructor(
    private readonly db: Db,
    private readonly sender: WebhookSender,
    private readonly opts: DispatcherOptions,
    private readonly disabled: EndpointDisabled,
    private readonly log: FastifyBaseLogger,
    /** Endpoint secrets are stored sealed; opened only to sign. */
    private readonly box: SecretBox,
  ) {}

  /** Polls every `everyMs` (the outbox may be filled by any node). */
  start(everyMs = 2_000): void {
    this.timer = setInterval(() => this.kick(), everyMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await this.running;
  }

  /** Runs soon (an event was just stored); a run in progress runs once more after. */
  kick(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.sweep()
      .then(() => undefined)
      .catch((err: unknown) => this.log.warn({ err }, 'webhook deliveries not sent'))
      .finally(() => {
        this.running = null;
        if (this.again) {
          this.again = false;
          this.kick();
        }
      });
  }

  /**
   * Sends every delivery due now, in batches, and gives up those past their deadline; prunes old
   * settled ones hourly (or now, with `prune`). Tests call it.
   */
  async sweep(opts: { prune?: boolean } = {}): Promise<number> {
    let sent = 0;
    // Full batches call for another round; a bounded number, so a run always ends.
    for (let round = 0; round < 20 && !this.stopped; round++) {
      const batch = await this.claim();
      await Promise.all(batch.map((d) => this.deliver(d)));
      sent += batch.length;
      if (batch.length < (this.opts.batch ?? 10)) break;
    }
    await this.expire(opts.prune === true || Date.now() - this.prunedAt > 3_600_000);
    return sent;
  }

  private get leaseMs(): number {
    return 2 * this.opts.timeoutMs + 5_000;
  }

  private async claim(): Promise<Claimed[]> {
    const result = await this.db.execute(sql`
      with due as (
        select d.id from webhook_deliveries d join webhook_endpoints e on e.id = d.endpoint_id
        where d.status = 'pending' and d.next_attempt_at <= now() and d.deadline_at > now()
          and (d.lease_until is null or d.lease_until < now()) and e.enabled
        order by d.next_attempt_at
        limit ${this.opts.batch ?? 10}
        for update of d skip locked
      )
      update webhook_deliveries d
      set attempts = d.attempts + 1, lease_owner = ${this.node}, lease_until = now() + ${`${this.leaseMs} milliseconds`}::interval, last_attempt_at = now()
      from due, webhook_endpoints e
      where d.id = due.id and e.id = d.endpoint_id
      returning d.id, d.attempts as attempt, d.event, d.site_id as "siteId", d.endpoint_id as "endpointId", e.url, e.secret, d.payload,
                d.deadline_at as "deadlineAt"`);
    const rows = (result as unknown as { rows: (Omit<Claimed, 'deadlineAt'> & { deadlineAt: string | Date })[] }).rows;
    if (rows.length === 0) return [];
    await this.db.insert(webhookAttempts).values(rows.map((r) => ({ deliveryId: r.id, attempt: r.attempt, node: this.node })));
    // An earlier attempt still open was cut short: its node stopped before it could say how it went.
    for (const r of rows) {
      await this.db
        .update(webhookAttempts)
        .set({ error: 'Interrupted: the sending node stopped', finishedAt: new Date() })
        .where(and(eq(webhookAttempts.deliveryId, r.id), isNull(webhookAttempts.finishedAt), lt(webhookAttempts.attempt, r.attempt)));
    }
    return rows.map((r) => ({ ...r, deadlineAt: new Date(r.deadlineAt) }));
  }

  private async deliver(d: Claimed): Promise<void> {
    const body = JSON.stringify({ id: d.id, type: d.event, createdAt: d.payload.createdAt, siteId: d.siteId, data: d.payload.data });
    const r = await this.send(d, body);
    const now = new Date();
    const next = r.ok ? null : nextWebhookAttempt(d.attempt, now, d.deadlineAt, { baseMs: this.opts.retryBaseMs }, Math.random());
    // The outcome, the attempt and the endpoint's health are written together: nobody reads one without the others.
    const off = await this.db.transaction(async (tx) => {
      // Fenced: only the lease holder of this very attempt writes its outcome.
      const [row] = await tx
        .update(webhookDeliveries)
        .set({
          status: r.ok ? 'delivered' : next ? 'pending' : 'failed',
          deliveredAt: r.ok ? now : undefined,
          nextAttemptAt: next ?? undefined,
          lastStatusCode: r.statusCode,
          lastError: r.error,
          leaseOwner: null,
          leaseUntil: null,
        })
        .where(and(eq(webhookDeliveries.id, d.id), eq(webhookDeliveries.leaseOwner, this.node), eq(webhookDeliveries.attempts, d.attempt)))
        .returning({ id: webhookDeliveries.id });
      await tx
        .update(webhookAttempts)
        .set({ finishedAt: now, statusCode: r.statusCode, error: r.error, durationMs: r.durationMs })
        .where(and(eq(webhookAttempts.deliveryId, d.id), eq(webhookAttempts.attempt, d.attempt)));
      if (!row) return null;
      if (r.ok) {
        await tx.update(webhookEndpoints).set({ consecutiveFailures: 0, failingSince: null, lastSuccessAt: now }).where(eq(webhookEndpoints.id, d.endpointId));
        return null;
      }
      return this.failed(tx, d, now);
    });
    // Only the node whose update turned it off tells the admins, once it is committed.
    if (off) await this.disabled({ siteId: d.siteId, endpointId: d.endpointId, url: off.url, failures: off.failures });
  }

  private async send(d: Claimed, body: string): Promise<SendResult> {
    let secret: string;
    try {
      secret = this.box.open(d.secret);
    } catch {
      // Sealed under another SECRET (it changed, or nodes disagree): nothing can be signed.
      return { ok: false, statusCode: null, error: 'The signing secret cannot be read (was SECRET changed?): make a new secret', durationMs: 0 };
    }
    return this.sender.send({ id: d.id, event: d.event, attempt: d.attempt, url: d.url, secret, body });
  }

  /** One more failure of the endpoint; past the rule, it is turned off (once: the update that does it returns it). */
  private async failed(tx: Pick<Db, 'update'>, d: Claimed, now: Date): Promise<{ url: string; failures: number } | null> {
    const [health] = await tx
      .update(webhookEndpoints)
      .set({ consecutiveFailures: sql`${webhookEndpoints.consecutiveFailures} + 1`, failingSince: sql`coalesce(${webhookEndpoints.failingSince}, now())` })
      .where(eq(webhookEndpoints.id, d.endpointId))
      .returning({ consecutiveFailures: webhookEndpoints.consecutiveFailures, failingSince: webhookEndpoints.failingSince });
    if (!health || !shouldDisableEndpoint(health, now, { maxFailures: this.opts.disableAfterFailures })) return null;
    const [off] = await tx
      .update(webhookEndpoints)
      .set({ enabled: false, disabledAt: now, disabledReason: 'failing', updatedAt: now })
      .where(and(eq(webhookEndpoints.id, d.endpointId), eq(webhookEndpoints.enabled, true)))
      .returning({ url: webhookEndpoints.url });
    return off ? { url: off.url, failures: health.consecutiveFailures } : null;
  }

  /**
   * Deliveries whose 24 h passed while their endpoint was off: failed for good. Settled ones older
   * than 30 days are deleted (they hold visitors' ids and ratings; the list shows recent ones).
   */
  private async expire(prune: boolean): Promise<void> {
    await this.db.execute(sql`
      update webhook_deliveries set status = 'failed', last_error = coalesce(last_error, 'Not delivered within 24 hours'), lease_owner = null, lease_until = null
      where status = 'pending' and deadline_at <= now() and (lease_until is null or lease_until < now())`);
    if (!prune) return;
    this.prunedAt = Date.now();
    await this.db.execute(sql`
      delete from webhook_deliveries where id in (
        select id from webhook_deliveries where status <> 'pending' and created_at < now() - interval '30 days' limit 1000)`);
  }
}
