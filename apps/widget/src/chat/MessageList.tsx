import { useEffect, useRef } from 'preact/hooks';
import { Linkified } from './Linkified.tsx';
import { useI18n } from './i18n/index.ts';
import type { ShownMessage } from './useChat.ts';


interface Props {
  messages: ShownMessage[];
  onRetry: (clientId: string) => void;
  siteName: string;
}

export function MessageList({ messages, onRetry, siteName }: Props) {
  const { t, locale } = useI18n();
  const time = (iso: string) => new Date(iso).toLocaleTimeString(locale, { hour: '2-digit', minute: '2-digit' });
  const end = useRef<HTMLDivElement>(null);
  useEffect(() => end.current?.scrollIntoView({ block: 'end' }), [messages.length]);
  return (
    <div class="messages" role="log" aria-label={t.conversation} aria-live="polite">
      {messages.length === 0 && (
        <div class="intro">
          <p>
            <strong>{t.introTitle}</strong>
          </p>
          <p>{t.introBody(siteName)}</p>
        </div>
      )}
      {messages.map((m) => (
        <div key={m.key} class={`msg ${m.author === 'visitor' ? 'mine' : 'theirs'} ${m.state}`}>
          {m.author === 'helper' && m.authorName && <div class="who">{m.authorName}</div>}
          <div class="bubble">
            <Linkified text={m.text} />
          </div>
          <div class="meta">
            {m.state === 'sending' && t.sending}
            {m.state === 'sent' && time(m.createdAt)}
            {m.state === 'failed' && (
              <>
                <span class="err">{m.error ?? t.notSent}</span>{' '}
                <button type="button" class="link" onClick={() => onRetry(m.clientId)}>
                  {t.retry}
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
