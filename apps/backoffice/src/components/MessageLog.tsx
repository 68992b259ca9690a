import { useEffect, useRef } from 'preact/hooks';
import type { Chat } from '../realtime/chat-state.ts';
import { MessageMenu } from './chat/MessageMenu.tsx';
import { useI18n, type Messages } from '../i18n/index.tsx';

function endedLine(closedBy: string | null, w: Messages['desk']['log']): string {
  if (closedBy === 'visitor') return w.visitorEnded;
  if (closedBy === 'helper') return w.youEnded;
  return w.ended;
}

/** The conversation as text only: visitor on the left, the helper's own replies on the right. */
export function MessageLog({ chat, onRetry }: { chat: Chat; onRetry: (clientId: string) => void }) {
  const log = useRef<HTMLDivElement>(null);
  const { t, f } = useI18n();
  const w = t.desk.log;
  const c = chat.conversation;
  const count = chat.messages.length + chat.pending.length;
  // "Seen" goes under the helper's last reply the visitor has read.
  const seenId = [...chat.messages].reverse().find((m) => m.author === 'helper' && m.seq <= c.visitorReadSeq)?.id;
  // Scrolls the log itself, never the page (on a phone the page keeps the request board in view).
  useEffect(() => {
    const el = log.current;
    if (el) el.scrollTop = el.scrollHeight;
  }, [count, c.id, chat.visitorTyping]);
  return (
    <div class="log" ref={log} role="log" aria-label={w.conversation} aria-live="polite">
      {chat.messages.map((m) =>
        m.author === 'system' ? (
          <p key={m.id} class="ended">
            {m.text}
          </p>
        ) : (
          <div key={m.id} class={`msg ${m.author === 'helper' ? 'mine' : 'theirs'}`}>
            <div class="bubble">{m.text}</div>
            <div class="meta">
              {m.author === 'helper' ? (m.authorName ?? w.you) : (c.visitorName ?? w.visitor)} · {f.time(m.createdAt)}
              {m.id === seenId && w.seen}
              {m.flagged && (
                <span class="flag-chip" title={w.flaggedTitle}>
                  {w.flagged}
                </span>
              )}
              {m.author === 'visitor' && <MessageMenu messageId={m.id} text={m.text} />}
            </div>
          </div>
        ),
      )}
      {chat.pending.map((p) => (
        <div key={p.clientId} class={`msg mine ${p.state}`}>
          <div class="bubble">{p.text}</div>
          <div class="meta">
            {p.state === 'sending' ? (
              w.sending
            ) : (
              <>
                <span class="err">{p.error ? w.notSentBecause(p.error.message) : w.notSent}</span>{' '}
                <button type="button" class="link" onClick={() => onRetry(p.clientId)}>
                  {w.retry}
                </button>
              </>
            )}
          </div>
        </div>
      ))}
      {chat.visitorTyping && c.status !== 'closed' && <p class="typing">{w.visitorTyping}</p>}
      {c.status === 'closed' && <p class="ended">{endedLine(c.closedBy, w)}</p>}
      {c.rating && (
        <p class="ended rated">
          {w.rated} {'★'.repeat(c.rating)}
          {'☆'.repeat(5 - c.rating)}
          {c.ratingComment ? ` — ${t.desk.quoted(c.ratingComment)}` : ''}
        </p>
      )}
    </div>
  );
}
