import type { Chat } from '../hooks/useHelperDesk.ts';

interface Props {
  chats: Chat[];
  selected: string | null;
  onSelect: (id: string) => void;
}

export function ChatList({ chats, selected, onSelect }: Props) {
  return (
    <nav class="column chats" aria-label="My chats">
      <h2>My chats</h2>
      {chats.length === 0 && <p class="empty">Take a request to start chatting.</p>}
      <div role="tablist" aria-label="Open chats" aria-orientation="vertical" class="tabs">
        {chats.map((c) => {
          const last = c.messages.at(-1);
          const closed = c.conversation.status === 'closed';
          const yourTurn = !closed && last?.author === 'visitor';
          const on = selected === c.conversation.id;
          return (
            <button
              key={c.conversation.id}
              type="button"
              role="tab"
              aria-selected={on}
              class={`chat-tab ${on ? 'on' : ''}`}
              onClick={() => onSelect(c.conversation.id)}
            >
              <span class={`live ${c.conversation.status}`} aria-hidden="true" />
              <span class="tab-text">
                <strong>{c.conversation.question}</strong>
                <span class="muted">{closed ? 'Ended' : last?.author === 'helper' ? `You: ${last.text}` : (last?.text ?? '')}</span>
              </span>
              {yourTurn && <span class="turn">Your turn</span>}
            </button>
          );
        })}
      </div>
    </nav>
  );
}
