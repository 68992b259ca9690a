import { useEffect, useState } from 'preact/hooks';
import { ApiError } from '../../api/http.ts';
import { moderationApi } from '../../api/moderation.ts';

/** The site's blocked words as removable chips, an input to add more, and Save. */
export function BlockedWordsEditor({ siteId, csrf }: { siteId: string; csrf: string }) {
  const [saved, setSaved] = useState<string[] | null>(null);
  const [words, setWords] = useState<string[]>([]);
  const [draft, setDraft] = useState('');
  const [note, setNote] = useState<{ ok: boolean; text: string } | null>(null);
  useEffect(() => {
    moderationApi.words(siteId).then(
      (r) => {
        setSaved(r.words);
        setWords(r.words);
      },
      () => setNote({ ok: false, text: 'Blocked words could not load.' }),
    );
  }, [siteId]);
  const add = (e: Event) => {
    e.preventDefault();
    const fresh = draft
      .split(',')
      .map((w) => w.trim())
      .filter((w) => w && !words.some((x) => x.toLowerCase() === w.toLowerCase()));
    if (fresh.length) setWords([...words, ...fresh]);
    setDraft('');
  };
  const save = async () => {
    try {
      const r = await moderationApi.saveWords(csrf, siteId, words);
      setSaved(r.words);
      setWords(r.words);
      setNote({ ok: true, text: 'Saved. It applies to the next visitor message.' });
    } catch (e) {
      setNote({ ok: false, text: e instanceof ApiError ? e.message : 'Could not save; please retry.' });
    }
  };
  const dirty = saved !== null && (saved.length !== words.length || saved.some((w, i) => w !== words[i]));
  return (
    <section class="mod-panel" aria-labelledby="words-title">
      <h2 id="words-title">Blocked words</h2>
      <p class="muted small">
        Visitor messages with these words (any case or accent, plurals too) are masked for helpers, like <code>f***</code>, and come here.
      </p>
      <ul class="mod-words" aria-label="Blocked words">
        {words.length === 0 && <li class="muted">None yet.</li>}
        {words.map((w) => (
          <li key={w} class="mod-word">
            {w}
            <button type="button" aria-label={`Remove ${w}`} onClick={() => setWords(words.filter((x) => x !== w))}>
              ×
            </button>
          </li>
        ))}
      </ul>
      <form class="mod-add" onSubmit={add}>
        <label class="sr-only" for="blocked-word">
          Add a blocked word
        </label>
        <input id="blocked-word" value={draft} placeholder="Add a word…" maxLength={40} onInput={(e) => setDraft(e.currentTarget.value)} />
        <button type="submit" class="ghost" disabled={!draft.trim()}>
          Add
        </button>
      </form>
      <div class="mod-actions">
        <button type="button" class="primary small" disabled={!dirty} onClick={() => void save()}>
          Save blocked words
        </button>
        {note && (
          <span class={note.ok ? 'mod-ok' : 'alert'} role="status">
            {note.text}
          </span>
        )}
      </div>
    </section>
  );
}
