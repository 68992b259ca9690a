import { ErrorCode, type Message, type ReportCreate, type ReportFeedAction, type ReportList, type ReportView } from '@tribu/protocol';
import { AppError, notFound } from '../../lib/errors.ts';
import { requireManager, roleOn } from '../access.ts';
import type { HelperActor } from '../actors.ts';
import { moderate } from '../feed/feed-moderation.ts';
import type { FeedService } from '../feed/feed.service.ts';
import type { ModuleDeps } from '../module-deps.ts';
import type { BansRepository } from './bans.repository.ts';
import { ReportsRepository, type ReportRow } from './reports.repository.ts';
import type { WordScreen } from './word-screen.ts';

/** Closed reports kept on the queue page below the open ones. */
const HISTORY = 50;

/**
 * Reports: helpers report a visitor message or a feed item; blocked words report themselves.
 * Managers read each with its context and close it (dismissed or resolved), live for every manager.
 */
export class ReportService {
  readonly repo: ReportsRepository;

  constructor(
    private readonly deps: ModuleDeps,
    private readonly feed: FeedService,
    private readonly words: WordScreen,
    private readonly bans: BansRepository,
  ) {
    this.repo = new ReportsRepository(deps.db);
  }

  async create(actor: HelperActor, input: ReportCreate): Promise<ReportView> {
    const { siteId, conversationId } = await this.target(actor, input);
    const row =
      (await this.repo.openBy(input.targetId, actor.userId)) ??
      (await this.repo.insert({ siteId, kind: input.kind, targetId: input.targetId, conversationId, reporterId: actor.userId, reason: input.reason }));
    await this.announce(siteId);
    return this.view(row, actor.displayName, null);
  }

  /** Where a reported item lives, if this person may see it (else it does not exist for them). */
  private async target(actor: HelperActor, input: ReportCreate): Promise<{ siteId: string; conversationId: string | null }> {
    if (input.kind === 'message') {
      const message = await this.repo.message(input.targetId);
      if (!message) throw notFound('Message');
      // Only someone who can read the chat (its helper, or a manager) can report in it.
      const row = await this.deps.conversations.readable(actor, message.conversationId).catch(() => {
        throw notFound('Message');
      });
      if (message.authorKind !== 'visitor') throw new AppError(ErrorCode.badRequest, "Only visitors' messages can be reported");
      return { siteId: row.siteId, conversationId: row.id };
    }
    const item = await this.repo.feedItem(input.kind, input.targetId);
    if (!item || !roleOn(actor, item.siteId)) throw notFound(input.kind === 'post' ? 'Post' : 'Comment');
    return { siteId: item.siteId, conversationId: null };
  }

  /** A visitor message with a blocked word enters the queue by itself (once per message). */
  async flagged(message: Message): Promise<void> {
    const conversation = await this.deps.conversationRepo.findRow(message.conversationId);
    if (!conversation || (await this.repo.openBy(message.id, null))) return;
    const found = await this.words.find(conversation.siteId, message.text);
    await this.repo.insert({
      siteId: conversation.siteId,
      kind: 'message',
      targetId: message.id,
      conversationId: conversation.id,
      reporterId: null,
      reason: found.length ? `Blocked word: ${found.join(', ')}` : 'Blocked word',
    });
    await this.announce(conversation.siteId);
  }

  async list(actor: HelperActor, siteId: string): Promise<ReportList> {
    requireManager(actor, siteId);
    const [open, closed] = await Promise.all([this.repo.list(siteId, 'open', 200), this.repo.list(siteId, 'closed', HISTORY)]);
    const views = (rows: typeof open) => Promise.all(rows.map((r) => this.view(r.r, r.reporterName, r.resolvedByName)));
    return { open: await views(open), closed: await views(closed) };
  }

  async openCount(actor: HelperActor, siteId: string): Promise<number> {
    requireManager(actor, siteId);
    return this.repo.openCount(siteId);
  }

