import { useCallback, useEffect, useState } from 'preact/hooks';
import type { HandoffOffered } from '@tribu/protocol/client';
import { command, type HelperSocket } from '../realtime/socket.ts';
import type { Chat } from '../realtime/chat-state.ts';
import { clientWords } from '../api/http.ts';

/** Hand-offs offered to me by peers, until I answer or they take the offer back. */
export function useHandoffOffers(
  socket: HelperSocket | null,
  siteId: string,
  onAccepted: (conversation: Chat['conversation'], messages: Chat['messages']) => void,
) {
  const [offers, setOffers] = useState<HandoffOffered[]>([]);
  useEffect(() => {
    if (!socket) return;
    const offered = (o: HandoffOffered) => setOffers((cur) => [...cur.filter((x) => x.conversation.id !== o.conversation.id), o]);
    const answered = ({ conversationId }: { conversationId: string }) => setOffers((cur) => cur.filter((x) => x.conversation.id !== conversationId));
    // On every (re)connect: offers made while the page was away or before a reload.
    const list = async () => {
      const r = await command(socket, 'handoff:list', { siteId });
      if (r.ok) setOffers(r.data.offers);
    };
    if (socket.connected) void list();
    socket.on('connect', list);
    socket.on('sync:needed', list);
    socket.on('handoff:offered', offered);
    socket.on('handoff:answered', answered);
    return () => {
      socket.off('connect', list);
      socket.off('sync:needed', list);
      socket.off('handoff:offered', offered);
      socket.off('handoff:answered', answered);
    };
  }, [socket, siteId]);
  const answer = useCallback(
    async (conversationId: string, accept: boolean): Promise<string | null> => {
      if (!socket) return clientWords.notConnected;
      const r = await command(socket, 'handoff:answer', { conversationId, accept });
      setOffers((cur) => cur.filter((x) => x.conversation.id !== conversationId));
      if (!r.ok) return r.error.message;
      if (accept) onAccepted(r.data.conversation, r.data.messages);
      return null;
    },
    [socket, onAccepted],
  );
  return { offers, answer };
}
