import type { Chat } from '../../realtime/chat-state.ts';
import type { Messages } from '../../i18n/index.tsx';

/** The words a tab needs for pages without a title of their own. */
export type TabWords = Pick<Messages['desk']['tabs'], 'homePage' | 'unknownPage'>;

/** What tells one chat tab from another: where it was asked, what, in which language, and how long the visitor waits. */
export interface TabFacts {
  /** The product, else the page's own part of its title, else its path. */
  where: string;
  question: string;
  /** `FR`, when the widget spoke another language than English or the tabs differ by it. */
  lang: string | null;
  /** Minutes the visitor has been waiting for my reply (their message is the last one), else null. */
  waitingMin: number | null;
  unread: number;
  typing: boolean;
  closed: boolean;
  /** Someone (me or a peer before a hand-off) has answered the visitor. */
  answered: boolean;
}

/**
 * The page's own part of a title: "Summit Jacket — Alpine Threads" → "Summit Jacket"; a title that
 * starts with the shop's own name ("Alpine Threads — merino clothing") is its home page.
 */
export function pagePart(title: string, siteName: string, w: Pick<TabWords, 'homePage'>): string {
  const parts = title.split(/\s+[—–|·-]\s+/).map((p) => p.trim());
  const site = siteName.trim().toLowerCase();
  if (site && parts.length > 1 && parts[0]!.toLowerCase() === site) return w.homePage;
  return parts.find((p) => p && p.toLowerCase() !== site) ?? title.trim();
}

function where(chat: Chat, siteName: string, w: TabWords): string {
  const page = chat.conversation.page;
  if (!page) return w.unknownPage;
  if (page.product?.name) return page.product.name;
  if (page.title.trim()) return pagePart(page.title, siteName, w);
  try {
    const path = new URL(page.url).pathname;
    return path === '/' ? w.homePage : decodeURIComponent(path);
  } catch {
    return page.url;
  }
}

/** Facts for a chat's tab; `readSeq` is the last seq this desk has shown (beyond the server's read mark). */
export function tabFacts(chat: Chat, readSeq: number, now: number, siteName: string, w: TabWords): TabFacts {
  const c = chat.conversation;
  const closed = c.status === 'closed';
  const seen = Math.max(readSeq, c.helperReadSeq);
  const spoken = chat.messages.filter((m) => m.author !== 'system');
  const last = spoken.at(-1);
  const waiting = !closed && last?.author === 'visitor';
  return {
    where: where(chat, siteName, w),
    question: c.question,
    lang: c.locale ? c.locale.slice(0, 2).toUpperCase() : null,
    waitingMin: waiting ? Math.max(0, Math.floor((now - Date.parse(last.createdAt)) / 60_000)) : null,
    unread: chat.messages.filter((m) => m.author === 'visitor' && m.seq > seen).length,
    typing: !closed && chat.visitorTyping,
    closed,
    answered: chat.messages.some((m) => m.author === 'helper'),
  };
}
