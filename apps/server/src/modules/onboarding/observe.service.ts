import type { ObserveList, ObservedChat, ObservedMessage } from '@tribu/protocol';
import { notFound } from '../../lib/errors.ts';
import type { HelperActor } from '../actors.ts';
import { requireMember } from '../access.ts';
import { observeChatsOf, type OnboardingService } from './onboarding.service.ts';

/** Chats offered to watch at once. */
const LIST_SIZE = 12;

// A visitor may type their address or number in a message; a learner never needs to read it.
const EMAIL = /[\w.+-]+@[\w-]+(\.[\w-]+)+/g;
const PHONE = /\+?\d[\d\s().-]{7,}\d/g;

/** What a watcher reads of a visitor's words: no contact details, nothing the site's filter caught. */
export function forWatcher(text: string, flagged: boolean): string {
  if (flagged) return '(message hidden: it contained words this community filters)';
  // Nine digits or more is a phone number (dates, sizes and prices have fewer).
  return text.replace(EMAIL, '[email hidden]').replace(PHONE, (m) => (m.replace(/\D/g, '').length >= 9 ? '[number hidden]' : m));
}

/** Watching peers' ended chats read-only, to learn how they answer; each chat opened is counted once. */
export class ObserveService {
  constructor(private readonly onboarding: OnboardingService) {}

  private get repo() {
    return this.onboarding.repo;
  }

  private async progress(siteId: string, userId: string) {
    const [site, m] = await Promise.all([this.onboarding.site(siteId), this.repo.member(siteId, userId)]);
    if (!m) throw notFound('Site');
    return { observedIds: m.onboarding.observed ?? [], suggested: observeChatsOf(site) };
  }

  async list(actor: HelperActor, siteId: string): Promise<ObserveList> {
    requireMember(actor, siteId);
    const { observedIds, suggested } = await this.progress(siteId, actor.userId);
    const rows = await this.repo.observableChats(actor, siteId, LIST_SIZE);
    return {
      chats: rows.map((r) => ({
        id: r.id,
        question: forWatcher(r.question, false),
        helper: r.helper,
        rating: r.rating,
        closedAt: r.closedAt!.toISOString(),
        messages: r.messages,
        observed: observedIds.includes(r.id),
      })),
      observed: observedIds.length,
      suggested,
    };
  }

  async open(actor: HelperActor, siteId: string, conversationId: string): Promise<ObservedChat> {
    requireMember(actor, siteId);
    const chat = await this.repo.observableChat(actor, siteId, conversationId);
    if (!chat) throw notFound('Conversation');
    // Rereading one's own chat teaches something too, but it is not watching a peer.
    if (chat.helper.id !== actor.userId) await this.repo.addObserved(siteId, actor.userId, chat.id);
    const [rows, { observedIds, suggested }] = await Promise.all([this.repo.transcript(chat.id), this.progress(siteId, actor.userId)]);
    const messages: ObservedMessage[] = rows.map((r) => ({
      seq: r.seq,
      author: r.author,
      authorName: r.author === 'helper' ? r.authorName : null,
      text: r.author === 'visitor' ? forWatcher(r.text, r.flagged) : r.text,
      createdAt: r.createdAt.toISOString(),
    }));
    return {
      id: chat.id,
      question: forWatcher(chat.question, false),
      pageTitle: chat.pageTitle,
      helper: chat.helper,
      rating: chat.rating,
      ratingComment: chat.ratingComment ? forWatcher(chat.ratingComment, false) : null,
      createdAt: chat.createdAt.toISOString(),
      closedAt: chat.closedAt!.toISOString(),
      messages,
      observed: observedIds.length,
      suggested,
    };
  }
}
