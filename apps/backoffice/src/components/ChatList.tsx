import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { Chat } from '../hooks/useHelperDesk.ts';
import { useNow } from '../hooks/useNow.ts';
import { ChatTab } from './chat/ChatTab.tsx';
import { MoreChats } from './chat/MoreChats.tsx';
import { ShortcutsHint } from './chat/ShortcutsHint.tsx';
import { tabFacts } from './chat/tab-facts.ts';
import { useI18n } from '../i18n/index.tsx';

interface Props {
  chats: Chat[];
  selected: string | null;
  /** Last seq each chat showed on this desk: what counts as read beyond the server's mark. */
  seen: Record<string, number>;
  /** null = the community feed. */
  onSelect: (id: string | null) => void;
  /** Two chats next to each other; offered only on a wide screen with two chats open. */
  sideBySide: boolean;
  canSideBySide: boolean;
  onSideBySide: (on: boolean) => void;
  /** A phone lists every chat, one under the other: nothing goes into *More chats*. */
  all: boolean;
  /** The shop's name, left out of page titles in the tabs. */
  siteName: string;
}

/** The narrowest a chat tab gets before the next one moves into *More chats*, and that button's room. */
const MIN_TAB = 172;
const MORE = 128;
const GAP = 6;

/** How many chat tabs fit beside the feed tab (at least one: the open chat always shows). */
function useFit(count: number) {
  const row = useRef<HTMLDivElement>(null);
  const feed = useRef<HTMLButtonElement>(null);
  const [fit, setFit] = useState(count);
  useLayoutEffect(() => {
    const el = row.current;
    if (!el) return;
    // The row takes the free width whatever it holds, so measuring it never feeds back into itself.
    const measure = () => {
      const free = el.clientWidth - (feed.current?.offsetWidth ?? 0);
      const slots = (room: number) => Math.floor(room / (MIN_TAB + GAP));
      setFit(slots(free) >= count ? count : Math.max(1, slots(free - MORE - GAP)));
    };
    measure();
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, [count]);
  return { row, feed, fit };
}

/** The feed tab and one tab per chat; chats that do not fit are in *More chats*; the open one always shows. */
export function ChatList({ chats, selected, seen, onSelect, sideBySide, canSideBySide, onSideBySide, all, siteName }: Props) {
  const now = useNow(15_000);
  const { t } = useI18n();
  const w = t.desk.tabs;
  const { row, feed, fit } = useFit(chats.length);
  const indexed = chats.map((chat, i) => ({ chat, index: i + 1, facts: tabFacts(chat, seen[chat.conversation.id] ?? 0, now, siteName, w) }));
  let shown = all ? indexed : indexed.slice(0, fit);
  const open = indexed.find((t) => t.chat.conversation.id === selected);
  if (open && !shown.includes(open)) shown = [...shown.slice(0, Math.max(0, fit - 1)), open];
  const hidden = indexed.filter((t) => !shown.includes(t));
  return (
    <nav class="chats" aria-label={w.myChats}>
      <div class="chat-row" ref={row}>
        <div role="tablist" aria-label={w.feedAndChats} class="tabs">
          <button
            ref={feed}
            type="button"
            role="tab"
            aria-selected={selected === null}
            class={`chat-tab feed-tab ${selected === null ? 'on' : ''}`}
            onClick={() => onSelect(null)}
          >
            <span class="tab-text">
              <strong>{w.community}</strong>
            </span>
          </button>
          {shown.map((t) => (
            <ChatTab
              key={t.chat.conversation.id}
              facts={t.facts}
              index={t.index}
              on={selected === t.chat.conversation.id}
              onSelect={() => onSelect(t.chat.conversation.id)}
            />
          ))}
        </div>
        {hidden.length > 0 && <MoreChats items={hidden} onSelect={onSelect} />}
      </div>
      {canSideBySide && (
        <button
          type="button"
          class={`ghost side-toggle ${sideBySide ? 'on' : ''}`}
          aria-pressed={sideBySide}
          title={w.sideBySideTitle}
          onClick={() => onSideBySide(!sideBySide)}
        >
          {w.sideBySide}
        </button>
      )}
      <ShortcutsHint />
    </nav>
  );
}
