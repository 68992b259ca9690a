import type { Mentionable } from '@tribu/domain';
import { useI18n } from '../../i18n/index.tsx';

// The "@Cam" being typed right before the caret (names may hold spaces, so up to 30 characters).
const TYPING = /(?:^|\s)@([^\s@][^@\n]{0,29})?$/u;

/** Members whose name starts with what follows the `@` being typed, at most five. */
export function suggestions(before: string, members: readonly Mentionable[], me: string): { query: string; matches: Mentionable[] } | null {
  const m = TYPING.exec(before);
  if (!m) return null;
  const query = m[1] ?? '';
  const q = query.toLocaleLowerCase();
  const matches = members.filter((x) => x.id !== me && x.displayName.toLocaleLowerCase().startsWith(q)).slice(0, 5);
  return matches.length ? { query, matches } : null;
}

interface Props {
  matches: Mentionable[];
  onPick: (m: Mentionable) => void;
}

/** Names to mention, shown under the composer while an `@name` is being typed. */
export function MentionSuggest({ matches, onPick }: Props) {
  const { t } = useI18n();
  return (
    <div class="mention-suggest" role="group" aria-label={t.community.feed.mentionSomeone}>
      {matches.map((m) => (
        <button key={m.id} type="button" class="mention-option" aria-label={t.community.feed.mention(m.displayName)} onClick={() => onPick(m)}>
          @{m.displayName}
        </button>
      ))}
    </div>
  );
}
