import { DEFAULT_CHAT_CAP, DEFAULT_RELEASE_AFTER_SEC, canSend, matchTopics } from '@tribu/domain';
import {
  ErrorCode,
  type Conversation,
  type ConversationRate,
  type ConversationStart,
  type ConversationWithMessages,
  type MaybeConversation,
  type Message,
  type MessageSend,
  type Page,
  type QueueItem,
} from '@tribu/protocol';
import { randomUUID } from 'node:crypto';
import { AppError, notFound } from '../../lib/errors.ts';
import { systemTexts } from '../desk/system-texts.ts';
import { isUniqueViolation } from '../../lib/pg-errors.ts';
import { hasRoleOn, mayTakeRequest, requireMember, requireReadConversation, roleOn } from '../access.ts';
import type { Actor, HelperActor, VisitorActor } from '../actors.ts';
import type { SiteService } from '../sites/site.service.ts';
import type { ConversationEvents } from './conversation.events.ts';
import type { ConversationRepository } from './conversation.repository.ts';

type PrechatSettings = NonNullable<Awaited<ReturnType<SiteService['byId']>>>['settings']['prechat'];
type Row = NonNullable<Awaited<ReturnType<ConversationRepository['findRow']>>>;

/** How long a node answers typing indicators from the conversation's row as it last read it. */
const TYPING_ROW_MS = 1_000;

/** Conversation rules: who may read, claim, write and end; persistence first, then notification. */
export class ConversationService {
  constructor(
    private readonly repo: ConversationRepository,
    private readonly sites: SiteService,
    /** Public so the desk's hand-off and staff moves announce through the same fan-out. */
    readonly events: ConversationEvents,
    /** Moderation's screen of a visitor's text (blocked words): true flags the message for managers. */
    private readonly screen: (siteId: string, text: string) => boolean | Promise<boolean> = () => false,
  ) {}

  // ---------- visitor ----------

  async fetchForVisitor(v: VisitorActor): Promise<MaybeConversation> {
    const row = await this.repo.latestForVisitor(v.siteId, v.visitorId);
    if (!row) return { conversation: null, messages: [] };
    return { conversation: await this.repo.view(row), messages: await this.repo.messagesAfter(row.id, 0) };
  }

  /** Starts a conversation; a second tab racing the first joins the same open conversation. */
  async start(v: VisitorActor, input: ConversationStart): Promise<{ conversation: Conversation; message: Message }> {
    const open = await this.repo.openForVisitor(v.siteId, v.visitorId);
    if (open) return this.continueOpen(v, open, input);
    const site = await this.sites.byId(v.siteId);
    this.checkPrechat(site?.settings.prechat, input);
    try {
      const { row, message } = await this.repo.create({
        siteId: v.siteId,
        visitorId: v.visitorId,
        question: input.text,
        page: input.page,
        clientId: input.clientId,
        email: input.email,
        name: input.name,
        consent: input.consent === true,
        locale: input.locale ?? null,
        timeZone: input.timeZone ?? null,
        topics: matchTopics(input.text, site?.settings.topics ?? []),
      });
      const conversation = await this.repo.view(row);
      this.events.queueAdded(await this.repo.queueItem(row));
      this.events.conversationUpdated(v.visitorId, conversation);
      return { conversation, message };
    } catch (e) {
      if (!isUniqueViolation(e)) throw e;
      const raced = await this.repo.openForVisitor(v.siteId, v.visitorId);
      if (!raced) throw e;
      return this.continueOpen(v, raced, input);
    }
  }

  /** What the site requires before a chat (name, email, consent to its privacy notice). */
  private checkPrechat(p: PrechatSettings | undefined, input: ConversationStart): void {
    if (p?.consent && input.consent !== true) {
      throw new AppError(ErrorCode.badRequest, 'Please accept the privacy notice to start a chat');
    }
    if (p?.name === 'required' && !input.name) throw new AppError(ErrorCode.badRequest, 'Please give your name');
    if (p?.email === 'required' && !input.email) throw new AppError(ErrorCode.badRequest, 'Please give your email');
  }

