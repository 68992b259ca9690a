import { useEffect, useState } from 'preact/hooks';
import type { Membership, QueueItem } from '@tribu/protocol/client';
import { since, useNow } from '../hooks/useNow.ts';
import { PageLink } from './PageLink.tsx';
import { NewRequestsAnnouncer } from './a11y/NewRequestsAnnouncer.tsx';
import { BoardFilters } from './people/BoardFilters.tsx';
import { keepRequest, type BoardFilter } from './people/board-filter.ts';
import { languageName } from './people/languages.ts';

interface Props {
  items: QueueItem[];
  atCap: boolean;
  /** No live connection: a claim could not reach the server. */
  offline: boolean;
  /** The request being claimed right now, so a double click claims once. */
  claiming: string | null;
  cap: number;
  onClaim: (conversationId: string) => void;
  /** From my profile: what the filters keep. */
  languages: string[];
  expertise: string[];
  topics: Membership['topics'];
}

const waited = (s: string) => (s === 'just now' ? 'Just arrived' : `Waiting ${s.replace(' ago', '')}`);

const FILTER_KEY = 'tribu.board-filter';
function savedFilter(): BoardFilter {
  try {
    const f = JSON.parse(localStorage.getItem(FILTER_KEY) ?? '{}') as Partial<BoardFilter>;
    return { languages: f.languages === true, topics: f.topics === true };
  } catch {
    return { languages: false, topics: false };
  }
}

/** Waiting visitor requests, oldest first, each with its question, language, topics, page and age, live. */
export function RequestBoard({ items, atCap, offline, claiming, cap, onClaim, languages, expertise, topics }: Props) {
  const now = useNow();
  const [filter, setFilter] = useState(savedFilter);
  useEffect(() => localStorage.setItem(FILTER_KEY, JSON.stringify(filter)), [filter]);
  const shown = items.filter((i) => keepRequest(i, filter, languages, expertise));
  const label = (tag: string) => topics.find((t) => t.tag === tag)?.label ?? tag;
  return (
    <section class="column requests" aria-label="Incoming requests">
      <h2>
        Incoming requests <span class={`count ${items.length ? '' : 'zero'}`}>{items.length}</span>
      </h2>
      <NewRequestsAnnouncer items={items} />
      <BoardFilters
        filter={filter}
        onChange={setFilter}
        shown={shown.length}
        total={items.length}
        hasLanguages={languages.length > 0}
        hasTopics={expertise.length > 0}
      />
      {atCap && (
        <p class="hint" id="cap-reason">
          You have {cap} chats open, the most at once. End one to take another request.
        </p>
      )}
      {items.length === 0 && <p class="empty">No visitor is waiting. New questions appear here live.</p>}
      {items.length > 0 && shown.length === 0 && (
        <p class="empty">
          Nothing matches your filters right now; {items.length} other request{items.length > 1 ? 's' : ''} waiting.
        </p>
      )}
      <ul class="cards">
        {shown.map((item) => (
          <li key={item.conversationId} class="card">
            <div class="card-tags">
              {item.locale && (
                <span class="lang" title={languageName(item.locale)}>
                  <span aria-hidden="true">{item.locale.toUpperCase()}</span>
                  <span class="sr-only">In {languageName(item.locale)}</span>
                </span>
              )}
              {item.topics.map((t) => (
                <span key={t} class="chip topic">
                  {label(t)}
                </span>
              ))}
            </div>
            <p class="question">{item.question}</p>
            <p class="where">
              <PageLink page={item.page} />
            </p>
            <div class="card-foot">
              <time class="waited" dateTime={item.createdAt} title={new Date(item.createdAt).toLocaleString()}>
                {waited(since(item.createdAt, now))}
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
