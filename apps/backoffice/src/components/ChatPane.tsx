import { useEffect, useRef, useState } from 'preact/hooks';
import { LIMITS } from '@tribu/protocol/client';
import type { Chat } from '../hooks/useHelperDesk.ts';
import { PageLink } from './PageLink.tsx';

interface Props {
  chat: Chat | null;
  onSend: (text: string) => void;
  onRetry: (clientId: string) => void;
  onEnd: () => void;
  onDismiss: () => void;
  onTyping: () => void;
}

const time = (iso: string) => new Date(iso).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });

export function ChatPane({ chat, onSend, onRetry, onEnd, onDismiss, onTyping }: Props) {
  const [text, setText] = useState('');
  const end = useRef<HTMLDivElement>(null);
  const count = (chat?.messages.length ?? 0) + (chat?.pending.length ?? 0);
  useEffect(() => end.current?.scrollIntoView({ block: 'end' }), [count, chat?.conversation.id]);
  if (!chat) {
    return (
      <section class="column pane empty-pane" aria-label="Chat">
        <div>
          <h2>No chat selected</h2>
          <p class="muted">Pick a request on the right: the visitor is waiting for someone who knows.</p>
        </div>
      </section>
    );
  }
  const c = chat.conversation;
  const closed = c.status === 'closed';
  const tooLong = text.length > LIMITS.messageText;
  const submit = (e?: Event) => {
    e?.preventDefault();
    const t = text.trim();
    if (!t || tooLong || closed) return;
    onSend(t);
    setText('');
  };
  return (
    <section class="column pane" aria-label="Chat">
      <header class="pane-head">
        <div>
          <h2>Visitor</h2>
          <p class="now-on">
            Now on: <PageLink page={chat.page} />
          </p>
        </div>
        {closed ? (
          <button type="button" class="ghost" onClick={onDismiss}>
            Close tab
          </button>
        ) : (
          <button type="button" class="ghost danger" onClick={onEnd}>
            End chat
          </button>
        )}
      </header>
      <div class="log" role="log" aria-label="Conversation" aria-live="polite">
        {chat.messages.map((m) => (
          <div key={m.id} class={`msg ${m.author === 'helper' ? 'mine' : 'theirs'}`}>
            <div class="bubble">{m.text}</div>
            <div class="meta">
              {m.author === 'helper' ? (m.authorName ?? 'You') : 'Visitor'} · {time(m.createdAt)}
            </div>
          </div>
        ))}
        {chat.pending.map((p) => (
          <div key={p.clientId} class={`msg mine ${p.state}`}>
            <div class="bubble">{p.text}</div>
            <div class="meta">
              {p.state === 'sending' ? (
                'Sending…'
              ) : (
                <>
                  <span class="err">{p.error ?? 'Not sent'}</span>{' '}
                  <button type="button" class="link" onClick={() => onRetry(p.clientId)}>
                    Retry
                  </button>
                </>
              )}
            </div>
          </div>
        ))}
        {chat.visitorTyping && !closed && <p class="typing">Visitor is typing…</p>}
        {closed && <p class="ended">This chat has ended{c.closedBy === 'visitor' ? ': the visitor left' : ''}.</p>}
        {c.rating && (
          <p class="ended rated">
            Rated {'★'.repeat(c.rating)}
            {c.ratingComment ? ` — “${c.ratingComment}”` : ''}
          </p>
        )}
        <div ref={end} />
      </div>
      <form class="reply" onSubmit={submit}>
        {tooLong && (
          <p class="alert" role="alert">
            {text.length - LIMITS.messageText} characters over the {LIMITS.messageText}-character limit.
          </p>
        )}
        <textarea
          aria-label="Reply"
          placeholder={closed ? 'This chat has ended' : 'Write your answer… (Enter to send, Shift+Enter for a new line)'}
          disabled={closed}
          rows={3}
          value={text}
          onInput={(e) => {
            setText(e.currentTarget.value);
            onTyping();
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) submit(e);
          }}
        />
        <button class="primary" type="submit" disabled={closed || !text.trim() || tooLong}>
          Send
        </button>
      </form>
    </section>
  );
}
