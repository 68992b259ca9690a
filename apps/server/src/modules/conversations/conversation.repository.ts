import { and, asc, desc, eq, gt, inArray, isNull, ne, sql } from 'drizzle-orm';
import { conversations, messages, pageViews, sites, users, type Db } from '@tribu/db';
import type { AuthorKind, Conversation, Message, Page, QueueItem } from '@tribu/protocol';
import { LIMITS } from '@tribu/protocol';
import { toConversation, toMessage, toQueueItem } from './conversation.mapper.ts';
import { MessageBatcher } from './message-batch.ts';
import { pagesAsText, type PageLinks } from './page-links.ts';

type ConversationRow = typeof conversations.$inferSelect;
type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

export interface NewMessage {
  conversationId: string;
  authorKind: AuthorKind;
  authorId: string | null;
  senderKey: string;
  clientId: string;
  text: string;
  /** Contains one of the site's blocked words (visitor messages only). */
  flagged?: boolean;
  /** Shown with the message; the caller knows it (the signed-in helper), so nothing is re-read. */
  authorName: string | null;
}

/** Queries of conversations and their messages; no rules here, only storage. */
export class ConversationRepository {
  /** Concurrent sends, written together: one transaction per batch instead of one per message. */
  private readonly batcher: MessageBatcher;

  constructor(
    private readonly db: Db,
    /** How a visitor's page URL is handed out: a link on the site's allowed origins only. */
    readonly pages: PageLinks = pagesAsText,
  ) {
    this.batcher = new MessageBatcher(db);
  }

  /**
   * Stores a message with the next seq of its conversation, batched with concurrent ones; resolves
   * once committed. A retry (same sender and client id) gets the stored message back.
   */
  async write(input: NewMessage): Promise<{ message: Message; created: boolean } | 'conflict' | 'refused'> {
    const outcome = await this.batcher.write(input);
    if (outcome.kind !== 'stored') return outcome.kind;
    return { message: toMessage(outcome.row, input.authorName), created: outcome.created };
  }

  /** Resolves once no message batch is queued or being written. */
  settled(): Promise<void> {
    return this.batcher.settled();
  }

  async findRow(id: string): Promise<ConversationRow | undefined> {
    const [row] = await this.db.select().from(conversations).where(eq(conversations.id, id)).limit(1);
    return row;
  }

  async view(row: ConversationRow): Promise<Conversation> {
    const ids = [row.helperId, row.handoffTo].filter((x): x is string => x !== null);
    const people =
      ids.length === 0
        ? []
        : await this.db
            .select({ id: users.id, displayName: users.displayName, avatarUrl: users.avatarUrl, bio: users.bio })
            .from(users)
            .where(inArray(users.id, ids));
    const helper = people.find((p) => p.id === row.helperId) ?? null;
    const handoffTo = people.find((p) => p.id === row.handoffTo)?.displayName ?? null;
    const conversation = toConversation(row, helper, handoffTo);
    return conversation.page ? { ...conversation, page: await this.pages.shown(row.siteId, conversation.page) } : conversation;
  }

  /** A board card, its page shown by the one page-link rule. */
  async queueItem(row: ConversationRow): Promise<QueueItem> {
    const item = toQueueItem(row);
    return item.page ? { ...item, page: await this.pages.shown(row.siteId, item.page) } : item;
  }

  /** The visitor's open conversation on a site, else their latest closed one. */
  async latestForVisitor(siteId: string, visitorId: string): Promise<ConversationRow | undefined> {
    const [row] = await this.db
      .select()
      .from(conversations)
      .where(and(eq(conversations.siteId, siteId), eq(conversations.visitorId, visitorId)))
      .orderBy(sql`${conversations.status} = 'closed'`, desc(conversations.createdAt))
      .limit(1);
    return row;
  }