  private async continueOpen(v: VisitorActor, open: Row, input: ConversationStart) {
    const message = await this.send(v, { conversationId: open.id, clientId: input.clientId, text: input.text });
    return { conversation: await this.repo.view((await this.repo.findRow(open.id)) ?? open), message };
  }

  async history(v: VisitorActor): Promise<Conversation[]> {
    const rows = await this.repo.closedForVisitor(v.siteId, v.visitorId);
    return Promise.all(rows.map((r) => this.repo.view(r)));
  }

  async recordPage(v: VisitorActor, conversationId: string, page: Page): Promise<void> {
    const row = await this.readable(v, conversationId);
    if (row.status === 'closed') return;
    await this.repo.recordPage(row.id, page);
    this.events.pageViewed({ conversationId: row.id, page: await this.repo.pages.shown(row.siteId, page), at: new Date().toISOString() });
  }

  async rate(v: VisitorActor, input: ConversationRate): Promise<Conversation> {
    const row = await this.readable(v, input.conversationId);
    if (row.status !== 'closed') throw new AppError(ErrorCode.invalidState, 'You can rate a chat once it has ended');
    if (!row.helperId) throw new AppError(ErrorCode.invalidState, 'Nobody answered this chat, so there is nothing to rate');
    const rated = await this.repo.rate(row.id, input.rating, input.comment || null);
    if (!rated) throw notFound();
    const conversation = await this.repo.view(rated);
    this.events.conversationUpdated(row.visitorId, conversation);
    return conversation;
  }

  // ---------- helper ----------

  async queue(h: HelperActor, siteId: string): Promise<QueueItem[]> {
    this.requireMember(h, siteId);
    return this.repo.queue(siteId);
  }

  async listMine(h: HelperActor, siteId: string): Promise<Conversation[]> {
    this.requireMember(h, siteId);
    const rows = await this.repo.activeForHelper(siteId, h.userId);
    return Promise.all(rows.map((r) => this.repo.view(r)));
  }

  async claim(h: HelperActor, conversationId: string): Promise<ConversationWithMessages> {
    const row = await this.repo.findRow(conversationId);
    // Staff items are for the brand's managers only; to others they do not exist.
    if (!row || !mayTakeRequest(h, row)) throw notFound();
    if (row.status !== 'waiting') throw alreadyClaimed();
    const site = await this.sites.byId(row.siteId);
    const cap = site?.settings.chatCap ?? DEFAULT_CHAT_CAP;
    const result = await this.repo.claim(conversationId, h.userId, cap);
    if (!result.ok) {
      if (result.reason === 'cap') {
        throw new AppError(ErrorCode.capReached, `You already have ${cap} chats open; end one to take another`);
      }
      throw alreadyClaimed();
    }
    const conversation = await this.repo.view(result.row);
    this.events.queueRemoved(row.siteId, row.id);
    this.events.helperJoined(h.userId, row.id);
    this.events.conversationUpdated(row.visitorId, conversation);
    return { conversation, messages: await this.repo.messagesAfter(row.id, 0) };
  }

  async fetchForHelper(h: HelperActor, conversationId: string): Promise<ConversationWithMessages> {
    const row = await this.readable(h, conversationId);
    return { conversation: await this.repo.view(row), messages: await this.repo.messagesAfter(row.id, 0) };
  }

  /** The helper gives the chat back to the board; the visitor waits for the next helper. */
  async release(h: HelperActor, conversationId: string): Promise<Conversation> {
    const row = await this.readable(h, conversationId);
    if (row.helperId !== h.userId) throw new AppError(ErrorCode.forbidden, 'Only the helper who took this chat can release it');
    const released = await this.repo.release(row.id, h.userId);
    if (!released) throw new AppError(ErrorCode.invalidState, 'This chat is no longer yours to release');
    await this.backToBoardNotice(released, h.displayName);
    const conversation = await this.repo.view(released);
    this.events.conversationUpdated(row.visitorId, conversation);
    this.events.helperReleased(h.userId, conversation);
    if (row.handoffTo) this.events.handoffWithdrawn(row.handoffTo, row.id);
    // A staff chat a manager lets go returns to the staff queue, never to the volunteers' board.
    if (!released.staffAt) this.events.queueAdded(await this.repo.queueItem(released));
    return conversation;
  }

