import { useEffect, useRef } from 'preact/hooks';
import { Linkified } from './Linkified.tsx';
import type { ShownMessage } from './useChat.ts';

const time = (iso: string) => new Date(iso).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });

interface Props {
  messages: ShownMessage[];
  onRetry: (clientId: string) => void;
  siteName: string;
}

export function MessageList({ messages, onRetry, siteName }: Props) {
  const end = useRef<HTMLDivElement>(null);
  useEffect(() => end.current?.scrollIntoView({ block: 'end' }), [messages.length]);
  return (
    <div class="messages" role="log" aria-label="Conversation" aria-live="polite">
      {messages.length === 0 && (
        <div class="intro">
          <p>
            <strong>Hi! What would you like to know?</strong>
          </p>
          <p>Sizing, materials, delivery… Ask {siteName} customers who know the products first-hand.</p>
        </div>
      )}
      {messages.map((m) => (
        <div key={m.key} class={`msg ${m.author === 'visitor' ? 'mine' : 'theirs'} ${m.state}`}>
          {m.author === 'helper' && m.authorName && <div class="who">{m.authorName}</div>}
          <div class="bubble">
            <Linkified text={m.text} />
          </div>
          <div class="meta">
            {m.state === 'sending' && 'Sending…'}
            {m.state === 'sent' && time(m.createdAt)}
            {m.state === 'failed' && (
              <>
                <span class="err">{m.error ?? 'Not sent'}</span>{' '}
                <button type="button" class="link" onClick={() => onRetry(m.clientId)}>
                  Retry
                </button>
              </>
            )}
          </div>
        </div>
      ))}
      <div ref={end} />
    </div>
  );
}
