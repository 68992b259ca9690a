import type { Conversation, Message, Page, QueueItem } from '@tribu/protocol';
import type { conversations, messages, users } from '@tribu/db';

type ConversationRow = typeof conversations.$inferSelect;
type MessageRow = typeof messages.$inferSelect;
type HelperRow = Pick<typeof users.$inferSelect, 'id' | 'displayName' | 'avatarUrl' | 'bio'>;

function pageOf(row: ConversationRow): Page | null {
  if (!row.pageUrl) return null;
  return {
    url: row.pageUrl,
    title: row.pageTitle ?? '',
    ...(row.pageProduct ? { product: row.pageProduct } : {}),
    ...(row.pageContext ? { context: row.pageContext } : {}),
  };
}

export function toConversation(row: ConversationRow, helper: HelperRow | null, handoffToName: string | null = null): Conversation {
  return {
    id: row.id,
    siteId: row.siteId,
    status: row.status,
    helper: helper ? { id: helper.id, displayName: helper.displayName, avatarUrl: helper.avatarUrl, bio: helper.bio } : null,
    question: row.question,
    page: pageOf(row),
    lastSeq: row.lastSeq,
    createdAt: row.createdAt.toISOString(),
    claimedAt: row.claimedAt?.toISOString() ?? null,
    closedAt: row.closedAt?.toISOString() ?? null,
    closedBy: row.closedBy,
    rating: row.rating,
    ratingComment: row.ratingComment,
    visitorName: row.visitorName,
    visitorReadSeq: row.visitorReadSeq,
    helperReadSeq: row.helperReadSeq,
    locale: row.locale,
    timeZone: row.timeZone,
    topics: row.topics,
    staff: row.staffAt ? { at: row.staffAt.toISOString(), reason: row.staffReason ?? '' } : null,
    handoff: row.handoffTo && row.handoffAt ? { toId: row.handoffTo, toName: handoffToName ?? '', at: row.handoffAt.toISOString() } : null,
  };
}

export function toMessage(row: MessageRow, authorName: string | null): Message {
  return {
    id: row.id,
    conversationId: row.conversationId,
    seq: row.seq,
    clientId: row.clientId,
    author: row.authorKind,
    authorName,
    text: row.text,
    // Moderation's marker: helpers see it (text masked at the edge); the visitor's copy drops it.
    ...(row.flagged ? { flagged: true } : {}),
    createdAt: row.createdAt.toISOString(),
  };
}

export function toQueueItem(row: ConversationRow): QueueItem {
  return {
    conversationId: row.id,
    siteId: row.siteId,
    question: row.question,
    page: pageOf(row),
    createdAt: row.createdAt.toISOString(),
    locale: row.locale,
    topics: row.topics,
  };
}

/**
 * What the visitor may see of a conversation: no staff reason, no hand-off between helpers; the
 * helper's photo as an absolute URL, since the widget runs on the merchant's origin.
 */
export function forVisitor(c: Conversation, publicUrl: string): Conversation {
  const helper = c.helper?.avatarUrl?.startsWith('/') ? { ...c.helper, avatarUrl: new URL(c.helper.avatarUrl, publicUrl).toString() } : c.helper;
  return { ...c, helper, staff: c.staff ? { at: c.staff.at, reason: '' } : null, handoff: null };
}