  /** Puts back on the board the requests nobody answered in time after taking them. */
  async releaseUnanswered(): Promise<number> {
    const released = await this.repo.releaseUnanswered(DEFAULT_RELEASE_AFTER_SEC);
    for (const row of released) {
      await this.backToBoardNotice(row, null);
      const conversation = await this.repo.view(row);
      // The helper's tabs learn it left their desk; the visitor sees it waiting again.
      this.events.conversationUpdated(row.visitorId, conversation);
      this.events.helperReleased(row.releasedFrom, conversation);
      this.events.queueAdded(await this.repo.queueItem(row));
    }
    return released.length;
  }

  /** The visitor is told, in their language, that their helper left and the question is back on the board. */
  private async backToBoardNotice(row: Row, helperName: string | null): Promise<void> {
    const message = await this.repo.append({
      conversationId: row.id,
      authorKind: 'system',
      authorId: null,
      senderKey: 'system',
      clientId: `sys-${randomUUID()}`,
      text: systemTexts(row.locale).released(helperName),
      authorName: null,
    });
    if (message) this.events.messageCreated(row.visitorId, message);
  }

  // ---------- both ----------

  /**
   * Stores a message once per client id (a retry gets the stored one back), then relays it. The
   * conversation's state (open, this helper's) is checked under its row lock in the batched write;
   * only who owns it, which never changes, comes from memory.
   */
  async send(actor: Actor, input: MessageSend): Promise<Message> {
    const senderKey = actor.kind === 'visitor' ? `v:${actor.visitorId}` : `u:${actor.userId}`;
    // One sender's messages reach the batch queue in the order they were sent, whatever each one's
    // checks cost (a cache miss must not let a later message overtake an earlier one).
    const lane = `${input.conversationId}|${senderKey}`;
    const before = this.lanes.get(lane);
    let done!: () => void;
    const mine = new Promise<void>((resolve) => (done = resolve));
    this.lanes.set(lane, mine);
    let conv: { id: string; siteId: string; visitorId: string };
    let written: ReturnType<ConversationRepository['write']>;
    try {
      await before;
      conv = await this.sendable(actor, input.conversationId);
      const flagged = actor.kind === 'visitor' && (await this.screen(conv.siteId, input.text));
      // Queued synchronously here, so the lane may open for the next message right away.
      written = this.repo.write({
        conversationId: conv.id,
        authorKind: actor.kind,
        authorId: actor.kind === 'helper' ? actor.userId : null,
        senderKey,
        clientId: input.clientId,
        text: input.text,
        flagged,
        authorName: actor.kind === 'helper' ? actor.displayName : null,
      });
    } finally {
      done();
      if (this.lanes.get(lane) === mine) this.lanes.delete(lane);
    }
    const result = await written;
    if (result === 'conflict') {
      throw new AppError(ErrorCode.conflict, 'This message id was already used for a different text');
    }
    if (result === 'refused') {
      // The full check names the reason (ended, not yours, gone); a state that changed back is a retry.
      await this.writable(actor, conv.id);
      throw new AppError(ErrorCode.invalidState, 'This chat changed while sending; please retry');
    }
    if (result.created) this.events.messageCreated(conv.visitorId, result.message);
    return result.message;
  }

  /** The last message of each sender still being checked, per conversation (see `send`). */
  private readonly lanes = new Map<string, Promise<void>>();

  /** Who a conversation belongs to never changes: kept after the first full check, per node. */
  private readonly owners = new Map<string, { id: string; siteId: string; visitorId: string }>();

  private async sendable(actor: Actor, conversationId: string): Promise<{ id: string; siteId: string; visitorId: string }> {
    const known = this.owners.get(conversationId);
    if (!known) {
      const row = await this.writable(actor, conversationId);
      if (this.owners.size >= 100_000) this.owners.delete(this.owners.keys().next().value!);
      const owner = { id: row.id, siteId: row.siteId, visitorId: row.visitorId };
      this.owners.set(row.id, owner);
      return owner;
    }
    // The same answers as `readable` for whom the conversation is not: it does not exist.
    if (actor.kind === 'visitor' ? known.visitorId !== actor.visitorId || known.siteId !== actor.siteId : !roleOn(actor, known.siteId)) {
      throw notFound();
    }
    return known;
  }

