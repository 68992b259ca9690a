import { useState } from 'preact/hooks';
import { LIMITS, type ConversationNote } from '@tribu/protocol/client';

const when = (iso: string) => new Date(iso).toLocaleString([], { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });

/** Private notes on the chat for peers and managers; the visitor never sees them. */
export function Notes({ notes, onAdd }: { notes: ConversationNote[]; onAdd: (text: string) => Promise<string | null> }) {
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
    <section aria-label="Private notes">
      <h3>Private notes</h3>
      {notes.length === 0 && <p class="muted small">Notes stay between helpers and managers.</p>}
      <ul class="notes">
        {notes.map((n) => (
          <li key={n.id}>
            <p>{n.text}</p>
            <span class="muted small">
              {n.author?.displayName ?? 'Former member'} · {when(n.createdAt)}
            </span>
          </li>
        ))}
      </ul>
      <form class="note-form" onSubmit={(e) => void submit(e)}>
        <input
          aria-label="Add a private note"
          placeholder="Add a private note…"
          maxLength={LIMITS.noteText}
          value={text}
          onInput={(e) => setText(e.currentTarget.value)}
        />
        <button type="submit" class="ghost small" disabled={!text.trim()}>
          Add note
        </button>
      </form>
      {error && <p class="alert">{error}</p>}
    </section>
  );
}
