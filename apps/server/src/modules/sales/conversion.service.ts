import { and, desc, eq, gte, isNotNull, isNull, lte, sql } from 'drizzle-orm';
import { attributePurchase, referrerOf, type Attribution } from '@tribu/domain';
import { conversations, conversions, memberships, referralCodes, visitors } from '@tribu/db';
import { DEFAULT_ATTRIBUTION_DAYS, toMinorUnits, type ConversionItem, type ConversionResult } from '@tribu/protocol';
import { FieldsError, notFound } from '../../lib/errors.ts';
import { enqueuePurchaseAttributed } from '../webhooks/webhook.facts.ts';
import type { ModuleDeps } from '../module-deps.ts';

const DAY_MS = 86_400_000;
/** A clock a little ahead on the merchant's side is fine; a purchase next week is not. */
const FUTURE_SLACK_MS = 5 * 60_000;

/** A purchase as the service takes it, whichever path reported it. */
export interface PurchaseInput {
  orderId: string;
  amount: number;
  currency: string;
  /** A visitor of this site, already proven (visitor token) or given by the merchant's server. */
  visitorId?: string | undefined;
  code?: string | undefined;
  items?: ConversionItem[] | undefined;
  occurredAt?: string | undefined;
  source: 'page' | 'api';
}

/**
 * Purchases reported by a merchant: stored once per (site, order) whatever the path, node or
 * retry (a unique key, not a read-then-write), with the attribution decided by the domain rule;
 * the shop's server (`api`) overrides what a page reported for the same order.
 */
export class ConversionService {
  constructor(
    private readonly deps: Pick<ModuleDeps, 'db' | 'sites'>,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async report(siteId: string, p: PurchaseInput): Promise<ConversionResult> {
    const now = this.now();
    const occurredAt = p.occurredAt ? new Date(p.occurredAt) : now;
    if (occurredAt.getTime() > now.getTime() + FUTURE_SLACK_MS) throw new FieldsError({ occurredAt: 'In the future' });
    // A visitor id of another site, or none we know, is not this site's visitor: an order without chat.
    const visitorId = p.visitorId && (await this.isVisitorOf(siteId, p.visitorId)) ? p.visitorId : null;
    const attribution = visitorId ? await this.attribute(siteId, visitorId, occurredAt) : ({ kind: 'none' } as const);
    const order = {
      amountMinor: toMinorUnits(p.amount, p.currency)!,
      currency: p.currency,
      code: p.code ?? null,
      // A helper's active referral code credits them as *referred*, with or without a chat.
      referrerId: await this.referrer(siteId, p.code),
      items: p.items ?? [],
      source: p.source,
      occurredAt,
    };
    const credit = {
      visitorId,
      attribution: attribution.kind,
      helperId: attribution.kind === 'assisted' ? attribution.helperId : null,
      conversationId: attribution.kind === 'assisted' ? attribution.conversationId : null,
    };
    const target = [conversions.siteId, conversions.orderId];
    // The shop's server is the authority on its orders: its report replaces what a page reported
    // (a page can be made to say anything), keeping the page's proven visitor when it names none.
    // Page reports, and repeats of a server report, change nothing. One statement either way; a
    // purchase credited to the community goes to the site's webhooks' outbox in the same transaction.
    const row = await this.deps.db.transaction(async (tx) => {
      const insert = tx.insert(conversions).values({ siteId, orderId: p.orderId, ...order, ...credit });
      const [written] = await (
        p.source === 'api'
          ? insert.onConflictDoUpdate({
              target,
              set: { ...order, ...(visitorId ? credit : {}) },
              setWhere: and(eq(conversions.source, 'page'), isNull(conversions.refundedAt)),
            })
          : insert.onConflictDoNothing({ target })
      ).returning({ attribution: conversions.attribution, referrerId: conversions.referrerId, inserted: sql<boolean>`(xmax = 0)` });
      if (written && (written.attribution === 'assisted' || written.referrerId != null)) await enqueuePurchaseAttributed(tx, siteId, p.orderId);
      return written;
    });
    const result = (r: { attribution: string; referrerId: string | null } | undefined, created: boolean): ConversionResult => ({
      orderId: p.orderId,
      attribution: r?.attribution === 'assisted' ? 'assisted' : 'none',
      created,
      referred: r?.referrerId != null,
    });
    if (row) return result(row, row.inserted);
    const [existing] = await this.deps.db
      .select({ attribution: conversions.attribution, referrerId: conversions.referrerId })
      .from(conversions)
      .where(and(eq(conversions.siteId, siteId), eq(conversions.orderId, p.orderId)));
    return result(existing, false);
  }

  private async referrer(siteId: string, code: string | undefined): Promise<string | null> {
    if (!code) return null;
    const active = await this.deps.db
      .select({ code: referralCodes.code, userId: referralCodes.userId })
      .from(referralCodes)
      // Only a helper still active on the site is credited (not one suspended, removed or gone).
      .innerJoin(memberships, and(eq(memberships.userId, referralCodes.userId), eq(memberships.siteId, referralCodes.siteId), eq(memberships.status, 'active')))
      .where(and(eq(referralCodes.siteId, siteId), eq(referralCodes.code, code.trim().toUpperCase()), eq(referralCodes.status, 'active')));
    return referrerOf(code, active);
  }

  /**
   * A refund: the order counts nowhere from now on (kept as refunded, so a late retry of the
   * purchase does not bring it back). `onlyFrom: 'page'` lets a page refund only what a page reported.
   */
  async refund(siteId: string, orderId: string, onlyFrom?: 'page'): Promise<void> {
    const [row] = await this.deps.db
      .update(conversions)
      .set({ refundedAt: this.now() })
      .where(
        and(
          eq(conversions.siteId, siteId),
          eq(conversions.orderId, orderId),
          isNull(conversions.refundedAt),
          onlyFrom ? eq(conversions.source, onlyFrom) : undefined,
        ),
      )
      .returning({ id: conversions.id });
    if (!row) throw notFound('Order');
  }

  private async isVisitorOf(siteId: string, visitorId: string): Promise<boolean> {
    const [v] = await this.deps.db
      .select({ id: visitors.id })
      .from(visitors)
      .where(and(eq(visitors.id, visitorId), eq(visitors.siteId, siteId)))
      .limit(1);
    return v !== undefined;
  }

  /** The visitor's answered chats on the site in the window, judged by the pure rule. */
  private async attribute(siteId: string, visitorId: string, at: Date): Promise<Attribution> {
    const site = await this.deps.sites.byId(siteId);
    const days = site?.settings.attributionDays ?? DEFAULT_ATTRIBUTION_DAYS;
    const chats = await this.deps.db
      .select({ conversationId: conversations.id, helperId: conversations.helperId, answeredAt: conversations.firstResponseAt })
      .from(conversations)
      .where(
        and(
          eq(conversations.siteId, siteId),
          eq(conversations.visitorId, visitorId),
          isNotNull(conversations.firstResponseAt),
          gte(conversations.firstResponseAt, new Date(at.getTime() - days * DAY_MS)),
          lte(conversations.firstResponseAt, at),
        ),
      )
      .orderBy(desc(conversations.firstResponseAt))
      .limit(20);
    return attributePurchase(
      at,
      chats.map((c) => ({ ...c, answeredAt: c.answeredAt! })),
      days,
    );
  }
}
