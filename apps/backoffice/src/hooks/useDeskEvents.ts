import { useEffect, type MutableRef } from 'preact/hooks';
import { LIMITS, type Conversation, type Message, type QueueItem } from '@tribu/protocol/client';
import { lastSeq, patchChat, upsertChat, type Chats } from '../realtime/chat-state.ts';
import { gapFiller } from '../realtime/resync.ts';
import type { HelperSocket } from '../realtime/socket.ts';

type Update<T> = (update: (cur: T) => T) => void;

interface Sinks {
  setQueue: Update<QueueItem[]>;
  setChats: Update<Chats>;
  chatsRef: MutableRef<Chats>;
  /** Called for an update about a chat the desk does not hold yet (e.g. claimed in another tab). */
  adopt: (conversation: Conversation) => void;
  /** A held chat left the desk: back to the board (no first answer in time), to staff, or to a peer. */
  released: (conversation: Conversation) => void;
}

/** Applies the server's facts (queue, messages, conversation changes, visitor page and typing) to the desk. */
export function useDeskEvents(socket: HelperSocket | null, { setQueue, setChats, chatsRef, adopt, released }: Sinks) {
  useEffect(() => {
    if (!socket) return;
    const typingTimers = new Map<string, ReturnType<typeof setTimeout>>();
    const setTyping = (id: string, on: boolean) => setChats((cur) => patchChat(cur, id, () => ({ visitorTyping: on })));
    socket.on('queue:added', (item) => setQueue((cur) => (cur.some((i) => i.conversationId === item.conversationId) ? cur : [...cur, item])));
    socket.on('queue:removed', ({ conversationId }) => setQueue((cur) => cur.filter((i) => i.conversationId !== conversationId)));
    const addMessages = (conversationId: string, messages: Message[]) =>
      setChats((cur) => {
        const chat = cur[conversationId];
        return chat ? upsertChat(cur, chat.conversation, messages) : cur;
      });
    const fillGap = gapFiller(socket, addMessages);
    socket.on('message:created', (m) => {
      const held = chatsRef.current[m.conversationId];
      if (held) fillGap(m, lastSeq(held));
      addMessages(m.conversationId, [m]);
    });
    socket.on('conversation:updated', (c) => {
      const held = chatsRef.current[c.id];
      // Back on the board, sent to staff, or handed to a peer: it leaves this desk.
      const movedAway = c.status === 'active' && c.helper?.id !== held?.conversation.helper?.id;
      if (held && (c.status === 'waiting' || movedAway)) released(c);
      else if (held) setChats((cur) => upsertChat(cur, c));
      else adopt(c);
    });
    socket.on('page:viewed', ({ conversationId, page }) => setChats((cur) => patchChat(cur, conversationId, () => ({ page }))));
    socket.on('read:updated', ({ conversationId, author, seq }) => {
      if (author !== 'visitor') return;
      setChats((cur) => patchChat(cur, conversationId, (c) => ({ conversation: { ...c.conversation, visitorReadSeq: seq } })));
    });
    socket.on('typing:updated', ({ conversationId, author, typing }) => {
      if (author !== 'visitor') return;
      clearTimeout(typingTimers.get(conversationId));
      setTyping(conversationId, typing);
      // Expires on its own: a visitor who closed the tab is not typing forever.
      if (typing)
        typingTimers.set(
          conversationId,
          setTimeout(() => setTyping(conversationId, false), LIMITS.typingTtlMs),
        );
    });
    return () => {
      for (const t of typingTimers.values()) clearTimeout(t);
      for (const e of ['queue:added', 'queue:removed', 'message:created', 'conversation:updated', 'page:viewed', 'typing:updated', 'read:updated'] as const) {
        socket.off(e);
      }
    };
  }, [socket, setQueue, setChats, chatsRef, adopt, released]);
}
