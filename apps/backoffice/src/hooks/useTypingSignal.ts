import { useCallback, useRef } from 'preact/hooks';
import { LIMITS } from '@tribu/protocol/client';
import { command, type HelperSocket } from '../realtime/socket.ts';

/** Tells the visitor the helper is typing, at most once per half typing-TTL per chat. */
export function useTypingSignal(socket: HelperSocket | null) {
  const sent = useRef(new Map<string, number>());
  return useCallback(
    (conversationId: string, typing = true) => {
      const now = Date.now();
      if (!socket?.connected) return;
      if (typing && now - (sent.current.get(conversationId) ?? 0) < LIMITS.typingTtlMs / 2) return;
      sent.current.set(conversationId, typing ? now : 0);
      void command(socket, 'typing:set', { conversationId, typing });
    },
    [socket],
  );
}
