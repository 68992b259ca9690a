import type { WidgetState } from '@tribu/protocol/client';
import { Composer } from './Composer.tsx';
import { MessageList } from './MessageList.tsx';
import { useChat } from './useChat.ts';

interface Props {
  base: string;
  siteKey: string;
  state: WidgetState;
  open: boolean;
  onClose: () => void;
}

export function Chat({ base, siteKey, state, open, onClose }: Props) {
  const chat = useChat(base, siteKey);
  const c = chat.conversation;
  const status =
    chat.link === 'reconnecting'
      ? 'Reconnecting…'
      : !c
        ? null
        : c.status === 'waiting'
          ? 'Waiting for a community member…'
          : c.status === 'active'
            ? `${c.helper?.displayName ?? 'A community member'} is answering`
            : null;
  return (
    <section class="panel" role="dialog" aria-label={state.texts.title} hidden={!open}>
      <header>
        <div>
          <h2>{state.texts.title}</h2>
          <p class="sub">{state.site.name} community</p>
        </div>
        <button type="button" class="icon" aria-label="Close chat" onClick={onClose}>
          ✕
        </button>
      </header>
      <p class="disclosure">{state.texts.disclosure}</p>
      <MessageList messages={chat.messages} onRetry={chat.retry} siteName={state.site.name} />
      {status && (
        <p class={`status ${chat.link === 'reconnecting' ? 'warn' : ''}`} role="status">
          {status}
        </p>
      )}
      {c?.status === 'closed' ? (
        <div class="ended">
          <p>This chat has ended.</p>
          <button type="button" class="primary" onClick={chat.startOver}>
            Start a new chat
          </button>
        </div>
      ) : (
        <>
          <Composer placeholder={state.texts.placeholder} onSend={chat.send} />
          {c && (
            <button type="button" class="link end" onClick={() => void chat.end()}>
              End chat
            </button>
          )}
        </>
      )}
    </section>
  );
}