  /** The visitor's ended conversations on a site, newest first. */
  async closedForVisitor(siteId: string, visitorId: string, limit = 20): Promise<ConversationRow[]> {
    return this.db
      .select()
      .from(conversations)
      .where(and(eq(conversations.siteId, siteId), eq(conversations.visitorId, visitorId), eq(conversations.status, 'closed')))
      .orderBy(desc(conversations.createdAt))
      .limit(limit);
  }

  async openForVisitor(siteId: string, visitorId: string): Promise<ConversationRow | undefined> {
    const [row] = await this.db
      .select()
      .from(conversations)
      .where(and(eq(conversations.siteId, siteId), eq(conversations.visitorId, visitorId), ne(conversations.status, 'closed')))
      .limit(1);
    return row;
  }

  /** Creates a waiting conversation and its first message in one transaction. */
  async create(input: {
    siteId: string;
    visitorId: string;
    question: string;
    page: Page | undefined;
    clientId: string;
    email: string | undefined;
    name: string | undefined;
    consent: boolean;
    locale: string | null;
    timeZone: string | null;
    topics: string[];
  }): Promise<{ row: ConversationRow; message: Message }> {
    return this.db.transaction(async (tx) => {
      const [row] = await tx
        .insert(conversations)
        .values({
          siteId: input.siteId,
          visitorId: input.visitorId,
          question: input.question,
          pageUrl: input.page?.url ?? null,
          pageTitle: input.page?.title ?? null,
          pageProduct: input.page?.product ?? null,
          pageContext: input.page?.context ?? null,
          visitorEmail: input.email ?? null,
          visitorName: input.name ?? null,
          consentAt: input.consent ? new Date() : null,
          locale: input.locale,
          timeZone: input.timeZone,
          topics: input.topics,
        })
        .returning();
      if (!row) throw new Error('conversation insert returned nothing');
      if (input.page) await tx.insert(pageViews).values({ conversationId: row.id, url: input.page.url, title: input.page.title });
      const message = await this.appendIn(tx, {
        conversationId: row.id,
        authorKind: 'visitor',
        authorId: null,
        senderKey: `v:${input.visitorId}`,
        clientId: input.clientId,
        text: input.question,
        authorName: null,
      });
      return { row: { ...row, lastSeq: message.seq }, message };
    });
  }

  /** Appends a message with the next seq; undefined when the conversation is closed or gone. */
  async append(input: NewMessage): Promise<Message | undefined> {
    return this.db.transaction((tx) =>
      this.appendIn(tx, input).catch((e: unknown) => {
        if (e instanceof ClosedError) return undefined;
        throw e;
      }),
    );
  }

  private async appendIn(tx: Tx, input: NewMessage): Promise<Message> {
    // The row lock taken by this update serialises sends per conversation: seqs never collide.
    const [conv] = await tx
      .update(conversations)
      .set({
        lastSeq: sql`${conversations.lastSeq} + 1`,
        ...(input.authorKind === 'helper' ? { firstResponseAt: sql`coalesce(${conversations.firstResponseAt}, now())` } : {}),
      })
      .where(and(eq(conversations.id, input.conversationId), ne(conversations.status, 'closed')))
      .returning({ lastSeq: conversations.lastSeq });
    if (!conv) throw new ClosedError();
    const { authorName, ...values } = input;
    const [row] = await tx
      .insert(messages)
      .values({ ...values, seq: conv.lastSeq })
      .returning();
    if (!row) throw new Error('message insert returned nothing');
    return toMessage(row, authorName);
  }

  async messagesAfter(conversationId: string, afterSeq: number, limit: number = LIMITS.syncBatch): Promise<Message[]> {
    const rows = await this.db
      .select({ m: messages, name: users.displayName })
      .from(messages)
      .leftJoin(users, eq(users.id, messages.authorId))
      .where(and(eq(messages.conversationId, conversationId), gt(messages.seq, afterSeq)))
      .orderBy(asc(messages.seq))
      .limit(limit);
    return rows.map((r) => toMessage(r.m, r.name));
  }

