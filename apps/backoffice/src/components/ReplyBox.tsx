import { useState } from 'preact/hooks';
import { LIMITS, type CannedAnswer } from '@tribu/protocol/client';
import { cannedMatches } from './chat/canned-match.ts';
import { CannedPicker } from './chat/CannedPicker.tsx';
import { replyId } from '../hooks/useDeskShortcuts.ts';
import { useI18n } from '../i18n/index.tsx';

interface Props {
  conversationId: string;
  closed: boolean;
  /** The chat's end is waiting for its undo delay. */
  ending?: boolean;
  canned: CannedAnswer[];
  onSend: (text: string) => void;
  onTyping: () => void;
  onManageCanned: () => void;
}

/** The helper's reply: Enter sends, Shift+Enter adds a line, `/shortcut` inserts a canned answer. */
export function ReplyBox({ conversationId, closed: ended, ending = false, canned, onSend, onTyping, onManageCanned }: Props) {
  const closed = ended || ending;
  const w = useI18n().t.desk.reply;
  const [drafts, setDrafts] = useState<Record<string, string>>({});
  const [active, setActive] = useState(0);
  const text = drafts[conversationId] ?? '';
  const setText = (t: string) => setDrafts((d) => ({ ...d, [conversationId]: t }));
  const matches = closed ? [] : cannedMatches(text, canned);
  const listId = `canned-${conversationId}`;
  const over = text.length - LIMITS.messageText;
  const submit = (e?: Event) => {
    e?.preventDefault();
    const t = text.trim();
    if (!t || over > 0 || closed) return;
    onSend(t);
    setText('');
  };
  const pick = (a: CannedAnswer) => {
    setText(a.text);
    setActive(0);
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (matches.length > 0) {
      const step = e.key === 'ArrowDown' ? 1 : e.key === 'ArrowUp' ? -1 : 0;
      if (step) {
        e.preventDefault();
        return setActive((i) => (i + step + matches.length) % matches.length);
      }
      if (e.key === 'Enter' || e.key === 'Tab') {
        e.preventDefault();
        return pick(matches[Math.min(active, matches.length - 1)]!);
      }
      if (e.key === 'Escape') return setText(`${text} `);
    }
    if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) submit(e);
  };
  return (
    <form class="reply" onSubmit={submit}>
      {over > 0 && (
        <p class="alert" role="alert">
          {w.over(over, LIMITS.messageText)}
        </p>
      )}
      {matches.length > 0 && <CannedPicker id={listId} matches={matches} active={Math.min(active, matches.length - 1)} onPick={pick} />}
      <textarea
        id={replyId(conversationId)}
        aria-label={w.label}
        aria-autocomplete="list"
        aria-controls={matches.length > 0 ? listId : undefined}
        aria-activedescendant={matches.length > 0 ? `${listId}-${Math.min(active, matches.length - 1)}` : undefined}
        placeholder={ending ? w.ending : closed ? w.ended : w.placeholder}
        disabled={closed}
        rows={2}
        value={text}
        onInput={(e) => {
          setText(e.currentTarget.value);
          setActive(0);
          onTyping();
        }}
        onKeyDown={onKeyDown}
      />
      <button class="primary" type="submit" disabled={closed || !text.trim() || over > 0}>
        {w.send}
      </button>
      {!closed && (
        <p class="reply-hint">
          {w.hint}{' '}
          <button type="button" class="link" onClick={onManageCanned}>
            {w.canned}
          </button>
        </p>
      )}
    </form>
  );
}
