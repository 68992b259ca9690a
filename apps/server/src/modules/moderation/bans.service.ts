import { ErrorCode, type BanCreate, type BanDuration, type BanView } from '@tribu/protocol';
import { AppError, notFound } from '../../lib/errors.ts';
import { requireManager } from '../access.ts';
import type { HelperActor } from '../actors.ts';
import type { ModuleDeps } from '../module-deps.ts';
import { toBanView, type BansRepository } from './bans.repository.ts';
import { visitorLabel, type ReportService } from './reports.service.ts';

/** What a banned visitor reads: polite, and nothing to argue with. */
export const BANNED_TEXT = "Chat isn't available for you right now.";

/** Why the address option is refused on a site that keeps no addresses (the ban form shows it too). */
export const ADDRESSES_OFF_TEXT = 'This site keeps no network addresses (Site settings → Privacy), so bans hold by visitor only';

const DAY = 24 * 60 * 60 * 1000;
const DAYS: Record<BanDuration, number | null> = { '1d': 1, '7d': 7, '30d': 30, forever: null };

/**
 * Bans keep a visitor out of a site's chat: by their id and, optionally, by the hashed address they
 * chatted from. Checked at every handshake and start straight from the database, so a ban made on
 * one node holds on all of them at once; banning also ends the chat and closes their sockets everywhere.
 */
export class BanService {
  constructor(
    private readonly deps: ModuleDeps,
    private readonly reports: ReportService,
    readonly repo: BansRepository,
  ) {}

  async list(actor: HelperActor, siteId: string): Promise<BanView[]> {
    requireManager(actor, siteId);
    return this.repo.list(siteId);
  }

  async ban(actor: HelperActor, siteId: string, input: BanCreate): Promise<BanView> {
    requireManager(actor, siteId);
    const conversation = await this.deps.conversationRepo.findRow(input.conversationId);
    if (!conversation || conversation.siteId !== siteId) throw notFound();
    if (input.blockAddress && (await this.deps.sites.byId(siteId))?.settings.storeAddresses === false) {
      throw new AppError(ErrorCode.badRequest, ADDRESSES_OFF_TEXT);
    }
    if (input.blockAddress && !conversation.ipHash) {
      throw new AppError(ErrorCode.badRequest, 'No network address is known for this chat; ban the visitor only');
    }
    const days = DAYS[input.duration];
    const row = await this.repo.insert({
      siteId,
      visitorId: conversation.visitorId,
      ipHash: input.blockAddress ? conversation.ipHash : null,
      reason: input.reason,
      until: days === null ? null : new Date(Date.now() + days * DAY),
      createdBy: actor.userId,
    });
    await this.deps.audit.record(actor, {
      siteId,
      action: 'visitor.banned',
      targetKind: 'visitor',
      targetId: conversation.visitorId,
      targetLabel: visitorLabel(conversation.visitorId),
      reason: input.reason,
      details: { duration: input.duration, byAddress: input.blockAddress, conversationId: conversation.id },
    });
    await this.shutOut(actor, siteId, conversation.visitorId);
    if ((await this.reports.repo.closeForConversation(conversation.id, actor.userId)) > 0) await this.reports.announce(siteId);
    return toBanView(row, actor.displayName, null);
  }

  /** Ends the visitor's open chat, tells their widget, then closes their sockets on every node. */
  private async shutOut(actor: HelperActor, siteId: string, visitorId: string): Promise<void> {
    const open = await this.deps.conversationRepo.openForVisitor(siteId, visitorId);
    if (open) await this.deps.conversations.end(actor, open.id).catch((err: unknown) => this.deps.log.info({ err }, 'chat already ended'));
    this.deps.notify.visitorBanned(visitorId, BANNED_TEXT);
  }

  async lift(actor: HelperActor, siteId: string, banId: string): Promise<BanView> {
    requireManager(actor, siteId);
    const ban = await this.repo.byId(siteId, banId);
    if (!ban) throw notFound('Ban');
    const lifted = await this.repo.lift(siteId, banId, actor.userId);
    if (!lifted) throw new AppError(ErrorCode.invalidState, 'This ban was already lifted');
    await this.deps.audit.record(actor, {
      siteId,
      action: 'ban.lifted',
      targetKind: 'visitor',
      targetId: ban.visitorId ?? undefined,
      targetLabel: ban.visitorId ? visitorLabel(ban.visitorId) : 'a network address',
      reason: ban.reason,
    });
    return toBanView(lifted, null, actor.displayName);
  }

  async recordAddress(conversationId: string, ipHash: string): Promise<void> {
    await this.repo.recordAddress(conversationId, ipHash);
  }
}