  async queue(siteId: string): Promise<QueueItem[]> {
    const rows = await this.db
      .select()
      .from(conversations)
      .where(and(eq(conversations.siteId, siteId), eq(conversations.status, 'waiting'), isNull(conversations.staffAt)))
      .orderBy(asc(conversations.createdAt))
      .limit(200);
    return Promise.all(rows.map((r) => this.queueItem(r)));
  }

  /** The site's waiting conversations, oldest first, with whose they are. */
  async waiting(siteId: string): Promise<{ id: string; visitorId: string }[]> {
    return this.db
      .select({ id: conversations.id, visitorId: conversations.visitorId })
      .from(conversations)
      .where(and(eq(conversations.siteId, siteId), eq(conversations.status, 'waiting'), isNull(conversations.staffAt)))
      .orderBy(asc(conversations.createdAt))
      .limit(500);
  }

  async activeForHelper(siteId: string, helperId: string): Promise<ConversationRow[]> {
    return this.db
      .select()
      .from(conversations)
      .where(and(eq(conversations.siteId, siteId), eq(conversations.helperId, helperId), eq(conversations.status, 'active')))
      .orderBy(asc(conversations.claimedAt));
  }

  /**
   * Atomic claim: the conditional update lets exactly one helper win across all nodes. It runs
   * first, so in a burst the losers learn it in one statement instead of queueing on the winner's
   * per-helper lock; the winner then takes that lock (the one hand-offs take, see `takeWithinCap`)
   * and counts its chats, and gives the request back if it would overshoot the cap.
   */
  async claim(id: string, helperId: string, cap: number): Promise<{ ok: true; row: ConversationRow } | { ok: false; reason: 'cap' | 'gone' }> {
    try {
      return await this.db.transaction(async (tx) => {
        const [row] = await tx
          .update(conversations)
          .set({ status: 'active', helperId, claimedAt: new Date() })
          .where(and(eq(conversations.id, id), eq(conversations.status, 'waiting')))
          .returning();
        if (!row) return { ok: false, reason: 'gone' } as const;
        await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${helperId}, 0))`);
        const [count] = await tx
          .select({ n: sql<number>`count(*)::int` })
          .from(conversations)
          .where(and(eq(conversations.helperId, helperId), eq(conversations.status, 'active')));
        if ((count?.n ?? 0) > cap) throw new OverCap();
        return { ok: true, row } as const;
      });
    } catch (e) {
      if (e instanceof OverCap) return { ok: false, reason: 'cap' };
      throw e;
    }
  }

  /** Back to the board, only if `helperId` still holds it (a racing end or release wins once). */
  async release(id: string, helperId: string): Promise<ConversationRow | undefined> {
    const [row] = await this.db
      .update(conversations)
      // A hand-off still on offer dies with the helper's hold on the chat.
      .set({ status: 'waiting', helperId: null, claimedAt: null, handoffTo: null, handoffAt: null })
      .where(and(eq(conversations.id, id), eq(conversations.status, 'active'), eq(conversations.helperId, helperId)))
      .returning();
    return row;
  }

  async close(id: string, by: AuthorKind): Promise<ConversationRow | undefined> {
    const [row] = await this.db
      .update(conversations)
      .set({ status: 'closed', closedAt: new Date(), closedBy: by, handoffTo: null, handoffAt: null })
      .where(and(eq(conversations.id, id), ne(conversations.status, 'closed')))
      .returning();
    return row;
  }

  /** A page the visitor views: a new step of the trail unless it is the page of the last step (a reload, a new context). */
  async recordPage(id: string, page: Page): Promise<void> {
    await this.db.transaction(async (tx) => {
      const [last] = await tx
        .select({ url: pageViews.url })
        .from(pageViews)
        .where(eq(pageViews.conversationId, id))
        .orderBy(desc(pageViews.viewedAt), desc(pageViews.id))
        .limit(1);
      if (last?.url !== page.url) await tx.insert(pageViews).values({ conversationId: id, url: page.url, title: page.title });
      await tx
        .update(conversations)
        .set({
          pageUrl: page.url,
          pageTitle: page.title,
          pageProduct: page.product ?? null,
          pageContext: page.context ?? null,
        })
        .where(eq(conversations.id, id));
    });
  }

  /**
   * Returns to the board every claimed request whose helper sent no first answer within the site's
   * delay. One conditional UPDATE: with several nodes sweeping, each request is released once.
   */
  async releaseUnanswered(defaultSec: number): Promise<(ConversationRow & { releasedFrom: string })[]> {
    const result: unknown = await this.db.execute(sql`
      with due as (
        select c.id, c.helper_id from ${conversations} c join ${sites} s on s.id = c.site_id
        where c.status = 'active' and c.first_response_at is null and c.staff_at is null
          and c.claimed_at < now() - make_interval(secs => coalesce((s.settings->>'releaseAfterSec')::int, ${defaultSec}))
        for update of c skip locked
      )
      update ${conversations} c set status = 'waiting', helper_id = null, claimed_at = null, handoff_to = null, handoff_at = null
      from due where c.id = due.id
      returning c.id, due.helper_id as released_from`);
    const rows = (result as { rows: { id: string; released_from: string }[] }).rows;
    const full = await this.rowsByIds(rows.map((r) => r.id));
    const from = new Map(rows.map((r) => [r.id, r.released_from]));
    return full.map((r) => ({ ...r, releasedFrom: from.get(r.id)! }));
  }

  /** Moves a side's read mark forward (never back, never past the last message). */
  async markRead(id: string, side: 'visitor' | 'helper', seq: number): Promise<number | undefined> {
    const col = side === 'visitor' ? conversations.visitorReadSeq : conversations.helperReadSeq;
    const [row] = await this.db
      .update(conversations)
      .set(
        side === 'visitor'
          ? { visitorReadSeq: sql`least(${conversations.lastSeq}, greatest(${col}, ${seq}))` }
          : { helperReadSeq: sql`least(${conversations.lastSeq}, greatest(${col}, ${seq}))` },
      )
      .where(eq(conversations.id, id))
      .returning({ seq: col });
    return row?.seq;
  }

  /** Stores the visitor's rating of a closed chat (they may change their mind). */
  async rate(id: string, rating: number, comment: string | null): Promise<ConversationRow | undefined> {
    const [row] = await this.db
      .update(conversations)
      .set({ rating, ratingComment: comment })
      .where(and(eq(conversations.id, id), eq(conversations.status, 'closed')))
      .returning();
    return row;
  }

  /** Median minutes from question to first answer over the site's last 50 answered chats. */
  async medianResponseMinutes(siteId: string): Promise<number | null> {
    const result: unknown = await this.db.execute(sql`
      select percentile_cont(0.5) within group (order by extract(epoch from (first_response_at - created_at))) / 60 as m
      from (select first_response_at, created_at from ${conversations}
            where site_id = ${siteId} and first_response_at is not null
            order by created_at desc limit 50) recent`);
    // node-postgres and PGlite both return `{ rows }`.
    const row = (result as { rows: { m: number | string | null }[] }).rows[0];
    return row?.m == null ? null : Math.max(1, Math.round(Number(row.m)));
  }

  /** Active chat counts of the given helpers on a site. */
  async activeCounts(siteId: string, helperIds: string[]): Promise<Map<string, number>> {
    if (helperIds.length === 0) return new Map();
    const rows = await this.db
      .select({ helperId: conversations.helperId, n: sql<number>`count(*)::int` })
      .from(conversations)
      .where(and(eq(conversations.siteId, siteId), eq(conversations.status, 'active'), inArray(conversations.helperId, helperIds)))
      .groupBy(conversations.helperId);
    return new Map(rows.map((r) => [r.helperId!, r.n]));
  }

  async rowsByIds(ids: string[]): Promise<ConversationRow[]> {
    if (ids.length === 0) return [];
    return this.db.select().from(conversations).where(inArray(conversations.id, ids));
  }
}

class ClosedError extends Error {}
class OverCap extends Error {}
