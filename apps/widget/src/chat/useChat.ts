import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { LIMITS, keepConnecting, retryWhileUnavailable, type Conversation, type LinkWait, type Message, type QueuePosition } from '@tribu/protocol/client';
import type { Intro } from './Composer.tsx';
import { loadOutbox, saveOutbox, type Unacked } from './outbox-store.ts';
import { currentPage } from './page-context.ts';
import { readIdentity, writeIdentity, type MountOptions } from '../shared.ts';
import type { Dict } from './i18n/index.ts';
import { command, connect, fetchToken, newClientId, type VisitorSocket } from './transport.ts';

/** A message as shown: stored ones, plus the visitor's own still being sent or failed. */
export interface ShownMessage {
  key: string;
  clientId: string;
  author: Message['author'];
  authorName: string | null;
  text: string;
  seq: number;
  createdAt: string;
  state: 'sent' | 'sending' | 'failed';
  error?: string;
}

export type Link = 'idle' | 'connecting' | 'online' | 'reconnecting';

const shownFrom = (u: Unacked): ShownMessage => ({
  key: u.clientId,
  clientId: u.clientId,
  author: 'visitor',
  authorName: null,
  text: u.text,
  seq: Number.MAX_SAFE_INTEGER,
  createdAt: u.createdAt,
  state: u.state,
  ...(u.error ? { error: u.error } : {}),
});

