import { LIMITS, type Conversation, type Message, type QueueItem } from '@tribu/protocol/client';
import { lastSeq, type Chats } from './chat-state.ts';
import { command, type HelperSocket } from './socket.ts';

export interface Resynced {
  queue: QueueItem[] | null;
  chats: { conversation: Conversation; messages: Message[] }[];
}

/** Everything after `afterSeq`, asking again while the server answers full batches. */
export async function syncAfter(s: HelperSocket, conversationId: string, afterSeq: number): Promise<Message[]> {
  const all: Message[] = [];
  for (let after = afterSeq; ;) {
    const r = await command(s, 'message:sync', { conversationId, afterSeq: after });
    if (!r.ok) return all;
    all.push(...r.data.messages);
    const last = r.data.messages.at(-1);
    if (!last || r.data.messages.length < LIMITS.syncBatch) return all;
    after = last.seq;
  }
}

/**
 * What a (re)connected desk must learn: the waiting requests, the helper's active chats with what
 * was said after the last seq held, and the fate of held chats that are no longer active.
 */
export async function resync(s: HelperSocket, siteId: string, held: Chats): Promise<Resynced> {
  const [q, mine] = await Promise.all([command(s, 'queue:list', { siteId }), command(s, 'conversation:list', { siteId })]);
  const active = mine.ok ? mine.data.conversations : [];
  const chats = await Promise.all(
    active.map(async (conversation) => ({ conversation, messages: await syncAfter(s, conversation.id, lastSeq(held[conversation.id])) })),
  );
  const gone = mine.ok ? Object.values(held).filter((c) => c.conversation.status !== 'closed' && !active.some((a) => a.id === c.conversation.id)) : [];
  for (const chat of gone) {
    const r = await command(s, 'conversation:fetch', { conversationId: chat.conversation.id });
    if (r.ok) chats.push(r.data);
  }
  return { queue: q.ok ? q.data.items : null, chats };
}

/**
 * Live messages carry their seq: one past the last held is the normal case. More means broadcasts
 * were lost while this socket stayed up (the nodes lost Redis for a while): the missing ones are
 * fetched, once per chat at a time, and handed to `apply`.
 */
export function gapFiller(s: HelperSocket, apply: (conversationId: string, messages: Message[]) => void) {
  const filling = new Set<string>();
  // The last seq seen live per chat: the desk's state may not have rendered the previous message yet.
  const latest = new Map<string, number>();
  return (m: Message, heldSeq: number): void => {
    const known = Math.max(heldSeq, latest.get(m.conversationId) ?? 0);
    latest.set(m.conversationId, Math.max(known, m.seq));
    if (m.seq <= known + 1 || filling.has(m.conversationId)) return;
    filling.add(m.conversationId);
    void syncAfter(s, m.conversationId, known)
      .then((messages) => apply(m.conversationId, messages))
      .finally(() => filling.delete(m.conversationId));
  };
}
