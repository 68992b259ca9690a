import { useEffect, useState } from 'preact/hooks';
import { ApiError } from '../../api/http.ts';
import { moderationApi } from '../../api/moderation.ts';
import { useI18n } from '../../i18n/index.tsx';

/** The site's blocked words as removable chips, an input to add more, and Save. */
export function BlockedWordsEditor({ siteId, csrf }: { siteId: string; csrf: string }) {
  const { t } = useI18n();
  const w = t.manage.moderation;
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
      () => setNote({ ok: false, text: w.wordsLoadFailed }),
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
      setNote({ ok: true, text: w.wordsSaved });
    } catch (e) {
      setNote({ ok: false, text: e instanceof ApiError ? e.message : w.saveFailed });
    }
  };
  const dirty = saved !== null && (saved.length !== words.length || saved.some((w, i) => w !== words[i]));
  return (
    <section class="mod-panel" aria-labelledby="words-title">
      <h2 id="words-title">{w.blockedWords}</h2>
      <p class="muted small">
        {w.wordsIntroBefore} <code>f***</code>
        {w.wordsIntroAfter}
      </p>
      <ul class="mod-words" aria-label={w.blockedWords}>
        {words.length === 0 && <li class="muted">{w.noneYet}</li>}
        {words.map((word) => (
          <li key={word} class="mod-word">
            {word}
            <button type="button" aria-label={w.removeWord(word)} onClick={() => setWords(words.filter((x) => x !== word))}>
              ×
            </button>
          </li>
        ))}
      </ul>
      <form class="mod-add" onSubmit={add}>
        <label class="sr-only" for="blocked-word">
          {w.addWordLabel}
        </label>
        <input id="blocked-word" value={draft} placeholder={w.addWordPlaceholder} maxLength={40} onInput={(e) => setDraft(e.currentTarget.value)} />
        <button type="submit" class="ghost" disabled={!draft.trim()}>
          {w.add}
        </button>
      </form>
      <div class="mod-actions">
        <button type="button" class="primary small" disabled={!dirty} onClick={() => void save()}>
          {w.saveWords}
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
