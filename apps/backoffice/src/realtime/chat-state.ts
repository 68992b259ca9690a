import type { Conversation, ErrorCode, Message, Page } from '@tribu/protocol/client';

/** A reply typed by the helper and not yet acknowledged by the server. */
export interface PendingMessage {
  clientId: string;
  text: string;
  state: 'sending' | 'failed';
  error?: { code: ErrorCode; message: string };
}

/** One of the helper's chats as the desk holds it. */
export interface Chat {
  conversation: Conversation;
  messages: Message[];
  pending: PendingMessage[];
  page: Page | null;
  visitorTyping: boolean;
}

export type Chats = Record<string, Chat>;

/** Merges messages by id and orders them by seq, so replays and live events never duplicate. */
export function mergeMessages(held: Message[], incoming: Message[]): Message[] {
  if (incoming.length === 0) return held;
  const byId = new Map(held.map((m) => [m.id, m]));
  for (const m of incoming) byId.set(m.id, m);
  return [...byId.values()].sort((a, b) => a.seq - b.seq);
}

/** The last seq held for a chat: what `message:sync` asks after on reconnect. */
export function lastSeq(chat: Chat | undefined): number {
  return chat?.messages.at(-1)?.seq ?? 0;
}

/** Adds or refreshes a chat; stored messages settle the pending replies carrying their client id. */
export function upsertChat(chats: Chats, conversation: Conversation, messages: Message[] = []): Chats {
  const prev = chats[conversation.id];
  const merged = mergeMessages(prev?.messages ?? [], messages);
  const stored = new Set(merged.map((m) => m.clientId));
  const visitorSpoke = messages.some((m) => m.author === 'visitor');
  return {
    ...chats,
    [conversation.id]: {
      conversation,
      messages: merged,
      pending: (prev?.pending ?? []).filter((p) => !stored.has(p.clientId)),
      page: prev?.page ?? conversation.page,
      visitorTyping: visitorSpoke || conversation.status === 'closed' ? false : (prev?.visitorTyping ?? false),
    },
  };
}

/** Applies `change` to one chat, leaving the others (and a missing chat) untouched. */
export function patchChat(chats: Chats, id: string, change: (chat: Chat) => Partial<Chat>): Chats {
  const chat = chats[id];
  return chat ? { ...chats, [id]: { ...chat, ...change(chat) } } : chats;
}

export function addPending(chats: Chats, id: string, clientId: string, text: string): Chats {
  return patchChat(chats, id, (c) => ({ pending: [...c.pending, { clientId, text, state: 'sending' }] }));
}

export function setPending(chats: Chats, id: string, clientId: string, state: PendingMessage['state'], error?: PendingMessage['error']): Chats {
  return patchChat(chats, id, (c) => ({
    pending: c.pending.map((p) => (p.clientId === clientId ? { clientId, text: p.text, state, ...(error ? { error } : {}) } : p)),
  }));
}

export function removeChat(chats: Chats, id: string): Chats {
  const { [id]: _gone, ...rest } = chats;
  return rest;
}
