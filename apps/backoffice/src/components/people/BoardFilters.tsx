import type { BoardFilter } from './board-filter.ts';

interface Props {
  filter: BoardFilter;
  onChange: (f: BoardFilter) => void;
  shown: number;
  total: number;
  /** Without languages or topics in my profile the toggle would hide everything: it explains instead. */
  hasLanguages: boolean;
  hasTopics: boolean;
}

/** "My languages" and "My topics" toggles above the board, with how many requests they let through. */
export function BoardFilters({ filter, onChange, shown, total, hasLanguages, hasTopics }: Props) {
  return (
    <div class="board-filters" role="group" aria-label="Filter requests">
      <button
        type="button"
        class="toggle"
        aria-pressed={filter.languages}
        disabled={!hasLanguages}
        title={hasLanguages ? 'Only requests in a language you speak' : 'Add your languages in your profile first'}
        onClick={() => onChange({ ...filter, languages: !filter.languages })}
      >
        My languages
      </button>
      <button
        type="button"
        class="toggle"
        aria-pressed={filter.topics}
        disabled={!hasTopics}
        title={hasTopics ? 'Only requests about topics you know (or with no topic)' : 'Add your expertise in your profile first'}
        onClick={() => onChange({ ...filter, topics: !filter.topics })}
      >
        My topics
      </button>
      <span class="shown muted" aria-live="polite">
        {shown === total ? `${total} waiting` : `${shown} of ${total} shown`}
      </span>
    </div>
  );
}
