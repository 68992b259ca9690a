import { useEffect, useState } from 'preact/hooks';
import type { Conversation } from '@tribu/protocol/client';
import { useI18n } from './i18n/index.ts';
import { MessageList } from './MessageList.tsx';
import type { ShownMessage } from './useChat.ts';

interface Props {
  siteName: string;
  load: () => Promise<Conversation[]>;
  messagesOf: (id: string) => Promise<ShownMessage[]>;
  onBack: () => void;
}

/** The visitor's earlier chats, each readable again (read-only). */
export function History({ siteName, load, messagesOf, onBack }: Props) {
  const { t, locale } = useI18n();
  const [list, setList] = useState<Conversation[] | null>(null);
  const [open, setOpen] = useState<{ c: Conversation; messages: ShownMessage[] } | null>(null);
  useEffect(() => {
    void load().then(setList);
  }, [load]);
  if (open) {
    return (
      <div class="history">
        <button type="button" class="link back" onClick={() => setOpen(null)}>
          ← {t.back}
        </button>
        <MessageList messages={open.messages} onRetry={() => undefined} siteName={siteName} seenSeq={0} />
      </div>
    );
  }
  return (
    <div class="history">
      <button type="button" class="link back" onClick={onBack}>
        ← {t.back}
      </button>
      <h3>{t.previous}</h3>
      {list?.length === 0 && <p class="empty">{t.noPrevious}</p>}
      <ul>
        {list?.map((c) => (
          <li key={c.id}>
            <button type="button" class="past" onClick={() => void messagesOf(c.id).then((messages) => setOpen({ c, messages }))}>
              <strong>{c.question}</strong>
              <span>
                {new Date(c.createdAt).toLocaleDateString(locale)}
                {c.helper ? ` · ${c.helper.displayName}` : ''}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
