import type { WidgetState } from '@tribu/protocol/client';
import { Composer } from './Composer.tsx';
import { MessageList } from './MessageList.tsx';
import { Rating } from './Rating.tsx';
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
  const offline = state.availability.mode !== 'live';
  const status =
    chat.link === 'reconnecting'
      ? 'Reconnecting…'
      : !c
        ? null
        : c.status === 'waiting'
          ? offline
            ? 'Your question is saved. A community member will answer here — come back later.'
            : 'Waiting for a community member…'
          : c.status === 'active'
            ? chat.helperTyping
              ? `${c.helper?.displayName ?? 'A community member'} is typing…`
              : `${c.helper?.displayName ?? 'A community member'} is answering`
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
      {offline && !c && (
        <p class="offline" role="note">
          Nobody from the community is online right now. Leave your question: a member will answer it here,
          and you will find the answer when you come back.
        </p>
      )}
      <MessageList messages={chat.messages} onRetry={chat.retry} siteName={state.site.name} />
      {status && (
        <p class={`status ${chat.link === 'reconnecting' ? 'warn' : ''}`} role="status">
          {status}
        </p>
      )}
      {c?.status === 'closed' ? (
        <div class="ended">
          <p>This chat has ended.</p>
          {c.helper && <Rating onRate={chat.rate} given={c.rating} />}
          <button type="button" class="primary" onClick={chat.startOver}>
            Start a new chat
          </button>
        </div>
      ) : (
        <>
          <Composer
            placeholder={state.texts.placeholder}
            onSend={chat.send}
            onTyping={chat.typing}
            askEmail={offline && !c}
          />
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
