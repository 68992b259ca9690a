import type { Chat } from '../hooks/useHelperDesk.ts';

interface Props {
  chats: Chat[];
  selected: string | null;
  /** null = the community feed. */
  onSelect: (id: string | null) => void;
  /** Two chats next to each other; offered only on a wide screen with two chats open. */
  sideBySide: boolean;
  canSideBySide: boolean;
  onSideBySide: (on: boolean) => void;
}

export function ChatList({ chats, selected, onSelect, sideBySide, canSideBySide, onSideBySide }: Props) {
  return (
    <nav class="chats" aria-label="My chats">
      <div role="tablist" aria-label="Feed and open chats" class="tabs">
        <button
          type="button"
          role="tab"
          aria-selected={selected === null}
          class={`chat-tab feed-tab ${selected === null ? 'on' : ''}`}
          onClick={() => onSelect(null)}
        >
          <span class="tab-text">
            <strong>Community</strong>
          </span>
        </button>
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
      {canSideBySide && (
        <button type="button" class={`ghost side-toggle ${sideBySide ? 'on' : ''}`} aria-pressed={sideBySide} onClick={() => onSideBySide(!sideBySide)}>
          Side by side
        </button>
      )}
    </nav>
  );
}
