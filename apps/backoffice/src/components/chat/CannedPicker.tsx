import type { CannedAnswer } from '@tribu/protocol/client';

interface Props {
  id: string;
  matches: CannedAnswer[];
  active: number;
  onPick: (a: CannedAnswer) => void;
}

/** The canned answers matching what follows `/` in the reply box; the reply box drives it with the keys. */
export function CannedPicker({ id, matches, active, onPick }: Props) {
  return (
    <ul class="canned-pick" id={id} role="listbox" aria-label="Canned answers">
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
          {a.scope === 'site' && <span class="chip">team</span>}
          <span class="muted">{a.text}</span>
        </li>
      ))}
    </ul>
  );
}

/** Answers whose shortcut starts with what follows a leading `/` (nothing when the text is not a shortcut). */
export function cannedMatches(text: string, answers: CannedAnswer[]): CannedAnswer[] {
  const m = /^\/([a-z0-9-]*)$/i.exec(text);
  if (!m) return [];
  const q = m[1]!.toLowerCase();
  return answers.filter((a) => a.shortcut.startsWith(q)).slice(0, 8);
}
