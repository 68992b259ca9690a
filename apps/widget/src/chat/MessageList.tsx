import { useEffect, useRef } from 'preact/hooks';
import { Linkified } from './Linkified.tsx';
import { useI18n } from './i18n/index.ts';
import type { ShownMessage } from './useChat.ts';

interface Props {
  messages: ShownMessage[];
  onRetry: (clientId: string) => void;
  siteName: string;
  /** The helper has read up to this seq. */
  seenSeq: number;
}

export function MessageList({ messages, onRetry, siteName, seenSeq }: Props) {
  const { t, locale } = useI18n();
  const time = (iso: string) => new Date(iso).toLocaleTimeString(locale, { hour: 'numeric', minute: '2-digit' });
  const box = useRef<HTMLDivElement>(null);
  // Follow the newest message unless the visitor scrolled up to read; set scrollTop only, since
  // scrollIntoView could also scroll the merchant's page.
  const pinned = useRef(true);
  const toBottom = () => {
    const el = box.current;
    if (el) el.scrollTop = el.scrollHeight;
  };
  useEffect(() => {
    if (!pinned.current && messages.at(-1)?.author !== 'visitor') return;
    pinned.current = true;
    toBottom();
  }, [messages.length]);
  // The list shrinks when a status line, an error or the end-of-chat box appears, and grows from
  // nothing when the panel opens: keep the last message in view.
  useEffect(() => {
    const el = box.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver(() => pinned.current && toBottom());
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  const onScroll = () => {
    const el = box.current;
    if (el && el.clientHeight > 0) pinned.current = el.scrollHeight - el.scrollTop - el.clientHeight < 40;
  };
  // "Seen" goes under the visitor's last message the helper has read.
  const lastSeenKey = [...messages].reverse().find((m) => m.author === 'visitor' && m.state === 'sent' && m.seq <= seenSeq)?.key;
  return (
    <div ref={box} class="messages" role="log" aria-label={t.conversation} aria-live="polite" tabIndex={0} onScroll={onScroll}>
      {messages.length === 0 && (
        <div class="intro">
          <p>
            <strong>{t.introTitle}</strong>
          </p>
          <p>{t.introBody(siteName)}</p>
        </div>
      )}
      {messages.map((m) => (
        <div key={m.key} class={`msg ${m.author === 'visitor' ? 'mine' : m.author === 'system' ? 'system' : 'theirs'} ${m.state}`}>
          {m.author === 'helper' && m.authorName && <div class="who">{m.authorName}</div>}
          <div class="bubble">
            <Linkified text={m.text} />
          </div>
          <div class="meta">
            {m.state === 'sending' && t.sending}
            {m.state === 'sent' && time(m.createdAt)}
            {m.key === lastSeenKey && ` · ${t.seen}`}
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
    </div>
  );
}
