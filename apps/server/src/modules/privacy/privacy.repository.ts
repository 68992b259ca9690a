import { and, asc, eq, inArray, isNotNull, lt, or, sql } from 'drizzle-orm';
import {
  auditLog,
  bans,
  conversationNotes,
  conversations,
  conversions,
  messages,
  notifications,
  pageViews,
  reports,
  sites,
  thanksCards,
  users,
  visitorEmailConfirmations,
  visitors,
  type Db,
} from '@tribu/db';
import { ERASED_QUESTION, type ExportedConversation, type PrivacyVisitorSummary, type VisitorDataExport } from '@tribu/protocol';
import { conversationReadableBy } from '../access.sql.ts';
import type { Actor } from '../actors.ts';

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
const iso = (d: Date | null) => d?.toISOString() ?? null;

/** Queries of the privacy module: what one visitor left on one site, read out or wiped. */
export class PrivacyRepository {
  constructor(private readonly db: Db) {}

  /** The visitor's row, only when it belongs to this site (another site's visitor is "not found"). */
  async visitor(siteId: string, visitorId: string) {
    const [row] = await this.db
      .select()
      .from(visitors)
      .where(and(eq(visitors.id, visitorId), eq(visitors.siteId, siteId)))
      .limit(1);
    return row;
  }

  /** Visitors of this site who gave this email in a chat (case-insensitive), or who had this conversation. */
  async find(siteId: string, by: { email: string } | { conversationId: string }): Promise<string[]> {
    const where = 'email' in by ? sql`lower(${conversations.visitorEmail}) = lower(${by.email})` : eq(conversations.id, by.conversationId);
    const rows = await this.db
      .selectDistinct({ id: conversations.visitorId })
      .from(conversations)
      .where(and(eq(conversations.siteId, siteId), where))
      .limit(20);
    return rows.map((r) => r.id);
  }

  async summary(siteId: string, visitorId: string): Promise<PrivacyVisitorSummary | undefined> {
    const v = await this.visitor(siteId, visitorId);
    if (!v) return undefined;
    const convs = await this.db
      .select({ id: conversations.id, email: conversations.visitorEmail, name: conversations.visitorName, createdAt: conversations.createdAt })
      .from(conversations)
      .where(and(eq(conversations.siteId, siteId), eq(conversations.visitorId, visitorId)))
      .orderBy(asc(conversations.createdAt));
    const ids = convs.map((c) => c.id);
    const count = async (table: typeof messages | typeof pageViews) =>
      ids.length
        ? (
            await this.db
              .select({ n: sql<number>`count(*)::int` })
              .from(table)
              .where(inArray(table.conversationId, ids))
          )[0]!.n
        : 0;
    const distinct = (list: (string | null)[]) => [...new Set(list.filter((x): x is string => !!x))];
    return {
      visitorId: v.id,
      firstSeenAt: v.createdAt.toISOString(),
      lastSeenAt: v.lastSeenAt.toISOString(),
      erasedAt: iso(v.erasedAt),
      conversations: convs.length,
      messages: await count(messages),
      pageViews: await count(pageViews),
      emails: distinct(convs.map((c) => c.email)),
      names: distinct(convs.map((c) => c.name)),
      firstChatAt: iso(convs[0]?.createdAt ?? null),
      lastChatAt: iso(convs.at(-1)?.createdAt ?? null),
    };
  }

  /**
   * Everything the visitor gave or was told on this site; never helpers' notes, ids or other visitors.
   * Only the conversations `reader` may read (the read rule's SQL twin): the visitor their own, a manager the site's.
   */
  async export(reader: Actor, siteId: string, visitorId: string): Promise<VisitorDataExport | undefined> {
    const v = await this.visitor(siteId, visitorId);
    const [site] = await this.db.select({ name: sites.name }).from(sites).where(eq(sites.id, siteId)).limit(1);
    if (!v || !site) return undefined;
    const convs = await this.db
      .select({ c: conversations, helperName: users.displayName })
      .from(conversations)
      .leftJoin(users, eq(users.id, conversations.helperId))
      .where(and(eq(conversations.siteId, siteId), eq(conversations.visitorId, visitorId), conversationReadableBy(reader)))
      .orderBy(asc(conversations.createdAt));
    const ids = convs.map((x) => x.c.id);
    const lines = ids.length
      ? await this.db
          .select({ conversationId: messages.conversationId, kind: messages.authorKind, text: messages.text, at: messages.createdAt, name: users.displayName })
          .from(messages)
          .leftJoin(users, eq(users.id, messages.authorId))
          .where(inArray(messages.conversationId, ids))
          .orderBy(asc(messages.conversationId), asc(messages.seq))
      : [];
    const pages = ids.length ? await this.db.select().from(pageViews).where(inArray(pageViews.conversationId, ids)).orderBy(asc(pageViews.viewedAt)) : [];
    const out: ExportedConversation[] = convs.map(({ c, helperName }) => {
      const own = lines.filter((l) => l.conversationId === c.id);
      const helpers = new Set<string>();
      if (helperName) helpers.add(helperName);
      for (const l of own) if (l.kind === 'helper' && l.name) helpers.add(l.name);
      return {
        id: c.id,
        startedAt: c.createdAt.toISOString(),
        endedAt: iso(c.closedAt),
        status: c.status,
        question: c.question,
        page: c.pageUrl ? { url: c.pageUrl, title: c.pageTitle } : null,
        name: c.visitorName,
        email: c.visitorEmail,
        consentAt: iso(c.consentAt),
        locale: c.locale,
        timeZone: c.timeZone,
        rating: c.rating,
        ratingComment: c.ratingComment,
        helpers: [...helpers],
        addressHashKept: c.ipHash !== null,
        messages: own.map((l) => ({
          at: l.at.toISOString(),
          from: l.kind === 'visitor' ? 'you' : l.kind,
          name: l.kind === 'helper' ? (l.name ?? 'A former helper') : null,
          text: l.text,
        })),
        pages: pages.filter((p) => p.conversationId === c.id).map((p) => ({ url: p.url, title: p.title, at: p.viewedAt.toISOString() })),
      };
    });
    return {
      format: 'tribu-visitor-export/1',
      exportedAt: new Date().toISOString(),
      site: { name: site.name },
      visitor: { id: v.id, firstSeenAt: v.createdAt.toISOString(), lastSeenAt: v.lastSeenAt.toISOString() },
      conversations: out,
    };
  }

