import { sql } from 'drizzle-orm';
import type { Db } from '@tribu/db';
import type { WebhookEvent } from '@tribu/protocol';

/** Anything that runs SQL: the database or a transaction (to write the event with its fact). */
export type Executor = Pick<Db, 'execute'>;

export interface OutgoingEvent {
  siteId: string;
  event: WebhookEvent;
  /** The thing it is about (`<conversation id>`, `<conversion id>`): the same event of it is stored once per endpoint. */
  subject: string;
  data: Record<string, unknown>;
  /** When the fact happened (default now). */
  at?: Date;
}

/**
 * Puts an event in the outbox of every enabled endpoint of the site that wants it, in the caller's
 * transaction when given one. Told twice (a retried request, two nodes, a replayed fact), it is
 * stored once: `(endpoint, event:subject)` is unique. Returns how many deliveries were added.
 */
export async function enqueueWebhook(db: Executor, e: OutgoingEvent): Promise<number> {
  const payload = JSON.stringify({ createdAt: (e.at ?? new Date()).toISOString(), data: e.data });
  const result = await db.execute(sql`
    insert into webhook_deliveries (endpoint_id, site_id, event, event_key, payload)
    select id, site_id, ${e.event}, ${`${e.event}:${e.subject}`}, ${payload}::jsonb
    from webhook_endpoints
    where site_id = ${e.siteId} and enabled and ${e.event} = any(events)
    on conflict (endpoint_id, event_key) do nothing
    returning id`);
  return (result as unknown as { rows: unknown[] }).rows.length;
}
