import { useEffect, useRef } from 'preact/hooks';
import type { Chat } from '../realtime/chat-state.ts';
import { command, type HelperSocket } from '../realtime/socket.ts';

/** Marks the open chat read up to its last message when the visitor wrote something new. */
export function useReadReceipt(socket: HelperSocket | null, chat: Chat | null, online: boolean): void {
  const marked = useRef(new Map<string, number>());
  const id = chat?.conversation.id;
  const last = chat?.messages.at(-1);
  useEffect(() => {
    if (!socket || !online || !id || !last || last.author !== 'visitor') return;
    const done = Math.max(marked.current.get(id) ?? 0, chat?.conversation.helperReadSeq ?? 0);
    if (last.seq <= done || document.visibilityState === 'hidden') return;
    marked.current.set(id, last.seq);
    void command(socket, 'read:update', { conversationId: id, seq: last.seq });
  }, [socket, online, id, last?.seq]);
}
