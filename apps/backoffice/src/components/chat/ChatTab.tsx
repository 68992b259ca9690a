import type { TabFacts } from './tab-facts.ts';
import { useI18n } from '../../i18n/index.tsx';

interface Props {
  facts: TabFacts;
  /** 1-based: its number for Alt+1…9. */
  index: number;
  on: boolean;
  onSelect: () => void;
  /** In the *More chats* menu the same content is a menu item. */
  role?: 'tab' | 'menuitem';
}

/** Read between two facts by a screen reader ("1. Summit Jacket · “Is it warm?” · FR · Waiting 2 min · 1 unread"). */
const Sep = () => <span class="sr-only"> · </span>;

/**
 * One chat's tab: where and what, its language and wait, unread replies and a live typing dot.
 * Its name is its own visible text, with the separators a listener needs.
 */
export function ChatTab({ facts: f, index, on, onSelect, role = 'tab' }: Props) {
  const { t, f: format } = useI18n();
  const w = t.desk.tabs;
  return (
    <button
      type="button"
      role={role}
      aria-selected={role === 'tab' ? on : undefined}
      class={`chat-tab ${on ? 'on' : ''} ${f.closed ? 'tab-ended' : ''}`}
      onClick={onSelect}
    >
      <span class="tab-key">{`${index}. `}</span>
      <span class="tab-text">
        <strong>{f.where}</strong>
        <span class="tab-question">
          <Sep />
          {t.desk.quoted(f.question)}
        </span>
        <span class="tab-facts">
          {f.lang && (
            <span class="tab-lang">
              <Sep />
              {f.lang}
            </span>
          )}
          <span class={f.waitingMin !== null ? 'tab-wait' : undefined}>
            <Sep />
            {f.closed ? w.ended : f.waitingMin === null ? w.answered : f.waitingMin < 1 ? w.yourTurn : w.waitingFor(format.duration(f.waitingMin * 60))}
          </span>
        </span>
      </span>
      <span class="tab-side">
        {f.unread > 0 && (
          <span class="unread">
            <Sep />
            {format.number(f.unread)}
            <span class="sr-only">{w.unread}</span>
          </span>
        )}
        {f.typing && (
          <span class="typing-dot">
            <Sep />
            <span class="sr-only">{w.typing}</span>
            <i aria-hidden="true" />
            <i aria-hidden="true" />
            <i aria-hidden="true" />
          </span>
        )}
      </span>
    </button>
  );
}
