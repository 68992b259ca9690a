import { useEffect, useRef, useState } from 'preact/hooks';
import type { Chat } from '../../realtime/chat-state.ts';
import { ChatTab } from './ChatTab.tsx';
import type { TabFacts } from './tab-facts.ts';
import { useI18n } from '../../i18n/index.tsx';

interface Item {
  chat: Chat;
  index: number;
  facts: TabFacts;
}

/** The chats whose tabs do not fit, as a menu: arrows move, Enter opens, Escape closes. */
export function MoreChats({ items, onSelect }: { items: Item[]; onSelect: (id: string) => void }) {
  const { t, f } = useI18n();
  const w = t.desk.tabs;
  const [open, setOpen] = useState(false);
  const wrap = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const unread = items.reduce((n, t) => n + t.facts.unread, 0);
  const typing = items.some((t) => t.facts.typing);
  const entries = () => [...(wrap.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
  useEffect(() => {
    if (!open) return;
    entries()[0]?.focus();
    const away = (e: PointerEvent) => {
      if (!wrap.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', away);
    return () => document.removeEventListener('pointerdown', away);
  }, [open]);
  const onKeyDown = (e: KeyboardEvent) => {
    const list = entries();
    const at = list.indexOf(document.activeElement as HTMLElement);
    if (e.key === 'Escape') {
      e.preventDefault();
      setOpen(false);
      button.current?.focus();
    } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const step = e.key === 'ArrowDown' ? 1 : -1;
      list[(at + step + list.length) % list.length]?.focus();
    } else if (e.key === 'Tab') setOpen(false);
  };
  return (
    <div class="more-chats" ref={wrap} onKeyDown={onKeyDown}>
      <button
        ref={button}
        type="button"
        class={`ghost more-toggle ${unread ? 'has-unread' : ''}`}
        aria-haspopup="menu"
        aria-expanded={open}
        onClick={() => setOpen((o) => !o)}
      >
        <span class="sr-only">{w.moreChatsSr}</span>
        {w.more(items.length)}
        {unread > 0 && (
          <span class="unread">
            <span class="sr-only">, </span>
            {f.number(unread)}
            <span class="sr-only">{w.unread}</span>
          </span>
        )}
        {typing && (
          <span class="typing-dot">
            <span class="sr-only">{w.typingSr}</span>
            <i aria-hidden="true" />
            <i aria-hidden="true" />
            <i aria-hidden="true" />
          </span>
        )}
      </button>
      {open && (
        <div class="more-menu" role="menu" aria-label={w.moreChats}>
          {items.map((t) => (
            <ChatTab
              key={t.chat.conversation.id}
              role="menuitem"
              facts={t.facts}
              index={t.index}
              on={false}
              onSelect={() => {
                setOpen(false);
                onSelect(t.chat.conversation.id);
              }}
            />
          ))}
        </div>
      )}
    </div>
  );
}