/** The visitor's chat: identity, socket, conversation and messages, resynced after every reconnect. */
export function useChat(opts: MountOptions, t: Dict, contextVersion: number, visible: boolean) {
  const { base, siteKey, emit } = opts;
  const page = () => currentPage(opts.context());
  const [conversation, setConversation] = useState<Conversation | null>(null);
  const [stored, setStored] = useState<Message[]>([]);
  // Messages not yet acknowledged, restored after a reload of the tab: resent once, or shown failed.
  const [restored] = useState(() => loadOutbox(siteKey));
  const [pending, setPending] = useState<ShownMessage[]>(() => restored.map(shownFrom));
  const [link, setLink] = useState<Link>('idle');
  // While reconnecting: when the next attempt starts and why (a refused handshake or a lost connection).
  const [wait, setWait] = useState<LinkWait | null>(null);
  const retryNowRef = useRef<() => void>(() => undefined);
  const [helperTyping, setHelperTyping] = useState(false);
  const [queue, setQueue] = useState<QueuePosition | null>(null);
  // The site's managers keep this visitor out of the chat: a polite unavailable state instead.
  const [banned, setBanned] = useState(false);
  // The visitor's data was erased elsewhere (another tab, the site's admin): the chat starts afresh.
  const [erased, setErased] = useState(false);
  const typingTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const lastTypingSent = useRef(0);
  const socketRef = useRef<VisitorSocket | null>(null);
  // Sends go out one after the other, in the order typed, each once the socket is connected.
  const outbox = useRef<Promise<void>>(Promise.resolve());
  // What came with a first message, kept so a retry sends the same.
  const intros = useRef(new Map<string, Intro>(restored.flatMap((u) => (u.intro ? [[u.clientId, u.intro] as const] : [])))).current;
  // Settled once the first connection asked which conversation is open, so a resend after a reload
  // continues that conversation instead of racing to start one.
  const fetched = useRef<{ done: Promise<void>; resolve: () => void } | null>(null);
  if (!fetched.current) {
    let resolve = () => undefined as void;
    const done = new Promise<void>((r) => (resolve = r));
    fetched.current = { done, resolve };
  }
  const convRef = useRef<Conversation | null>(null);
  const lastSeq = useRef(0);
  convRef.current = conversation;

  const merge = useCallback((incoming: Message[]) => {
    if (incoming.length === 0) return;
    setStored((cur) => {
      const byId = new Map(cur.map((m) => [m.id, m]));
      for (const m of incoming) byId.set(m.id, m);
      const all = [...byId.values()].sort((a, b) => a.seq - b.seq);
      lastSeq.current = all.at(-1)?.seq ?? 0;
      return all;
    });
    const done = new Set(incoming.map((m) => m.clientId));
    setPending((cur) => cur.filter((p) => !done.has(p.clientId)));
  }, []);

  const adopt = useCallback(
    (c: Conversation | null, messages: Message[]) => {
      if (c?.id !== convRef.current?.id) {
        setStored([]);
        lastSeq.current = 0;
      }
      setConversation(c);
      merge(messages);
    },
    [merge],
  );

  /** Asks for everything after `afterSeq`, batch after batch, until nothing is missing. */
  const catchUp = useCallback(
    async (s: VisitorSocket, conversationId: string, afterSeq: number) => {
      for (let after = afterSeq, rounds = 0; rounds < 100; rounds++) {
        const r = await command(s, 'message:sync', { conversationId, afterSeq: after });
        if (!r.ok) return;
        merge(r.data.messages);
        const last = r.data.messages.at(-1);
        if (!last || r.data.messages.length < LIMITS.syncBatch) return;
        after = last.seq;
      }
    },
    [merge],
  );

  const open = useCallback(async (): Promise<VisitorSocket> => {
    if (socketRef.current) return socketRef.current;
    let id = readIdentity(siteKey);
    if (!id) {
      const fresh = await fetchToken(base, siteKey);
      id = { ...fresh, hasConversation: false };
      writeIdentity(siteKey, id);
    }
    setLink('connecting');
    const s = connect(base, siteKey, id);
    socketRef.current = s;
    // Comes back by itself after a lost connection or a handshake refused as unavailable, internal or
    // rate limited; a refusal a retry cannot fix (banned, a foreign identity) is handled below.
    retryNowRef.current = keepConnecting(s, {
      waiting: (w) => {
        setLink('reconnecting');
        setWait(w);
      },
      refused: () => setWait(null),
    }).retryNow;
    let first = true;
    // On every reconnect, and when the server lost broadcasts meanwhile (its Redis was down).
    const sync = async () => {
      const wasFirst = first;
      first = false;
      const c = convRef.current;
      if (!wasFirst && c) await catchUp(s, c.id, lastSeq.current);
      const r = await command(s, 'conversation:fetch', {}).finally(() => fetched.current?.resolve());
      // A start racing this fetch may not be stored yet: never let "nothing yet" erase it.
      if (r.ok && (r.data.conversation || !convRef.current)) {
        adopt(r.data.conversation, r.data.messages);
        // A long history comes in batches: ask for the rest after the last one received.
        const last = r.data.messages.at(-1);
        if (r.data.conversation && last && r.data.messages.length >= LIMITS.syncBatch) {
          await catchUp(s, r.data.conversation.id, last.seq);
        }
        if (wasFirst && r.data.conversation && r.data.conversation.status !== 'closed') {
          void command(s, 'page:view', { conversationId: r.data.conversation.id, page: page() });
        }
      }
    };
    s.on('connect', () => (setLink('online'), setWait(null), sync()));
    s.on('sync:needed', sync);
    s.on('connect_error', async (err) => {
      if (err.message === 'banned') {
        setBanned(true);
        s.disconnect();
        return;
      }
      setLink('reconnecting');
      // An expired or foreign token: get a fresh identity once and retry.
      if (err.message === 'unauthorized' && id) {
        try {
          const fresh = await fetchToken(base, siteKey);
          id = { ...fresh, hasConversation: false };
          writeIdentity(siteKey, id);
          s.auth = { ...(s.auth as object), visitorId: fresh.visitorId, token: fresh.token };
        } catch {
          /* the socket keeps retrying */
        }
      }
    });
    s.on('visitor:banned', () => setBanned(true));
    s.on('visitor:erased', () => setErased(true));
    s.on('message:created', (m) => {
      if (m.conversationId !== convRef.current?.id) return;
      // More than one past the last seq held: broadcasts were lost while this socket stayed up (the
      // servers lost each other for a while); what is missing is asked for.
      const missedAfter = m.seq > lastSeq.current + 1 ? lastSeq.current : null;
      merge([m]);
      if (missedAfter !== null) void catchUp(s, m.conversationId, missedAfter);
      emit('message', m);
      if (m.author === 'helper') setHelperTyping(false);
    });
    s.on('read:updated', (r) => {
      const c = convRef.current;
      if (r.author === 'helper' && c && r.conversationId === c.id) setConversation({ ...c, helperReadSeq: r.seq });
    });
    s.on('queue:position', (p) => {
      if (p.conversationId === convRef.current?.id) setQueue(p);
    });
    s.on('typing:updated', (t) => {
      if (t.conversationId !== convRef.current?.id || t.author !== 'helper') return;
      clearTimeout(typingTimer.current);
      setHelperTyping(t.typing);
      // An indicator nobody refreshes expires: a helper who closed the tab is not "typing" forever.
      if (t.typing) typingTimer.current = setTimeout(() => setHelperTyping(false), LIMITS.typingTtlMs);
    });
    s.on('conversation:updated', (c) => {
      if (convRef.current && c.id !== convRef.current.id) return;
      if (c.status === 'closed' && convRef.current?.status !== 'closed') emit('conversation:ended', c);
      setConversation(c);
    });
    return s;
  }, [base, siteKey, merge, adopt, catchUp]);

  // Read receipts: what the visitor has on screen counts as seen.
  const lastMarked = useRef(0);
  const lastSeen = stored.at(-1)?.seq ?? 0;
  useEffect(() => {
    const s = socketRef.current;
    const c = convRef.current;
    if (!visible || !s?.connected || !c || lastSeen <= lastMarked.current) return;
    if (!stored.some((m) => m.author !== 'visitor' && m.seq > lastMarked.current)) return;
    lastMarked.current = lastSeen;
    void command(s, 'read:update', { conversationId: c.id, seq: lastSeen });
  }, [visible, lastSeen, link]);

  // Answers not read yet (this visit or an earlier one): the launcher shows how many while closed.
  const readUpTo = Math.max(conversation?.visitorReadSeq ?? 0, lastMarked.current);
  const unread = visible ? 0 : stored.filter((m) => m.author !== 'visitor' && m.seq > readUpTo).length;
  useEffect(() => opts.unread(unread), [unread]);

  // The merchant called setContext(): the helper sees the new context with the page.
  useEffect(() => {
    const s = socketRef.current;
    const c = convRef.current;
    if (contextVersion && s?.connected && c && c.status !== 'closed') {
      void command(s, 'page:view', { conversationId: c.id, page: page() });
    }
  }, [contextVersion]);

  // Whatever is not acknowledged is kept for a reload of this tab.
  useEffect(() => {
    saveOutbox(
      siteKey,
      pending.map((p) => ({
        clientId: p.clientId,
        text: p.text,
        createdAt: p.createdAt,
        state: p.state === 'failed' ? 'failed' : 'sending',
        ...(p.error ? { error: p.error } : {}),
        ...(intros.has(p.clientId) ? { intro: intros.get(p.clientId) } : {}),
      })),
    );
  }, [siteKey, pending]);

  useEffect(() => {
    if (readIdentity(siteKey)?.hasConversation) void open();
    return () => {
      socketRef.current?.disconnect();
      socketRef.current = null;
    };
  }, [siteKey, open]);

  const deliverNow = useCallback(
    async (clientId: string, text: string, intro?: Intro) => {
      const fail = (error: string) => setPending((cur) => cur.map((p) => (p.clientId === clientId ? { ...p, state: 'failed', error } : p)));
      try {
        const s = await open();
        // Offline: keep the message queued (shown as sending) until the connection is back.
        if (!s.connected) await new Promise<void>((resolve) => s.once('connect', () => resolve()));
        await fetched.current?.done;
        const c = convRef.current;
        if (!c || c.status === 'closed') {
          // Helpers see the visitor's language and local time.
          const where = { locale: opts.state.locale, timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone };
          // The server's database restarting: the same start again shortly (stored once by its client id).
          const r = await retryWhileUnavailable(() => command(s, 'conversation:start', { clientId, text, page: page(), ...where, ...intro }));
          if (!r.ok && r.error.code === 'banned') setBanned(true);
          if (!r.ok) return fail(r.error.code === 'unavailable' ? t.noAnswer : r.error.message);
          const id = readIdentity(siteKey);
          if (id) writeIdentity(siteKey, { ...id, hasConversation: true });
          adopt(r.data.conversation, [r.data.message]);
        } else {
          const r = await retryWhileUnavailable(() => command(s, 'message:send', { conversationId: c.id, clientId, text }));
          if (!r.ok) return fail(r.error.code === 'unavailable' ? t.noAnswer : r.error.message);
          merge([r.data.message]);
        }
      } catch {
        fail(t.unreachable);
      }
    },
    [open, merge, adopt, siteKey, t],
  );

  const deliver = useCallback(
    (clientId: string, text: string, intro?: Intro) => {
      const run = outbox.current.then(() => deliverNow(clientId, text, intro));
      outbox.current = run.catch(() => undefined);
      return run;
    },
    [deliverNow],
  );

  // Sent before a reload and never acknowledged: sent again with the same client id (stored once).
  useEffect(() => {
    for (const u of restored) if (u.state === 'sending') void deliver(u.clientId, u.text, u.intro);
  }, []);

  const send = useCallback(
    (text: string, intro?: Intro) => {
      const clientId = newClientId();
      setPending((cur) => [
        ...cur,
        {
          key: clientId,
          clientId,
          author: 'visitor',
          authorName: null,
          text,
          seq: Number.MAX_SAFE_INTEGER,
          createdAt: new Date().toISOString(),
          state: 'sending',
        },
      ]);
      lastTypingSent.current = 0;
      if (intro) intros.set(clientId, intro);
      void deliver(clientId, text, intro);
    },
    [deliver],
  );

  /** Tells the helper the visitor is typing, at most every few seconds. */
  const typing = useCallback(() => {
    const s = socketRef.current;
    const c = convRef.current;
    if (!s?.connected || !c || c.status !== 'active') return;
    const now = Date.now();
    if (now - lastTypingSent.current < LIMITS.typingTtlMs / 2) return;
    lastTypingSent.current = now;
    void command(s, 'typing:set', { conversationId: c.id, typing: true });
  }, []);

  const rate = useCallback(async (rating: number, comment: string, thank?: boolean): Promise<string | null> => {
    const s = socketRef.current;
    const c = convRef.current;
    if (!s || !c) return 'No chat to rate';
    const r = await command(s, 'conversation:rate', { conversationId: c.id, rating, ...(comment.trim() ? { comment } : {}), ...(thank ? { thank } : {}) });
    if (!r.ok) return r.error.message;
    setConversation(r.data.conversation);
    return null;
  }, []);

  /** The visitor's earlier chats (needs an identity; none yet means no history). */
  const history = useCallback(async (): Promise<Conversation[]> => {
    if (!readIdentity(siteKey)) return [];
    const s = await open();
    const r = await command(s, 'conversation:history', {});
    return r.ok ? r.data.conversations : [];
  }, [open, siteKey]);

  const messagesOf = useCallback(
    async (conversationId: string): Promise<ShownMessage[]> => {
      const s = await open();
      const r = await command(s, 'message:sync', { conversationId, afterSeq: 0 });
      return r.ok ? r.data.messages.map((m) => ({ ...m, key: m.id, state: 'sent' as const })) : [];
    },
    [open],
  );

  const retry = useCallback(
    (clientId: string) => {
      const p = pending.find((x) => x.clientId === clientId);
      if (!p) return;
      setPending((cur) => cur.map((x) => (x.clientId === clientId ? { ...x, state: 'sending', error: undefined } : x)));
      void deliver(clientId, p.text, intros.get(clientId));
    },
    [pending, deliver],
  );

  const end = useCallback(async () => {
    const s = socketRef.current;
    const c = convRef.current;
    if (!s || !c) return;
    const r = await command(s, 'conversation:end', { conversationId: c.id });
    if (r.ok) setConversation(r.data.conversation);
  }, []);

  const startOver = useCallback(() => {
    setConversation(null);
    setStored([]);
    setPending([]);
    lastSeq.current = 0;
  }, []);

  const messages: ShownMessage[] = [...stored.map((m) => ({ ...m, key: m.id, state: 'sent' as const })), ...pending];
  const place = conversation?.status === 'waiting' && queue?.conversationId === conversation.id ? queue : null;
  const retryNow = useCallback(() => retryNowRef.current(), []);
  return { history, messagesOf, conversation, messages, link, wait, retryNow, helperTyping, place, banned, erased, send, retry, end, startOver, typing, rate };
}