  /** Marks the visitor erased first, so every node refuses its token from now on. */
  async markErased(siteId: string, visitorId: string): Promise<void> {
    await this.db
      .update(visitors)
      .set({ erasedAt: sql`coalesce(${visitors.erasedAt}, now())` })
      .where(and(eq(visitors.id, visitorId), eq(visitors.siteId, siteId)));
  }

  /** Forgets the email of an open chat before it is ended, so no transcript mail goes out on the way. */
  async dropEmail(conversationId: string): Promise<void> {
    await this.db.update(conversations).set({ visitorEmail: null }).where(eq(conversations.id, conversationId));
  }

  /**
   * Wipes what the visitor wrote or gave and leaves tombstones: the conversation rows (ids, dates,
   * helper, rating as a number) stay for the ledger, badges, KPIs and feed links. One transaction.
   */
  async wipe(siteId: string, visitorId: string): Promise<number> {
    return this.db.transaction(async (tx) => {
      const convs = await tx
        .select({ id: conversations.id })
        .from(conversations)
        .where(and(eq(conversations.siteId, siteId), eq(conversations.visitorId, visitorId)));
      const ids = convs.map((c) => c.id);
      if (ids.length) await this.wipeConversations(tx, siteId, ids);
      // Their orders stay counted (and credited) for the shop's numbers, but no longer name them.
      await tx
        .update(conversions)
        .set({ visitorId: null })
        .where(and(eq(conversions.siteId, siteId), eq(conversions.visitorId, visitorId)));
      // The addresses the visitor confirmed (or was asked to) go with the rest.
      await tx.delete(visitorEmailConfirmations).where(eq(visitorEmailConfirmations.visitorId, visitorId));
      // Bans still in force keep their address hash (protecting helpers outweighs it); past ones lose it.
      await tx
        .update(bans)
        .set({ ipHash: null })
        .where(and(eq(bans.siteId, siteId), eq(bans.visitorId, visitorId), isNotNull(bans.ipHash), or(isNotNull(bans.liftedAt), lt(bans.until, sql`now()`))));
      return ids.length;
    });
  }

  private async wipeConversations(tx: Tx, siteId: string, ids: string[]): Promise<void> {
    const messageIds = (await tx.select({ id: messages.id }).from(messages).where(inArray(messages.conversationId, ids))).map((m) => m.id);
    await tx.delete(messages).where(inArray(messages.conversationId, ids));
    await tx.delete(pageViews).where(inArray(pageViews.conversationId, ids));
    await tx.delete(conversationNotes).where(inArray(conversationNotes.conversationId, ids));
    // Hand-off notices quote the question: they go (the chat is over anyway).
    await tx.delete(notifications).where(and(eq(notifications.siteId, siteId), inArray(sql`${notifications.link}->>'conversationId'`, ids)));
    // Reports of its messages: settled (their context now reads "no longer exists").
    await tx
      .update(reports)
      .set({ status: 'resolved', resolvedAt: new Date() })
      .where(and(eq(reports.siteId, siteId), inArray(reports.conversationId, ids), eq(reports.status, 'open')));
    // The audit log keeps who did what, not the visitor's words quoted in it.
    await tx
      .update(auditLog)
      .set({ details: sql`${auditLog.details} - 'question'` })
      .where(and(eq(auditLog.siteId, siteId), or(inArray(auditLog.targetId, ids), inArray(sql`${auditLog.details}->>'conversationId'`, ids))));
    if (messageIds.length) {
      await tx
        .update(auditLog)
        .set({ targetLabel: 'a message (erased)' })
        .where(and(eq(auditLog.siteId, siteId), eq(auditLog.targetKind, 'message'), inArray(auditLog.targetId, messageIds)));
    }
    // A thank-you card holds the visitor's words: it goes with them.
    await tx.delete(thanksCards).where(inArray(thanksCards.conversationId, ids));
    await tx
      .update(conversations)
      .set({
        question: ERASED_QUESTION,
        pageUrl: null,
        pageTitle: null,
        pageProduct: null,
        pageContext: null,
        ratingComment: null,
        visitorEmail: null,
        visitorName: null,
        consentAt: null,
        locale: null,
        timeZone: null,
        staffReason: null,
        ipHash: null,
        handoffTo: null,
        handoffAt: null,
        status: 'closed',
        closedAt: sql`coalesce(${conversations.closedAt}, now())`,
        closedBy: sql`coalesce(${conversations.closedBy}, 'visitor')`,
        erasedAt: sql`coalesce(${conversations.erasedAt}, now())`,
      })
      .where(inArray(conversations.id, ids));
  }
}