  async decide(actor: HelperActor, siteId: string, reportId: string, status: 'resolved' | 'dismissed', note?: string): Promise<void> {
    requireManager(actor, siteId);
    const report = await this.repo.byId(siteId, reportId);
    if (!report) throw notFound('Report');
    const closed = await this.repo.close(report.id, status, actor.userId);
    if (!closed) throw new AppError(ErrorCode.invalidState, 'Another manager already closed this report');
    // Other reports of the same item (another helper, a blocked word) are settled by the same decision.
    const others = await this.repo.closeForTarget(siteId, report.targetId, status, actor.userId);
    await this.deps.audit.record(actor, {
      siteId,
      action: status === 'resolved' ? 'report.resolved' : 'report.dismissed',
      targetKind: report.kind,
      targetId: report.targetId,
      targetLabel: await this.label(report),
      reason: report.reason,
      details: { ...(note ? { outcome: note } : {}), ...(others ? { alsoClosed: others } : {}) },
    });
    await this.announce(siteId);
  }

  /** Hides or deletes the reported post or comment (the feed's own moderation), then resolves the report. */
  async feedAction(actor: HelperActor, siteId: string, reportId: string, input: ReportFeedAction): Promise<void> {
    requireManager(actor, siteId);
    const report = await this.repo.byId(siteId, reportId);
    if (!report) throw notFound('Report');
    if (report.kind === 'message') throw new AppError(ErrorCode.badRequest, 'This report is about a chat message, not a feed item');
    await moderate(this.feed, actor, { target: report.kind, id: report.targetId, action: input.action, reason: input.reason });
    if (report.status === 'open') await this.decide(actor, siteId, report.id, 'resolved', input.action === 'hide' ? 'hidden' : 'deleted');
  }

  /** A manager ends a reported chat (the visitor sees it closed, like any end). */
  async endChat(actor: HelperActor, siteId: string, conversationId: string): Promise<void> {
    requireManager(actor, siteId);
    const row = await this.deps.conversationRepo.findRow(conversationId);
    if (!row || row.siteId !== siteId) throw notFound();
    await this.deps.conversations.end(actor, row.id);
    await this.deps.audit.record(actor, {
      siteId,
      action: 'chat.ended',
      targetKind: 'conversation',
      targetId: row.id,
      targetLabel: visitorLabel(row.visitorId),
      details: { question: row.question.slice(0, 120) },
    });
  }

  /** Every manager's queue and count badge, on every node. */
  async announce(siteId: string): Promise<void> {
    const open = await this.repo.openCount(siteId);
    this.deps.notify.reportsChanged({ siteId, open });
  }

  private async view(r: ReportRow, reporterName: string | null, resolvedByName: string | null): Promise<ReportView> {
    return {
      id: r.id,
      siteId: r.siteId,
      kind: r.kind,
      targetId: r.targetId,
      status: r.status,
      reason: r.reason,
      reporterName: r.reporterId ? (reporterName ?? 'A former member') : null,
      createdAt: r.createdAt.toISOString(),
      resolvedByName,
      resolvedAt: r.resolvedAt?.toISOString() ?? null,
      context: await this.context(r),
    };
  }

  private async context(r: ReportRow): Promise<ReportView['context']> {
    if (r.kind !== 'message') {
      const item = await this.repo.feedItem(r.kind, r.targetId);
      if (!item) return null;
      const { siteId: _siteId, ...context } = item;
      return context;
    }
    const message = await this.repo.message(r.targetId);
    const c = message && (await this.repo.conversation(message.conversationId));
    if (!message || !c) return null;
    return {
      kind: 'message',
      conversationId: c.id,
      visitorId: c.visitorId,
      question: c.question,
      page: c.pageUrl ? await this.deps.conversationRepo.pages.shown(c.siteId, { url: c.pageUrl, title: c.pageTitle ?? '' }) : null,
      status: c.status,
      startedAt: c.createdAt.toISOString(),
      helperName: c.helperName,
      messages: await this.repo.around(c.id, message.seq, message.id),
      visitorBanned: await this.bans.isBanned(c.siteId, c.visitorId, null),
    };
  }

  private async label(r: ReportRow): Promise<string> {
    if (r.kind === 'message') {
      const m = await this.repo.message(r.targetId);
      return m ? `message “${m.text.slice(0, 60)}”` : 'a message';
    }
    const item = await this.repo.feedItem(r.kind, r.targetId);
    return item ? `${r.kind} by ${item.authorName ?? 'a former member'}` : `a ${r.kind}`;
  }
}

/** How a visitor is named in the log: anonymous, so a short form of their id. */
export const visitorLabel = (visitorId: string) => `visitor ${visitorId.slice(0, 8)}`;
