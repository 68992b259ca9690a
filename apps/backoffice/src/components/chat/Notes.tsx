import { useState } from 'preact/hooks';
import { LIMITS, type ConversationNote } from '@tribu/protocol/client';
import { useI18n } from '../../i18n/index.tsx';
/** Private notes on the chat for peers and managers; the visitor never sees them. */
export function Notes({ notes, onAdd }: { notes: ConversationNote[]; onAdd: (text: string) => Promise<string | null> }) {
  const { t, f } = useI18n();
  const w = t.desk.details;
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = async (e: Event) => {
    e.preventDefault();
    if (!text.trim()) return;
    const err = await onAdd(text.trim());
    setError(err);
    if (!err) setText('');
  };
  return (
    <section aria-label={w.notes}>
      <h3>{w.notes}</h3>
      {notes.length === 0 && <p class="muted small">{w.notesEmpty}</p>}
      <ul class="notes">
        {notes.map((n) => (
          <li key={n.id}>
            <p>{n.text}</p>
            <span class="muted small">
              {n.author?.displayName ?? w.formerMember} · {f.dateTime(n.createdAt)}
            </span>
          </li>
        ))}
      </ul>
      <form class="note-form" onSubmit={(e) => void submit(e)}>
        <input
          aria-label={w.addNote}
          placeholder={w.addNotePlaceholder}
          maxLength={LIMITS.noteText}
          value={text}
          onInput={(e) => setText(e.currentTarget.value)}
        />
        <button type="submit" class="ghost small" disabled={!text.trim()}>
          {w.addNoteButton}
        </button>
      </form>
      {error && <p class="alert">{error}</p>}
    </section>
  );
}
