import { and, asc, between, count, desc, eq, inArray } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { conversations, feedComments, feedPosts, messages, reports, users, type Db } from '@tribu/db';
import type { ContextMessage, FeedContext, ReportKind, ReportStatus } from '@tribu/protocol';

export type ReportRow = typeof reports.$inferSelect;
type ConversationRow = typeof conversations.$inferSelect;

const reporter = alias(users, 'reporter');
const resolver = alias(users, 'resolver');
/** Messages shown on each side of a reported one. */
const AROUND = 3;

/** Storage of reports and of what a manager reads around them; no rules here. */
export class ReportsRepository {
  constructor(private readonly db: Db) {}

  async insert(values: {
    siteId: string;
    kind: ReportKind;
    targetId: string;
    conversationId: string | null;
    reporterId: string | null;
    reason: string;
  }): Promise<ReportRow> {
    const [row] = await this.db.insert(reports).values(values).returning();
    return row!;
  }

  /** The same person's open report of the same item (a second click reports once). */
  async openBy(targetId: string, reporterId: string | null): Promise<ReportRow | undefined> {
    const [row] = await this.db
      .select()
      .from(reports)
      .where(and(eq(reports.targetId, targetId), eq(reports.status, 'open'), reporterId ? eq(reports.reporterId, reporterId) : undefined))
      .limit(1);
    return row;
  }

  async byId(siteId: string, id: string): Promise<ReportRow | undefined> {
    const [row] = await this.db
      .select()
      .from(reports)
      .where(and(eq(reports.id, id), eq(reports.siteId, siteId)))
      .limit(1);
    return row;
  }

  /** Open reports of a site, oldest first (they wait longest), and the latest closed ones. */
  async list(siteId: string, status: 'open' | 'closed', limit: number) {
    const rows = await this.db
      .select({ r: reports, reporterName: reporter.displayName, resolvedByName: resolver.displayName })
      .from(reports)
      .leftJoin(reporter, eq(reporter.id, reports.reporterId))
      .leftJoin(resolver, eq(resolver.id, reports.resolvedBy))
      .where(and(eq(reports.siteId, siteId), status === 'open' ? eq(reports.status, 'open') : inArray(reports.status, ['resolved', 'dismissed'])))
      .orderBy(status === 'open' ? asc(reports.createdAt) : desc(reports.resolvedAt))
      .limit(limit);
    return rows;
  }

  async openCount(siteId: string): Promise<number> {
    const [row] = await this.db
      .select({ n: count() })
      .from(reports)
      .where(and(eq(reports.siteId, siteId), eq(reports.status, 'open')));
    return row?.n ?? 0;
  }

  /** Closes one open report; undefined when someone else closed it first. */
  async close(id: string, status: Exclude<ReportStatus, 'open'>, by: string): Promise<ReportRow | undefined> {
    const [row] = await this.db
      .update(reports)
      .set({ status, resolvedBy: by, resolvedAt: new Date() })
      .where(and(eq(reports.id, id), eq(reports.status, 'open')))
      .returning();
    return row;
  }

  /** Every open report of the same item: one decision settles them all. */
  async closeForTarget(siteId: string, targetId: string, status: Exclude<ReportStatus, 'open'>, by: string): Promise<number> {
    const rows = await this.db
      .update(reports)
      .set({ status, resolvedBy: by, resolvedAt: new Date() })
      .where(and(eq(reports.siteId, siteId), eq(reports.targetId, targetId), eq(reports.status, 'open')))
      .returning({ id: reports.id });
    return rows.length;
  }

  /** Every open report about a conversation's messages (a ban settles them all). */
  async closeForConversation(conversationId: string, by: string): Promise<number> {
    const rows = await this.db
      .update(reports)
      .set({ status: 'resolved', resolvedBy: by, resolvedAt: new Date() })
      .where(and(eq(reports.conversationId, conversationId), eq(reports.status, 'open')))
      .returning({ id: reports.id });
    return rows.length;
  }

  async message(id: string) {
    const [row] = await this.db.select().from(messages).where(eq(messages.id, id)).limit(1);
    return row;
  }

  /** The messages around `seq` in a conversation, with their authors' names. */
  async around(conversationId: string, seq: number, reportedId: string): Promise<ContextMessage[]> {
    const rows = await this.db
      .select({ m: messages, name: users.displayName })
      .from(messages)
      .leftJoin(users, eq(users.id, messages.authorId))
      .where(and(eq(messages.conversationId, conversationId), between(messages.seq, seq - AROUND, seq + AROUND)))
      .orderBy(asc(messages.seq));
    return rows.map(({ m, name }) => ({
      id: m.id,
      seq: m.seq,
      author: m.authorKind,
      authorName: m.authorKind === 'helper' ? name : null,
      text: m.text,
      flagged: m.flagged,
      createdAt: m.createdAt.toISOString(),
      reported: m.id === reportedId,
    }));
  }

  async conversation(id: string): Promise<(ConversationRow & { helperName: string | null }) | undefined> {
    const [row] = await this.db
      .select({ c: conversations, helperName: users.displayName })
      .from(conversations)
      .leftJoin(users, eq(users.id, conversations.helperId))
      .where(eq(conversations.id, id))
      .limit(1);
    return row && { ...row.c, helperName: row.helperName };
  }

  async feedItem(kind: 'post' | 'comment', id: string): Promise<(FeedContext & { siteId: string }) | undefined> {
    if (kind === 'post') {
      const [row] = await this.db
        .select({ p: feedPosts, name: users.displayName })
        .from(feedPosts)
        .leftJoin(users, eq(users.id, feedPosts.authorId))
        .where(eq(feedPosts.id, id))
        .limit(1);
      if (!row) return undefined;
      const { p } = row;
      return {
        kind,
        siteId: p.siteId,
        postId: p.id,
        text: p.text,
        authorName: row.name,
        createdAt: p.createdAt.toISOString(),
        postText: null,
        moderation: p.moderation?.action ?? null,
      };
    }
    const [row] = await this.db
      .select({ c: feedComments, post: feedPosts, name: users.displayName })
      .from(feedComments)
      .innerJoin(feedPosts, eq(feedPosts.id, feedComments.postId))
      .leftJoin(users, eq(users.id, feedComments.authorId))
      .where(eq(feedComments.id, id))
      .limit(1);
    if (!row) return undefined;
    const { c, post } = row;
    return {
      kind,
      siteId: post.siteId,
      postId: post.id,
      text: c.text,
      authorName: row.name,
      createdAt: c.createdAt.toISOString(),
      postText: post.text.split('\n')[0]!.slice(0, 140),
      moderation: c.moderation?.action ?? null,
    };
  }
}
