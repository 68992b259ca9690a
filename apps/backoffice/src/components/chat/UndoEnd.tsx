import { useEffect, useState } from 'preact/hooks';
import type { Chat } from '../../realtime/chat-state.ts';
import { pagePart } from './tab-facts.ts';
import { useI18n } from '../../i18n/index.tsx';

interface Props {
  /** Chat id → when its end reaches the server. */
  ending: Record<string, number>;
  chats: Chat[];
  onUndo: (id: string) => void;
  siteName: string;
}

/** "Chat ended — Undo" for each answered chat being ended, with the seconds left. */
export function UndoEnd({ ending, chats, onUndo, siteName }: Props) {
  const { t } = useI18n();
  const w = t.desk.end;
  const [, tick] = useState(0);
  const ids = Object.keys(ending);
  useEffect(() => {
    if (ids.length === 0) return;
    const t = setInterval(() => tick((n) => n + 1), 250);
    return () => clearInterval(t);
  }, [ids.length]);
  const now = Date.now();
  return (
    <div class="undo-toasts" role="status" aria-live="polite">
      {ids.map((id) => {
        const chat = chats.find((c) => c.conversation.id === id);
        if (!chat) return null;
        const page = chat.conversation.page;
        const name = page?.product?.name ?? (page?.title ? pagePart(page.title, siteName, t.desk.tabs) : chat.conversation.question.slice(0, 40));
        const left = Math.max(1, Math.ceil((ending[id]! - now) / 1000));
        return (
          <div key={id} class="undo-toast">
            <span>
              {w.ending} <strong>{name}</strong> <span aria-hidden="true">{w.inSeconds(left)}</span>
              <span class="sr-only">{w.inAFewSeconds}</span>
            </span>
            <button type="button" class="link" onClick={() => onUndo(id)}>
              {w.undo}
            </button>
          </div>
        );
      })}
    </div>
  );
}
