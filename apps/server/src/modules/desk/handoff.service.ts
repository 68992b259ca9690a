import { randomUUID } from 'node:crypto';
import { DEFAULT_CHAT_CAP, hasRole } from '@tribu/domain';
import { ErrorCode, type Conversation, type ConversationWithMessages, type HandoffOffered, type QueueItem } from '@tribu/protocol';
import { AppError, notFound } from '../../lib/errors.ts';
import { hasRoleOn, requireMember, roleOn } from '../access.ts';
import type { HelperActor } from '../actors.ts';
import type { ModuleDeps } from '../module-deps.ts';
import { HandoffRepository } from './handoff.repository.ts';
import { systemTexts } from './system-texts.ts';

type Row = Awaited<ReturnType<ModuleDeps['conversations']['readable']>>;
export type StaffItem = QueueItem & { reason: string; at: string };

/** Moves a chat between people: to a named peer (who accepts) or to the managers' staff queue. */
export class HandoffService {
  private readonly repo: HandoffRepository;

  constructor(private readonly deps: ModuleDeps) {
    this.repo = new HandoffRepository(deps.db);
  }

  private get events() {
    return this.deps.conversations.events;
  }

  /** The chat's helper offers it to a peer of the same site; the peer hears it at once. */
  async offer(h: HelperActor, conversationId: string, toUserId: string): Promise<Conversation> {
    const row = await this.mine(h, conversationId);
    if (toUserId === h.userId) throw new AppError(ErrorCode.badRequest, 'Pick someone other than yourself');
    const peer = await this.repo.member(row.siteId, toUserId);
    if (!peer) throw notFound('Helper');
    // A staff chat stays with the managers (the read rule): it is never handed to a volunteer.
    if (row.staffAt && !hasRole(peer.role, 'moderator')) {
      throw new AppError(ErrorCode.forbidden, 'A chat sent to staff can only be handed to another manager');
    }
    const offered = await this.repo.offer(row.id, h.userId, peer.id);
    if (!offered) throw new AppError(ErrorCode.invalidState, 'This chat is no longer yours to hand over');
    const conversation = await this.deps.conversationRepo.view(offered);
    this.deps.notify.handoffOffered(peer.id, {
      conversation,
      from: { id: h.userId, displayName: h.displayName },
    });
    this.events.conversationUpdated(row.visitorId, conversation);
    await this.deps.notifications.notify({
      userId: peer.id,
      siteId: row.siteId,
      kind: 'handoff',
      actorId: h.userId,
      text: `${h.displayName} would like you to take over a chat: “${row.question.slice(0, 80)}”`,
      link: { conversationId: row.id },
    });
    return conversation;
  }

  /** The peer's answer: accepting moves the chat to them (within their cap); declining clears it. */
  async answer(h: HelperActor, conversationId: string, accept: boolean): Promise<ConversationWithMessages> {
    const row = await this.deps.conversationRepo.findRow(conversationId);
    // Only the person the chat is offered to may answer; to anyone else it does not exist.
    if (!row || !roleOn(h, row.siteId) || row.handoffTo !== h.userId || !row.helperId) throw notFound();
    const fromId = row.helperId;
    if (!accept) {
      const cleared = await this.repo.clearOffer(row.id, { toId: h.userId });
      if (!cleared) throw new AppError(ErrorCode.invalidState, 'This offer is no longer open');
      await this.answered(cleared, fromId, h.userId, false);
      return { conversation: await this.deps.conversationRepo.view(cleared), messages: [] };
    }
    const cap = (await this.deps.sites.byId(row.siteId))?.settings.chatCap ?? DEFAULT_CHAT_CAP;
    const result = await this.repo.accept(row.id, h.userId, fromId, cap);
    if (!result.ok && result.reason === 'cap') {
      throw new AppError(ErrorCode.capReached, `You already have ${cap} chats open; end one to take this one`);
    }
    if (!result.ok) throw new AppError(ErrorCode.invalidState, 'This offer is no longer open');
    // The new helper joins before anything is said, so both desks hear the move.
    this.events.helperJoined(h.userId, row.id);
    await this.systemMessage(row, systemTexts(row.locale).takingOver(h.displayName));
    const conversation = await this.answered(result.row, fromId, h.userId, true);
    this.events.helperReleased(fromId, conversation);
    return { conversation, messages: await this.deps.conversationRepo.messagesAfter(row.id, 0) };
  }

