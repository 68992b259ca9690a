import type { QueueItem } from '@tribu/protocol/client';
import { since, useNow } from '../hooks/useNow.ts';
import { PageLink } from './PageLink.tsx';

interface Props {
  items: QueueItem[];
  atCap: boolean;
  cap: number;
  onClaim: (conversationId: string) => void;
}

export function RequestBoard({ items, atCap, cap, onClaim }: Props) {
  const now = useNow();
  return (
    <section class="column requests" aria-label="Incoming requests">
      <h2>
        Incoming requests <span class="count">{items.length}</span>
      </h2>
      {atCap && <p class="hint">You have {cap} chats open — end one to take another.</p>}
      {items.length === 0 && <p class="empty">No visitor is waiting. New questions appear here live.</p>}
      <ul class="cards">
        {items.map((item) => (
          <li key={item.conversationId} class="card">
            <p class="question">{item.question}</p>
            <p class="where">
              <PageLink page={item.page} />
            </p>
            <div class="card-foot">
              <span class="muted">{since(item.createdAt, now)}</span>
              <button
                type="button"
                class="primary small"
                disabled={atCap}
                aria-label={`Take request: ${item.question.slice(0, 80)}`}
                onClick={() => onClaim(item.conversationId)}
              >
                Take
              </button>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
