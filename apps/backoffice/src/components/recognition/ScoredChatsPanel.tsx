import { useCallback, useEffect, useState } from 'preact/hooks';
import type { ScoredChat } from '@tribu/protocol/client';
import { command, type HelperSocket } from '../../realtime/socket.ts';
import { pts } from './words.ts';
import { useI18n } from '../../i18n/index.tsx';

/** Managers review the chats that earned points lately and set aside one that was abusive or out of scope. */
export function ScoredChatsPanel({ socket, siteId }: { socket: HelperSocket | null; siteId: string }) {
  const i18n = useI18n();
  const { t, f } = i18n;
  const w = t.recognition.scored;
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
    setMessage(r.ok ? w.done(pts(r.data.revoked, i18n)) : r.error.message);
    if (r.ok) {
      setAside(null);
      setReason('');
      void load();
    }
  };
  return (
    <section class="panel rec-panel scored-panel" aria-labelledby="sc-h">
      <div class="panel-head">
        <h2 id="sc-h">{w.title}</h2>
        <span class="muted small">{w.last30}</span>
      </div>
      <p class="muted small">{w.lead}</p>
      {message && (
        <p class="muted small" role="status">
          {message}
        </p>
      )}
      {chats?.length === 0 && <p class="encourage">{w.empty}</p>}
      <ul class="scored-list">
        {chats?.map((c) => (
          <li key={c.conversationId} class={c.excluded ? 'excluded' : ''}>
            <div class="scored-main">
              <strong class="scored-q">{c.question}</strong>
              <span class="muted small">
                {c.helper?.displayName ?? t.recognition.formerMember} · {f.date(c.closedAt)} · {pts(c.points, i18n)}
                {c.rating !== null && ` · ${'★'.repeat(c.rating)}`}
              </span>
            </div>
            {c.excluded ? (
              <span class="chip">{w.setAside}</span>
            ) : aside === c.conversationId ? (
              <form class="aside-form" onSubmit={setChatAside}>
                <label>
                  <span class="sr-only">{w.why}</span>
                  <input value={reason} required maxLength={300} placeholder={w.whyPlaceholder} onInput={(e) => setReason(e.currentTarget.value)} />
                </label>
                <button type="submit" class="ghost danger" disabled={!reason.trim()}>
                  {w.setAside}
                </button>
                <button type="button" class="ghost" onClick={() => setAside(null)}>
                  {t.common.cancel}
                </button>
              </form>
            ) : (
              <button type="button" class="ghost" aria-label={w.setAsideLabel(c.question)} onClick={() => setAside(c.conversationId)}>
                {w.setAsideMore}
              </button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