  async listOffers(h: HelperActor, siteId: string): Promise<HandoffOffered[]> {
    requireMember(h, siteId);
    const rows = await this.repo.offersTo(siteId, h.userId);
    return Promise.all(
      rows.map(async (r) => ({
        conversation: await this.deps.conversationRepo.view(r.row),
        from: { id: r.row.helperId!, displayName: r.fromName },
      })),
    );
  }

  /** The offering helper takes the offer back. */
  async cancel(h: HelperActor, conversationId: string): Promise<Conversation> {
    const row = await this.mine(h, conversationId);
    const toId = row.handoffTo;
    const cleared = toId ? await this.repo.clearOffer(row.id, { fromId: h.userId }) : undefined;
    if (!cleared || !toId) throw new AppError(ErrorCode.invalidState, 'There is no open offer on this chat');
    return this.answered(cleared, h.userId, toId, false);
  }

  /**
   * Not for volunteers: off the helper's desk and off the board, into the staff queue; the visitor
   * is told. `staffFlaggedBy` keeps who flagged it so that the chat (and its rating) is never held
   * against them — the gamification rules must skip conversations whose staffAt is set.
   */
  async needsStaff(h: HelperActor, conversationId: string, reason: string): Promise<Conversation> {
    const row = await this.mine(h, conversationId);
    const moved = await this.repo.toStaff(row.id, h.userId, reason);
    if (!moved) throw new AppError(ErrorCode.invalidState, 'This chat is no longer yours');
    await this.systemMessage(row, systemTexts(row.locale).staff);
    const conversation = await this.deps.conversationRepo.view(moved);
    this.events.conversationUpdated(row.visitorId, conversation);
    this.events.helperReleased(h.userId, conversation);
    if (row.handoffTo)
      this.deps.notify.handoffAnswered([row.handoffTo], {
        conversationId: row.id,
        accepted: false,
        by: h.userId,
      });
    this.deps.notify.staffChanged(row.siteId);
    return conversation;
  }

  /** Managers only: the site's staff queue, oldest first. */
  async staffList(h: HelperActor, siteId: string): Promise<StaffItem[]> {
    if (!hasRoleOn(h, siteId, 'moderator')) throw notFound('Site');
    const rows = await this.repo.staffQueue(siteId);
    return Promise.all(
      rows.map(async (r) => ({
        ...(await this.deps.conversationRepo.queueItem(r)),
        reason: r.staffReason ?? '',
        at: (r.staffAt ?? r.createdAt).toISOString(),
      })),
    );
  }

  /** A chat I hold (readable and mine); a moderator reading someone else's chat cannot move it. */
  private async mine(h: HelperActor, conversationId: string): Promise<Row> {
    const row = await this.deps.conversations.readable(h, conversationId);
    if (row.helperId !== h.userId) throw new AppError(ErrorCode.forbidden, 'Only the helper of this chat can do that');
    if (row.status !== 'active') throw new AppError(ErrorCode.invalidState, 'This chat is not in progress');
    return row;
  }

  private async answered(row: Row, fromId: string, toId: string, accepted: boolean): Promise<Conversation> {
    const conversation = await this.deps.conversationRepo.view(row);
    this.events.conversationUpdated(row.visitorId, conversation);
    const payload = { conversationId: row.id, accepted, by: toId };
    this.deps.notify.handoffAnswered([fromId, toId], payload);
    return conversation;
  }

  private async systemMessage(row: Row, text: string): Promise<void> {
    const message = await this.deps.conversationRepo.append({
      conversationId: row.id,
      authorKind: 'system',
      authorId: null,
      senderKey: 'system',
      clientId: `sys-${randomUUID()}`,
      text,
      authorName: null,
    });
    if (message) this.events.messageCreated(row.visitorId, message);
  }
}
