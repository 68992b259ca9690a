import { useEffect, useRef } from 'preact/hooks';
import type { Chat } from '../realtime/chat-state.ts';
import { MessageMenu } from './chat/MessageMenu.tsx';

const time = (iso: string) => new Date(iso).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });

function endedLine(closedBy: string | null): string {
  if (closedBy === 'visitor') return 'The visitor ended the chat.';
  if (closedBy === 'helper') return 'You ended the chat.';
  return 'This chat has ended.';
}

/** The conversation as text only: visitor on the left, the helper's own replies on the right. */
export function MessageLog({ chat, onRetry }: { chat: Chat; onRetry: (clientId: string) => void }) {
  const log = useRef<HTMLDivElement>(null);
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
    <div class="log" ref={log} role="log" aria-label="Conversation" aria-live="polite">
      {chat.messages.map((m) =>
        m.author === 'system' ? (
          <p key={m.id} class="ended">
            {m.text}
          </p>
        ) : (
          <div key={m.id} class={`msg ${m.author === 'helper' ? 'mine' : 'theirs'}`}>
            <div class="bubble">{m.text}</div>
            <div class="meta">
              {m.author === 'helper' ? (m.authorName ?? 'You') : (c.visitorName ?? 'Visitor')} · {time(m.createdAt)}
              {m.id === seenId && ' · Seen'}
              {m.flagged && (
                <span class="flag-chip" title="Contains a blocked word: masked for you, and sent to the community managers">
                  flagged
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
              'Sending…'
            ) : (
              <>
                <span class="err">Not sent{p.error ? `: ${p.error.message}` : ''}</span>{' '}
                <button type="button" class="link" onClick={() => onRetry(p.clientId)}>
                  Retry
                </button>
              </>
            )}
          </div>
        </div>
      ))}
      {chat.visitorTyping && c.status !== 'closed' && <p class="typing">Visitor is typing…</p>}
      {c.status === 'closed' && <p class="ended">{endedLine(c.closedBy)}</p>}
      {c.rating && (
        <p class="ended rated">
          Rated {'★'.repeat(c.rating)}
          {'☆'.repeat(5 - c.rating)}
          {c.ratingComment ? ` — “${c.ratingComment}”` : ''}
        </p>
      )}
    </div>
  );
}
