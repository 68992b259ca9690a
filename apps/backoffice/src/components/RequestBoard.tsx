import { useEffect, useState } from 'preact/hooks';
import type { Membership, QueueItem } from '@tribu/protocol/client';
import { useNow } from '../hooks/useNow.ts';
import { useI18n } from '../i18n/index.tsx';
import { PageLink } from './PageLink.tsx';
import { NewRequestsAnnouncer } from './a11y/NewRequestsAnnouncer.tsx';
import { BoardFilters } from './people/BoardFilters.tsx';
import { keepRequest, type BoardFilter } from './people/board-filter.ts';

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

/** `fr` → "French" in the helper's language ("français", "francés"). */
function languageName(code: string, locale: string): string {
  try {
    return new Intl.DisplayNames([locale], { type: 'language', fallback: 'code' }).of(code) ?? code;
  } catch {
    return code;
  }
}

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
  const { t, f } = useI18n();
  const w = t.desk.board;
  const waited = (iso: string) => {
    const seconds = Math.max(0, (now - Date.parse(iso)) / 1000);
    return seconds < 60 ? w.justArrived : w.waitingFor(f.duration(seconds));
  };
  const [filter, setFilter] = useState(savedFilter);
  useEffect(() => localStorage.setItem(FILTER_KEY, JSON.stringify(filter)), [filter]);
  const shown = items.filter((i) => keepRequest(i, filter, languages, expertise));
  const label = (tag: string) => topics.find((t) => t.tag === tag)?.label ?? tag;
  return (
    <section class="column requests" aria-label={w.title}>
      <h2>
        {w.title} <span class={`count ${items.length ? '' : 'zero'}`}>{f.number(items.length)}</span>
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
          {w.atCap(cap)}
        </p>
      )}
      {items.length === 0 && <p class="empty">{w.empty}</p>}
      {items.length > 0 && shown.length === 0 && <p class="empty">{f.plural(items.length, w.noneMatch)}</p>}
      <ul class="cards">
        {shown.map((item) => (
          <li key={item.conversationId} class="card">
            <div class="card-tags">
              {item.locale && (
                <span class="lang" title={languageName(item.locale, f.locale)}>
                  <span aria-hidden="true">{item.locale.toUpperCase()}</span>
                  <span class="sr-only">{w.inLanguage(languageName(item.locale, f.locale))}</span>
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
              <time class="waited" dateTime={item.createdAt} title={f.dateTime(item.createdAt)}>
                {waited(item.createdAt)}
              </time>
              <button
                type="button"
                class="primary small"
                disabled={atCap || offline || claiming !== null}
                aria-label={w.takeRequest(item.question)}
                aria-describedby={atCap ? 'cap-reason' : undefined}
                title={atCap ? w.alreadyOpen(cap) : undefined}
                onClick={() => onClaim(item.conversationId)}
              >
                {claiming === item.conversationId ? w.taking : w.take}
              </button>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
