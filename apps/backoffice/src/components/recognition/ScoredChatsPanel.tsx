import { useCallback, useEffect, useState } from 'preact/hooks';
import type { ScoredChat } from '@tribu/protocol/client';
import { command, type HelperSocket } from '../../realtime/socket.ts';
import { pts, shortDate } from './words.ts';

/** Managers review the chats that earned points lately and set aside one that was abusive or out of scope. */
export function ScoredChatsPanel({ socket, siteId }: { socket: HelperSocket | null; siteId: string }) {
  const [chats, setChats] = useState<ScoredChat[] | null>(null);
  const [aside, setAside] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const load = useCallback(async () => {
    if (!socket) return;
    const r = await command(socket, 'scored:list', { siteId });
    if (r.ok) setChats(r.data.chats);
    else setMessage(r.error.message);
  }, [socket, siteId]);
  useEffect(() => void load(), [load]);
  const setChatAside = async (e: Event) => {
    e.preventDefault();
    if (!socket || !aside) return;
    const r = await command(socket, 'conversation:exclude', { conversationId: aside, reason });
    setMessage(r.ok ? `Set aside: ${pts(r.data.revoked)} taken back. The helper was told why; their badges stay.` : r.error.message);
    if (r.ok) {
      setAside(null);
      setReason('');
      void load();
    }
  };
  return (
    <section class="panel rec-panel scored-panel" aria-labelledby="sc-h">
      <div class="panel-head">
        <h2 id="sc-h">Chats that earned points</h2>
        <span class="muted small">last 30 days</span>
      </div>
      <p class="muted small">A chat that was abusive or not for volunteers earns nothing: set it aside and its points are taken back once.</p>
      {message && (
        <p class="muted small" role="status">
          {message}
        </p>
      )}
      {chats?.length === 0 && <p class="encourage">No chat has earned points in the last 30 days yet.</p>}
      <ul class="scored-list">
        {chats?.map((c) => (
          <li key={c.conversationId} class={c.excluded ? 'excluded' : ''}>
            <div class="scored-main">
              <strong class="scored-q">{c.question}</strong>
              <span class="muted small">
                {c.helper?.displayName ?? 'Former member'} · {shortDate(c.closedAt)} · {pts(c.points)}
                {c.rating !== null && ` · ${'★'.repeat(c.rating)}`}
              </span>
            </div>
            {c.excluded ? (
              <span class="chip">Set aside</span>
            ) : aside === c.conversationId ? (
              <form class="aside-form" onSubmit={setChatAside}>
                <label>
                  <span class="sr-only">Why is this chat set aside?</span>
                  <input value={reason} required maxLength={300} placeholder="Why? The helper reads it" onInput={(e) => setReason(e.currentTarget.value)} />
                </label>
                <button type="submit" class="ghost danger" disabled={!reason.trim()}>
                  Set aside
                </button>
                <button type="button" class="ghost" onClick={() => setAside(null)}>
                  Cancel
                </button>
              </form>
            ) : (
              <button type="button" class="ghost" aria-label={`Set aside: ${c.question}`} onClick={() => setAside(c.conversationId)}>
                Set aside…
              </button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
