import { sql } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import type { Conversation, Message } from '@tribu/protocol';
import { enqueueWebhook, type Executor } from './webhook.outbox.ts';

/** A conversation as a webhook tells it: what the merchant needs to join it to its own data, not the messages. */
export function conversationData(visitorId: string, c: Conversation) {
  return {
    conversation: {
      id: c.id,
      visitorId,
      status: c.status,
      createdAt: c.createdAt,
      claimedAt: c.claimedAt,
      closedAt: c.closedAt,
      closedBy: c.closedBy,
      rating: c.rating,
      ratingComment: c.ratingComment,
      locale: c.locale,
      topics: c.topics,
      page: c.page ? { url: c.page.url, title: c.page.title, product: c.page.product ?? null } : null,
      helper: c.helper ? { id: c.helper.id, displayName: c.helper.displayName } : null,
    },
  };
}

/**
 * What a conversation's facts put in the outbox. Each event of a conversation is stored once per
 * endpoint whatever the node or how often the fact is told (started when it is created, ended when
 * it closes, rated when a rating arrives, answered on the helper's first message).
 */
export class ConversationWebhooks {
  /** Conversations already answered, per node: later helper messages cost nothing. */
  private readonly answered = new Set<string>();

  constructor(
    private readonly db: Executor,
    private readonly log: FastifyBaseLogger,
    private readonly added: () => void,
  ) {}

  conversationUpdated(visitorId: string, c: Conversation): void {
    const events: ('conversation.started' | 'conversation.ended' | 'conversation.rated')[] = [];
    if (c.status === 'waiting' && !c.claimedAt) events.push('conversation.started');
    if (c.status === 'closed') events.push('conversation.ended');
    if (c.status === 'closed' && c.rating !== null) events.push('conversation.rated');
    for (const event of events) {
      const at = new Date(event === 'conversation.started' ? c.createdAt : event === 'conversation.ended' ? (c.closedAt ?? Date.now()) : Date.now());
      this.put(enqueueWebhook(this.db, { siteId: c.siteId, event, subject: c.id, data: conversationData(visitorId, c), at }));
    }
  }

  messageCreated(visitorId: string, m: Message): void {
    if (m.author !== 'helper' || this.answered.has(m.conversationId)) return;
    if (this.answered.size >= 10_000) this.answered.delete(this.answered.values().next().value!);
    this.answered.add(m.conversationId);
    this.put(enqueueAnswered(this.db, visitorId, m));
  }

  private put(p: Promise<number>): void {
    p.then(
      (n) => n > 0 && this.added(),
      (err: unknown) => this.log.warn({ err }, 'webhook event not stored'),
    );
  }
}

async function enqueueAnswered(db: Executor, visitorId: string, m: Message): Promise<number> {
  const result = await db.execute(sql`
    select c.site_id as "siteId", c.status, c.created_at as "createdAt", c.claimed_at as "claimedAt", c.locale, c.topics,
           c.helper_id as "helperId", u.display_name as "helperName"
    from conversations c left join users u on u.id = c.helper_id
    where c.id = ${m.conversationId}`);
  const row = (result as unknown as { rows: Record<string, unknown>[] }).rows[0];
  if (!row) return 0;
  const iso = (v: unknown) => (v == null ? null : new Date(v as string).toISOString());
  return enqueueWebhook(db, {
    siteId: row.siteId as string,
    event: 'conversation.answered',
    subject: m.conversationId,
    at: new Date(m.createdAt),
    data: {
      conversation: {
        id: m.conversationId,
        visitorId,
        status: row.status,
        createdAt: iso(row.createdAt),
        claimedAt: iso(row.claimedAt),
        answeredAt: m.createdAt,
        locale: row.locale,
        topics: row.topics,
        helper: row.helperId ? { id: row.helperId, displayName: row.helperName } : null,
      },
    },
  });
}

/** A purchase credited to the community (assisted by a chat or referred by a helper's code), once per order. */
export async function enqueuePurchaseAttributed(db: Executor, siteId: string, orderId: string): Promise<number> {
  const result = await db.execute(sql`
    select c.id, c.order_id as "orderId", c.amount_minor as "amountMinor", c.currency, c.visitor_id as "visitorId", c.code,
           c.items, c.source, c.occurred_at as "occurredAt", c.attribution, c.helper_id as "helperId", c.conversation_id as "conversationId",
           c.referrer_id as "referrerId"
    from conversions c
    where c.site_id = ${siteId} and c.order_id = ${orderId} and c.refunded_at is null
      and (c.attribution = 'assisted' or c.referrer_id is not null)`);
  const row = (result as unknown as { rows: Record<string, unknown>[] }).rows[0];
  if (!row) return 0;
  const occurredAt = new Date(row.occurredAt as string);
  return enqueueWebhook(db, {
    siteId,
    event: 'purchase.attributed',
    subject: row.id as string,
    at: occurredAt,
    data: {
      purchase: {
        orderId: row.orderId,
        amountMinor: Number(row.amountMinor),
        currency: row.currency,
        visitorId: row.visitorId,
        code: row.code,
        items: row.items,
        source: row.source,
        occurredAt: occurredAt.toISOString(),
      },
      /** `assisted` (an answered chat in the window) and/or referred by a helper's code. */
      attribution: {
        assisted: row.attribution === 'assisted',
        helperId: row.helperId,
        conversationId: row.conversationId,
        referrerId: row.referrerId,
      },
    },
  });
}

/** A person joined the site's community (an invitation or an accepted application), told in the joining transaction. */
export async function enqueueHelperJoined(db: Executor, siteId: string, userId: string): Promise<number> {
  const result = await db.execute(sql`
    select u.display_name as "displayName", m.role, m.created_at as "joinedAt"
    from memberships m join users u on u.id = m.user_id
    where m.site_id = ${siteId} and m.user_id = ${userId}`);
  const row = (result as unknown as { rows: Record<string, unknown>[] }).rows[0];
  if (!row) return 0;
  const joinedAt = new Date(row.joinedAt as string);
  return enqueueWebhook(db, {
    siteId,
    event: 'helper.joined',
    subject: `${userId}:${joinedAt.getTime()}`,
    at: joinedAt,
    data: { helper: { id: userId, displayName: row.displayName, role: row.role, joinedAt: joinedAt.toISOString() } },
  });
}
