import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { LIMITS, type Conversation, type Message, type Page, type QueueItem } from '@tribu/protocol/client';
import { command, connectHelper, newClientId, type HelperSocket } from '../realtime/socket.ts';

export interface PendingMessage {
  clientId: string;
  text: string;
  state: 'sending' | 'failed';
  error?: string;
}

export interface Chat {
  conversation: Conversation;
  messages: Message[];
  pending: PendingMessage[];
  page: Page | null;
  visitorTyping: boolean;
}

export type Link = 'connecting' | 'online' | 'reconnecting' | 'refused';

const mergeMessages = (cur: Message[], incoming: Message[]) => {
  const byId = new Map(cur.map((m) => [m.id, m]));
  for (const m of incoming) byId.set(m.id, m);
  return [...byId.values()].sort((a, b) => a.seq - b.seq);
};

/** The helper's live desk for one site: the request board and their chats, resynced on reconnect. */
export function useHelperDesk(siteId: string) {
  const [link, setLink] = useState<Link>('connecting');
  const [queue, setQueue] = useState<QueueItem[]>([]);
  const [chats, setChats] = useState<Record<string, Chat>>({});
  const [selected, setSelected] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const socketRef = useRef<HelperSocket | null>(null);
  const chatsRef = useRef(chats);
  chatsRef.current = chats;
  const typingSent = useRef(new Map<string, number>());
  const typingTimers = useRef(new Map<string, ReturnType<typeof setTimeout>>()).current;

  const upsertChat = useCallback((conversation: Conversation, messages: Message[] = []) => {
    setChats((cur) => {
      const prev = cur[conversation.id];
      const merged = mergeMessages(prev?.messages ?? [], messages);
      const done = new Set(merged.map((m) => m.clientId));
      return {
        ...cur,
        [conversation.id]: {
          conversation,
          messages: merged,
          pending: (prev?.pending ?? []).filter((p) => !done.has(p.clientId)),
          page: prev?.page ?? conversation.page,
          visitorTyping: messages.some((m) => m.author === 'visitor') ? false : (prev?.visitorTyping ?? false),
        },
      };
    });
  }, []);

  useEffect(() => {
    const s = connectHelper();
    socketRef.current = s;
    s.on('connect', async () => {
      setLink('online');
      const [q, mine] = await Promise.all([
        command(s, 'queue:list', { siteId }),
        command(s, 'conversation:list', { siteId }),
      ]);
      if (q.ok) setQueue(q.data.items);
      if (mine.ok) {
        for (const c of mine.data.conversations) {
          const held = chatsRef.current[c.id];
          const after = held?.messages.at(-1)?.seq ?? 0;
          const r = await command(s, 'message:sync', { conversationId: c.id, afterSeq: after });
          upsertChat(c, r.ok ? r.data.messages : []);
        }
        setSelected((cur) => cur ?? mine.data.conversations[0]?.id ?? null);
      }
    });
    s.on('disconnect', () => setLink('reconnecting'));
    s.on('connect_error', (err) => setLink(err.message === 'unauthorized' ? 'refused' : 'reconnecting'));
    s.on('queue:added', (item) =>
      setQueue((cur) => (cur.some((i) => i.conversationId === item.conversationId) ? cur : [...cur, item])),
    );
    s.on('queue:removed', ({ conversationId }) => setQueue((cur) => cur.filter((i) => i.conversationId !== conversationId)));
    s.on('message:created', (m) => {
      const chat = chatsRef.current[m.conversationId];
      if (chat) upsertChat(chat.conversation, [m]);
    });
    s.on('conversation:updated', (c) => {
      if (chatsRef.current[c.id]) upsertChat(c);
    });
    s.on('typing:updated', ({ conversationId, author, typing }) => {
      if (author !== 'visitor') return;
      const set = (on: boolean) =>
        setChats((cur) => (cur[conversationId] ? { ...cur, [conversationId]: { ...cur[conversationId]!, visitorTyping: on } } : cur));
      clearTimeout(typingTimers.get(conversationId));
      set(typing);
      // Expires on its own: a visitor who closed the tab is not typing forever.
      if (typing) typingTimers.set(conversationId, setTimeout(() => set(false), LIMITS.typingTtlMs));
    });
    s.on('page:viewed', ({ conversationId, page }) =>
      setChats((cur) => (cur[conversationId] ? { ...cur, [conversationId]: { ...cur[conversationId]!, page } } : cur)),
    );
    return () => {
      s.disconnect();
      socketRef.current = null;
    };
  }, [siteId, upsertChat]);

  const claim = useCallback(
    async (conversationId: string) => {
      const s = socketRef.current;
      if (!s) return;
      const r = await command(s, 'conversation:claim', { conversationId });
      if (r.ok) {
        upsertChat(r.data.conversation, r.data.messages);
        setSelected(conversationId);
        setQueue((cur) => cur.filter((i) => i.conversationId !== conversationId));
        setNotice(null);
      } else {
        if (r.error.code === 'already_claimed' || r.error.code === 'not_found') {
          setQueue((cur) => cur.filter((i) => i.conversationId !== conversationId));
        }
        setNotice(r.error.message);
      }
    },
    [upsertChat],
  );

  const deliver = useCallback(async (conversationId: string, clientId: string, text: string) => {
    const s = socketRef.current;
    if (!s) return;
    const r = await command(s, 'message:send', { conversationId, clientId, text });
    setChats((cur) => {
      const chat = cur[conversationId];
      if (!chat) return cur;
      if (r.ok) {
        return {
          ...cur,
          [conversationId]: {
            ...chat,
            messages: mergeMessages(chat.messages, [r.data.message]),
            pending: chat.pending.filter((p) => p.clientId !== clientId),
          },
        };
      }
      return {
        ...cur,
        [conversationId]: {
          ...chat,
          pending: chat.pending.map((p) => (p.clientId === clientId ? { ...p, state: 'failed', error: r.error.message } : p)),
        },
      };
    });
  }, []);

  const send = useCallback(
    (conversationId: string, text: string) => {
      const clientId = newClientId();
      setChats((cur) => {
        const chat = cur[conversationId];
        if (!chat) return cur;
        return { ...cur, [conversationId]: { ...chat, pending: [...chat.pending, { clientId, text, state: 'sending' }] } };
      });
      typingSent.current.delete(conversationId);
      void deliver(conversationId, clientId, text);
    },
    [deliver],
  );

  const retry = useCallback(
    (conversationId: string, clientId: string) => {
      const p = chatsRef.current[conversationId]?.pending.find((x) => x.clientId === clientId);
      if (!p) return;
      setChats((cur) => {
        const chat = cur[conversationId]!;
        return {
          ...cur,
          [conversationId]: {
            ...chat,
            pending: chat.pending.map((x) => (x.clientId === clientId ? { ...x, state: 'sending', error: undefined } : x)),
          },
        };
      });
      void deliver(conversationId, clientId, p.text);
    },
    [deliver],
  );

  const end = useCallback(
    async (conversationId: string) => {
      const s = socketRef.current;
      if (!s) return;
      const r = await command(s, 'conversation:end', { conversationId });
      if (r.ok) upsertChat(r.data.conversation);
      else setNotice(r.error.message);
    },
    [upsertChat],
  );

  /** Tells the visitor the helper is typing, at most every few seconds per chat. */
  const typing = useCallback((conversationId: string) => {
    const s = socketRef.current;
    const now = Date.now();
    if (!s?.connected || now - (typingSent.current.get(conversationId) ?? 0) < LIMITS.typingTtlMs / 2) return;
    typingSent.current.set(conversationId, now);
    void command(s, 'typing:set', { conversationId, typing: true });
  }, []);

  const dismiss = useCallback((conversationId: string) => {
    setChats((cur) => {
      const { [conversationId]: _gone, ...rest } = cur;
      return rest;
    });
    setSelected((cur) => (cur === conversationId ? null : cur));
  }, []);

  const openChats = useMemo(
    () => Object.values(chats).sort((a, b) => (a.conversation.claimedAt ?? '').localeCompare(b.conversation.claimedAt ?? '')),
    [chats],
  );
  const activeCount = openChats.filter((c) => c.conversation.status === 'active').length;

  return { link, queue, chats: openChats, activeCount, selected, setSelected, notice, setNotice, claim, send, retry, end, dismiss, typing };
}
