import { useEffect, useRef } from 'preact/hooks';
import type { Chat } from '../realtime/chat-state.ts';
import { MessageLog } from './MessageLog.tsx';
import { PageFacts } from './PageFacts.tsx';
import { PageLink } from './PageLink.tsx';
import { ReplyBox } from './ReplyBox.tsx';

interface Props {
  chat: Chat | null;
  onSend: (text: string) => void;
  onRetry: (clientId: string) => void;
  onEnd: () => void;
  onRelease: () => void;
  onDismiss: () => void;
  onTyping: () => void;
  /** Bumped when the helper takes a request: on a phone the pane then scrolls into view. */
  reveal: number;
}

/** The selected chat: where the visitor is now, the conversation, and the reply box. */
export function ChatPane({ chat, onSend, onRetry, onEnd, onRelease, onDismiss, onTyping, reveal }: Props) {
  const section = useRef<HTMLElement>(null);
  // On a phone the pane sits below the board: bring a chat just taken into view.
  useEffect(() => {
    if (reveal && window.matchMedia('(max-width: 900px)').matches) section.current?.scrollIntoView({ block: 'start' });
  }, [reveal]);
  if (!chat) {
    return (
      <section class="column pane empty-pane" aria-label="Chat">
        <div>
          <svg class="empty-art" viewBox="0 0 24 24" width="40" height="40" aria-hidden="true">
            <path d="M4 5h16v10H9l-5 4z" fill="none" stroke="currentColor" stroke-width="1.6" stroke-linejoin="round" />
          </svg>
          <h2>No chat selected</h2>
          <p class="muted">Pick a request: a visitor is waiting for someone who knows.</p>
        </div>
      </section>
    );
  }
  const c = chat.conversation;
  const closed = c.status === 'closed';
  return (
    <section class="column pane" aria-label="Chat" ref={section}>
      <header class="pane-head">
        <div class="pane-title">
          <h2>{c.question}</h2>
          {c.visitorName && <p class="muted visitor-name">Asked by {c.visitorName}</p>}
          <div class="now-on">
            <span class={`live ${closed ? 'closed' : 'active'}`} aria-hidden="true" />
            <span class="muted">{closed ? 'Was on' : 'Now on'}</span> <PageLink page={chat.page} />
          </div>
          <PageFacts context={chat.page?.context} />
        </div>
        {closed ? (
          <button type="button" class="ghost" onClick={onDismiss}>
            Close tab
          </button>
        ) : (
          <div class="pane-actions">
            <button type="button" class="ghost" onClick={onRelease} title="Another helper can take it; the history stays">
              Release to board
            </button>
            <button type="button" class="ghost danger" onClick={onEnd}>
              End chat
            </button>
          </div>
        )}
      </header>
      <MessageLog chat={chat} onRetry={onRetry} />
      <ReplyBox conversationId={c.id} closed={closed} onSend={onSend} onTyping={onTyping} />
    </section>
  );
}
