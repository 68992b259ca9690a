import { useCallback, useEffect, useState } from 'preact/hooks';
import type { ConversationDetails } from '@tribu/protocol/client';
import { command, type HelperSocket } from '../realtime/socket.ts';
import { clientWords } from '../api/http.ts';

/** What surrounds one chat (trail, earlier chats, notes), kept live as the visitor moves and peers note. */
export function useChatDetails(socket: HelperSocket | null, conversationId: string, open: boolean) {
  const [details, setDetails] = useState<ConversationDetails | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(async () => {
    if (!socket) return;
    const r = await command(socket, 'conversation:details', { conversationId });
    if (r.ok) setDetails(r.data);
    else setError(r.error.message);
  }, [socket, conversationId]);
  useEffect(() => {
    if (!socket || !open) return;
    setDetails(null);
    void load();
    const onNote = (n: ConversationDetails['notes'][number]) => {
      if (n.conversationId !== conversationId) return;
      setDetails((d) => (d && !d.notes.some((x) => x.id === n.id) ? { ...d, notes: [...d.notes, n] } : d));
    };
    const onPage = (p: { conversationId: string; page: { url: string; title: string }; at: string }) => {
      if (p.conversationId !== conversationId) return;
      // The same page again (a reload, a new context) is no new step: the server keeps it once too.
      setDetails((d) => (d && d.trail.at(-1)?.url !== p.page.url ? { ...d, trail: [...d.trail, { url: p.page.url, title: p.page.title, at: p.at }] } : d));
    };
    socket.on('note:created', onNote);
    socket.on('page:viewed', onPage);
    return () => {
      socket.off('note:created', onNote);
      socket.off('page:viewed', onPage);
    };
  }, [socket, conversationId, open, load]);

  const addNote = useCallback(
    async (text: string) => {
      if (!socket) return clientWords.notConnected;
      const r = await command(socket, 'note:add', { conversationId, text });
      if (!r.ok) return r.error.message;
      const note = r.data.note;
      setDetails((d) => (d && !d.notes.some((x) => x.id === note.id) ? { ...d, notes: [...d.notes, note] } : d));
      return null;
    },
    [socket, conversationId],
  );
  return { details, error, addNote };
}
