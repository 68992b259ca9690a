import { ErrorCode, type CannedAnswer, type CannedSave, type ConversationDetails, type ConversationNote, type NoteAdd } from '@tribu/protocol';
import { AppError, notFound } from '../../lib/errors.ts';
import { isUniqueViolation } from '../../lib/pg-errors.ts';
import { hasRoleOn, requireMember, roleOn } from '../access.ts';
import type { HelperActor } from '../actors.ts';
import { cannedFor, keptTranslations } from '../content/site-content.ts';
import type { ModuleDeps } from '../module-deps.ts';
import { DeskRepository } from './desk.repository.ts';
import { HandoffService } from './handoff.service.ts';

/** Around a chat: details (trail, earlier chats, notes), canned answers; hand-off and staff in `handoffs`. */
export class DeskService {
  private readonly repo: DeskRepository;
  readonly handoffs: HandoffService;

  constructor(readonly deps: ModuleDeps) {
    this.repo = new DeskRepository(deps.db);
    this.handoffs = new HandoffService(deps);
  }

  /** For the chat's helper and the site's moderators (anyone else: like a missing chat). */
  async details(h: HelperActor, conversationId: string): Promise<ConversationDetails> {
    const row = await this.deps.conversations.readable(h, conversationId);
    const [trail, earlierRows, notes] = await Promise.all([
      this.repo.trail(row.id),
      this.repo.earlier(h, row.siteId, row.visitorId, row.id),
      this.repo.notes(row.id),
    ]);
    const earlier = await Promise.all(earlierRows.map((r) => this.deps.conversationRepo.view(r)));
    // Only whether an address was left: helpers never see it.
    const shownTrail = await this.deps.conversationRepo.pages.shownAll(row.siteId, trail);
    return { conversationId: row.id, trail: shownTrail, earlier, notes, followUpByEmail: row.visitorEmail !== null };
  }

  async addNote(h: HelperActor, input: NoteAdd): Promise<ConversationNote> {
    const row = await this.deps.conversations.readable(h, input.conversationId);
    const note = await this.repo.addNote(row.id, { id: h.userId, displayName: h.displayName }, input.text);
    this.deps.notify.noteCreated(row.id, note);
    return note;
  }

  async cannedList(h: HelperActor, siteId: string): Promise<CannedAnswer[]> {
    requireMember(h, siteId);
    const [site, rows] = await Promise.all([this.site(siteId), this.repo.canned(siteId, h.userId)]);
    const editor = hasRoleOn(h, siteId, 'moderator');
    return rows.map((row) => cannedFor(site, h, row, editor));
  }

  private async site(siteId: string) {
    const site = await this.deps.sites.byId(siteId);
    if (!site) throw notFound('Site');
    return site;
  }

  async cannedSave(h: HelperActor, input: CannedSave): Promise<CannedAnswer> {
    requireMember(h, input.siteId);
    if (input.scope === 'site' && !hasRoleOn(h, input.siteId, 'moderator')) {
      throw new AppError(ErrorCode.forbidden, 'Only community managers add answers for everyone');
    }
    const ownerId = input.scope === 'site' ? null : h.userId;
    if (ownerId && Object.values(input.translations ?? {}).some((v) => Object.values(v ?? {}).some((t) => t?.trim()))) {
      throw new AppError(ErrorCode.badRequest, 'Only answers for the whole team are written in other languages');
    }
    const site = await this.site(input.siteId);
    // A personal answer has no versions; a site-wide one keeps those of the site's other languages (absent: unchanged).
    const translations = ownerId ? {} : input.translations && keptTranslations(site, input.translations);
    try {
      const saved = input.id
        ? await this.repo.updateCanned(input.id, input.siteId, ownerId, input.shortcut, input.text, translations)
        : await this.repo.insertCanned(input.siteId, ownerId, input.shortcut, input.text, translations ?? {});
      if (!saved) throw notFound('Canned answer');
      return cannedFor(site, h, saved, ownerId === null);
    } catch (e) {
      if (!isUniqueViolation(e)) throw e;
      throw new AppError(ErrorCode.conflict, `The shortcut /${input.shortcut} is already used; pick another one`);
    }
  }

  /** One's own personal answers; site-wide ones by the site's moderators. */
  async cannedDelete(h: HelperActor, id: string): Promise<void> {
    const row = await this.repo.cannedRow(id);
    if (!row || !roleOn(h, row.siteId)) throw notFound('Canned answer');
    const allowed = row.ownerId === null ? hasRoleOn(h, row.siteId, 'moderator') : row.ownerId === h.userId;
    if (!allowed) throw notFound('Canned answer');
    await this.repo.deleteCanned(row.id);
  }
}
