import type { QueueItem } from '@tribu/protocol/client';
import { since, useNow } from '../hooks/useNow.ts';
import { PageLink } from './PageLink.tsx';

interface Props {
  items: QueueItem[];
  atCap: boolean;
  /** No live connection: a claim could not reach the server. */
  offline: boolean;
  /** The request being claimed right now, so a double click claims once. */
  claiming: string | null;
  cap: number;
  onClaim: (conversationId: string) => void;
}

/** Waiting visitor requests, oldest first, each with its question, page and age, live. */
export function RequestBoard({ items, atCap, offline, claiming, cap, onClaim }: Props) {
  const now = useNow();
  return (
    <section class="column requests" aria-label="Incoming requests">
      <h2>
        Incoming requests <span class={`count ${items.length ? '' : 'zero'}`}>{items.length}</span>
      </h2>
      {atCap && (
        <p class="hint" id="cap-reason">
          You have {cap} chats open, the most at once. End one to take another request.
        </p>
      )}
      {items.length === 0 && <p class="empty">No visitor is waiting. New questions appear here live.</p>}
      <ul class="cards">
        {items.map((item) => (
          <li key={item.conversationId} class="card">
            <p class="question">{item.question}</p>
            <p class="where">
              <PageLink page={item.page} />
            </p>
            <div class="card-foot">
              <time class="muted" dateTime={item.createdAt} title={new Date(item.createdAt).toLocaleString()}>
                {since(item.createdAt, now)}
              </time>
              <button
                type="button"
                class="primary small"
                disabled={atCap || offline || claiming !== null}
                aria-label={`Take request: ${item.question}`}
                aria-describedby={atCap ? 'cap-reason' : undefined}
                title={atCap ? `You already have ${cap} chats open` : undefined}
                onClick={() => onClaim(item.conversationId)}
              >
                {claiming === item.conversationId ? 'Taking…' : 'Take'}
              </button>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
