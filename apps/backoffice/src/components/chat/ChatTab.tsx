import { tabName, type TabFacts } from './tab-facts.ts';

interface Props {
  facts: TabFacts;
  /** 1-based: its number for Alt+1…9. */
  index: number;
  on: boolean;
  onSelect: () => void;
  /** In the *More chats* menu the same content is a menu item. */
  role?: 'tab' | 'menuitem';
}

/** One chat's tab: where and what, its language and wait, unread replies and a live typing dot. */
export function ChatTab({ facts: f, index, on, onSelect, role = 'tab' }: Props) {
  return (
    <button
      type="button"
      role={role}
      aria-selected={role === 'tab' ? on : undefined}
      aria-label={tabName(f, index)}
      class={`chat-tab ${on ? 'on' : ''} ${f.closed ? 'ended' : ''}`}
      onClick={onSelect}
    >
      <span class="tab-key" aria-hidden="true">
        {index}
      </span>
      <span class="tab-text" aria-hidden="true">
        <strong>{f.where}</strong>
        <span class="tab-question">{f.question}</span>
        <span class="tab-facts">
          {f.lang && <span class="tab-lang">{f.lang}</span>}
          {f.closed ? (
            <span>Ended</span>
          ) : f.waitingMin !== null ? (
            <span class="tab-wait">{f.waitingMin < 1 ? 'Your turn' : `Waiting ${f.waitingMin} min`}</span>
          ) : (
            <span>Answered</span>
          )}
        </span>
      </span>
      <span class="tab-side" aria-hidden="true">
        {f.unread > 0 && <span class="unread">{f.unread}</span>}
        {f.typing && (
          <span class="typing-dot" title="Typing">
            <i />
            <i />
            <i />
          </span>
        )}
      </span>
    </button>
  );
}
