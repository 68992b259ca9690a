import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { retryWhileUnavailable, type Conversation, type QueueItem } from '@tribu/protocol/client';
import { addPending, removeChat, setPending, upsertChat, type Chat, type Chats } from '../realtime/chat-state.ts';
import { resync } from '../realtime/resync.ts';
import { command, connectHelper, watchLink, newClientId, type HelperSocket } from '../realtime/socket.ts';
import { useDeskEvents } from './useDeskEvents.ts';
import { useNotice } from './useNotice.ts';
import { clientWords } from '../api/http.ts';
import { useI18n } from '../i18n/index.tsx';

export type { Chat, PendingMessage } from '../realtime/chat-state.ts';
export type Link = 'connecting' | 'online' | 'reconnecting' | 'refused';

const without = (queue: QueueItem[], conversationId: string) => queue.filter((i) => i.conversationId !== conversationId);

/** The helper's live desk for one site: the request board and their chats, resynced on every (re)connect. */
export function useHelperDesk(siteId: string, userId: string, onRefused: () => void) {
  const [link, setLink] = useState<Link>('connecting');
  const [queue, setQueue] = useState<QueueItem[]>([]);
  const [chats, setChats] = useState<Chats>({});
  const [selected, setSelected] = useState<string | null>(null);
  const [notice, setNotice] = useNotice();
  // Notices are worded when they happen, in the language of that moment (a ref: the callbacks stay stable).
  const noticeWords = useI18n().t.desk.notice;
  const words = useRef(noticeWords);
  words.current = noticeWords;
  const [socket, setSocket] = useState<HelperSocket | null>(null);
  const [claiming, setClaiming] = useState<string | null>(null);
  // True once the first resync is in: before that an unknown chat in the URL may still arrive.
  const [ready, setReady] = useState(false);
  const chatsRef = useRef(chats);
  chatsRef.current = chats;
  const refusedRef = useRef(onRefused);
  refusedRef.current = onRefused;

  const deliver = useCallback(async (s: HelperSocket, conversationId: string, clientId: string, text: string) => {
    // The server's database restarting: sent again shortly with the same client id (stored once).
    const r = await retryWhileUnavailable(() => command(s, 'message:send', { conversationId, clientId, text }));
    setChats((cur) => {
      const chat = cur[conversationId];
      if (!chat) return cur;
      return r.ok ? upsertChat(cur, chat.conversation, [r.data.message]) : setPending(cur, conversationId, clientId, 'failed', r.error);
    });
  }, []);

  useEffect(() => {
    const s = connectHelper();
    setSocket(s);
    // On every (re)connect, and when the server lost broadcasts meanwhile (its Redis was down).
    const sync = async () => {
      const fresh = await resync(s, siteId, chatsRef.current);
      if (fresh.queue) setQueue(fresh.queue);
      setChats((cur) => fresh.chats.reduce((acc, c) => upsertChat(acc, c.conversation, c.messages), cur));
      setSelected((cur) => cur ?? fresh.chats.find((c) => c.conversation.status === 'active')?.conversation.id ?? null);
      setReady(true);
      // Replies that timed out while the link was down go again: the client id makes the retry idempotent.
      for (const chat of Object.values(chatsRef.current)) {
        for (const p of chat.pending) {
          if (p.state === 'failed' && p.error?.code === 'unavailable') void deliver(s, chat.conversation.id, p.clientId, p.text);
        }
      }
    };
    s.on('connect', () => {
      setLink('online');
      void sync();
    });
    s.on('sync:needed', () => void sync());
    watchLink(s, setLink, () => refusedRef.current());
    return () => {
      s.disconnect();
      setSocket(null);
    };
  }, [siteId, deliver]);

  const adopt = useCallback(
    async (conversation: Conversation) => {
      if (!socket || conversation.status !== 'active' || conversation.helper?.id !== userId) return;
      const r = await command(socket, 'conversation:fetch', { conversationId: conversation.id });
      if (r.ok) setChats((cur) => upsertChat(cur, r.data.conversation, r.data.messages));
    },
    [socket, userId],
  );
  const released = useCallback(
    (conversation: Conversation) => {
      setChats((cur) => removeChat(cur, conversation.id));
      setSelected((cur) => (cur === conversation.id ? null : cur));
      const q = conversation.question.slice(0, 60);
      const w = words.current;
      if (conversation.helper) setNotice(w.tookOver(conversation.helper.displayName, q));
      else if (conversation.staff) setNotice(w.withStaff(q));
      else setNotice(w.backToBoard(q));
    },
    [setNotice],
  );
  useDeskEvents(socket, { setQueue, setChats, chatsRef, adopt, released });

  const claim = useCallback(
    async (conversationId: string) => {
      if (!socket) return false;
      setClaiming(conversationId);
      const r = await command(socket, 'conversation:claim', { conversationId });
      setClaiming(null);
      if (r.ok) {
        setChats((cur) => upsertChat(cur, r.data.conversation, r.data.messages));
        setSelected(conversationId);
        setQueue((cur) => without(cur, conversationId));
        setNotice(null);
        return true;
      }
      const gone = r.error.code === 'already_claimed' || r.error.code === 'not_found';
      if (gone) setQueue((cur) => without(cur, conversationId));
      setNotice(r.error.code === 'already_claimed' ? words.current.takenFirst : r.error.message);
      return false;
    },
    [socket, setNotice],
  );

  const send = useCallback(
    (conversationId: string, text: string) => {
      if (!socket) return;
      const clientId = newClientId();
      setChats((cur) => addPending(cur, conversationId, clientId, text));
      void deliver(socket, conversationId, clientId, text);
    },
    [socket, deliver],
  );

  const retry = useCallback(
    (conversationId: string, clientId: string) => {
      const p = chatsRef.current[conversationId]?.pending.find((x) => x.clientId === clientId);
      if (!p || !socket) return;
      setChats((cur) => setPending(cur, conversationId, clientId, 'sending'));
      void deliver(socket, conversationId, clientId, p.text);
    },
    [socket, deliver],
  );

  const end = useCallback(
    async (conversationId: string) => {
      if (!socket) return;
      const r = await command(socket, 'conversation:end', { conversationId });
      if (r.ok) setChats((cur) => upsertChat(cur, r.data.conversation));
      else setNotice(r.error.message);
    },
    [socket, setNotice],
  );

  /** Gives the chat back to the board for another helper (the visitor keeps waiting, history kept). */
  const release = useCallback(
    async (conversationId: string) => {
      if (!socket) return;
      const r = await command(socket, 'conversation:release', { conversationId });
      if (r.ok) {
        setChats((cur) => removeChat(cur, conversationId));
        setSelected((cur) => (cur === conversationId ? null : cur));
        setNotice(words.current.backOnBoard);
      } else setNotice(r.error.message);
    },
    [socket, setNotice],
  );

  /** A chat that arrived whole (a hand-off I accepted): held and shown at once. */
  const adoptChat = useCallback((conversation: Conversation, messages: Chat['messages']) => {
    setChats((cur) => upsertChat(cur, conversation, messages));
    setSelected(conversation.id);
  }, []);

  /** Marks the chat as one for the brand's staff: it leaves this desk; the visitor is told. */
  const needsStaff = useCallback(
    async (conversationId: string, reason: string) => {
      if (!socket) return clientWords.notConnected;
      const r = await command(socket, 'conversation:needs-staff', { conversationId, reason });
      if (!r.ok) return r.error.message;
      setChats((cur) => removeChat(cur, conversationId));
      setSelected((cur) => (cur === conversationId ? null : cur));
      setNotice(words.current.sentToStaff);
      return null;
    },
    [socket, setNotice],
  );

  const dismiss = useCallback((conversationId: string) => {
    setChats((cur) => removeChat(cur, conversationId));
    setSelected((cur) => (cur === conversationId ? null : cur));
  }, []);

  const list = useMemo(() => Object.values(chats).sort((a, b) => (a.conversation.claimedAt ?? '').localeCompare(b.conversation.claimedAt ?? '')), [chats]);
  const activeCount = list.filter((c) => c.conversation.status === 'active').length;

  return {
    link,
    socket,
    ready,
    queue,
    claiming,
    chats: list,
    activeCount,
    selected,
    setSelected,
    notice,
    setNotice,
    claim,
    send,
    retry,
    end,
    release,
    dismiss,
    adoptChat,
    needsStaff,
  };
}
