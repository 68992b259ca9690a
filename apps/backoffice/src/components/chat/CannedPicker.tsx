import type { CannedAnswer } from '@tribu/protocol/client';
import { useI18n } from '../../i18n/index.tsx';

interface Props {
  id: string;
  matches: CannedAnswer[];
  active: number;
  onPick: (a: CannedAnswer) => void;
}

/** The canned answers matching what follows `/` in the reply box; the reply box drives it with the keys. */
export function CannedPicker({ id, matches, active, onPick }: Props) {
  const w = useI18n().t.desk.canned;
  return (
    <ul class="canned-pick" id={id} role="listbox" aria-label={w.title}>
      {matches.map((a, i) => (
        <li
          key={a.id}
          id={`${id}-${i}`}
          role="option"
          aria-selected={i === active}
          class={i === active ? 'on' : ''}
          // mousedown, not click: the textarea keeps its focus
          onMouseDown={(e) => {
            e.preventDefault();
            onPick(a);
          }}
        >
          <strong>/{a.shortcut}</strong>
          {a.scope === 'site' && <span class="chip">{w.teamChip}</span>}
          <span class="muted">{a.text}</span>
        </li>
      ))}
    </ul>
  );
}
