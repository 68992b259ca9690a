import type { BoardFilter } from './board-filter.ts';
import { useI18n } from '../../i18n/index.tsx';

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
  const w = useI18n().t.desk.board;
  return (
    <div class="board-filters" role="group" aria-label={w.filters}>
      <button
        type="button"
        class="toggle"
        aria-pressed={filter.languages}
        disabled={!hasLanguages}
        title={hasLanguages ? w.myLanguagesHint : w.myLanguagesNone}
        onClick={() => onChange({ ...filter, languages: !filter.languages })}
      >
        {w.myLanguages}
      </button>
      <button
        type="button"
        class="toggle"
        aria-pressed={filter.topics}
        disabled={!hasTopics}
        title={hasTopics ? w.myTopicsHint : w.myTopicsNone}
        onClick={() => onChange({ ...filter, topics: !filter.topics })}
      >
        {w.myTopics}
      </button>
      <span class="shown muted" aria-live="polite">
        {shown === total ? w.waiting(total) : w.shownOf(shown, total)}
      </span>
    </div>
  );
}