  /**
   * Relays a typing indicator to the other side; nothing is stored. Checked by the same rules as a
   * send (`writable`), on the conversation's row as read at most TYPING_ROW_MS ago on this node:
   * typing comes several times a second per chat, and a stale answer can at worst relay "typing…"
   * for a second into a chat that just ended or changed hands, where nobody acts on it.
   */
  async typing(actor: Actor, conversationId: string, typing: boolean): Promise<void> {
    const now = Date.now();
    const hit = this.typingRows.get(conversationId);
    let row: Row | undefined = hit && hit.until > now ? hit.row : undefined;
    if (!row) {
      row = await this.repo.findRow(conversationId);
      if (row) {
        if (this.typingRows.size >= 50_000) this.typingRows.clear();
        this.typingRows.set(conversationId, { row, until: now + TYPING_ROW_MS });
      }
    }
    const checked = this.writableRow(actor, row);
    this.events.typingUpdated(checked.visitorId, { conversationId: checked.id, author: actor.kind, typing });
  }

  /** Rows typing was last checked against, per node (see `typing`). */
  private readonly typingRows = new Map<string, { row: Row; until: number }>();

  /** Read receipts: only the two people of the chat mark it read; the other side is told. */
  async markRead(actor: Actor, conversationId: string, seq: number): Promise<void> {
    const row = await this.readable(actor, conversationId);
    if (actor.kind === 'helper' && row.helperId !== actor.userId) return; // a moderator reading is not the helper reading
    const stored = await this.repo.markRead(row.id, actor.kind, seq);
    if (stored === undefined) return;
    this.events.readUpdated(row.visitorId, { conversationId: row.id, author: actor.kind, seq: stored });
  }

  async syncMessages(actor: Actor, conversationId: string, afterSeq: number): Promise<Message[]> {
    const row = await this.readable(actor, conversationId);
    return this.repo.messagesAfter(row.id, afterSeq);
  }

  async end(actor: Actor, conversationId: string): Promise<Conversation> {
    const row = await this.readable(actor, conversationId);
    if (actor.kind === 'helper' && row.helperId !== actor.userId && !hasRoleOn(actor, row.siteId, 'moderator')) {
      throw notFound();
    }
    const closed = await this.repo.close(row.id, actor.kind);
    if (!closed) throw new AppError(ErrorCode.invalidState, 'This chat has already ended');
    const conversation = await this.repo.view(closed);
    if (row.status === 'waiting') this.events.queueRemoved(row.siteId, row.id);
    if (row.handoffTo) this.events.handoffWithdrawn(row.handoffTo, row.id);
    this.events.conversationUpdated(row.visitorId, conversation);
    return conversation;
  }

  // ---------- access ----------

  /**
   * The conversation if the actor may read it, under access.ts's one read rule
   * (`mayReadConversation`). Anything else answers exactly like a missing conversation.
   */
  async readable(actor: Actor, conversationId: string): Promise<Row> {
    return requireReadConversation(actor, await this.repo.findRow(conversationId));
  }

  private async writable(actor: Actor, conversationId: string): Promise<Row> {
    return this.writableRow(actor, await this.repo.findRow(conversationId));
  }

  private writableRow(actor: Actor, found: Row | undefined): Row {
    const row = requireReadConversation(actor, found);
    if (actor.kind === 'helper' && row.helperId !== actor.userId) {
      throw new AppError(ErrorCode.forbidden, 'Only the helper who took this chat can answer in it');
    }
    if (!canSend(row.status, actor.kind)) {
      throw new AppError(ErrorCode.invalidState, row.status === 'closed' ? 'This chat has ended' : 'Take the request first');
    }
    return row;
  }

  private requireMember(h: HelperActor, siteId: string): void {
    requireMember(h, siteId);
  }
}

const alreadyClaimed = () => new AppError(ErrorCode.alreadyClaimed, 'Another helper already took this request');
