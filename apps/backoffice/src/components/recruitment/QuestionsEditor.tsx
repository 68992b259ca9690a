import { useEffect, useState } from 'preact/hooks';
import { RECRUITMENT_LIMITS } from '@tribu/protocol/client';
import { ApiError } from '../../api/http.ts';
import { recruitmentApi } from '../../api/recruitment.ts';
import { useI18n } from '../../i18n/index.tsx';

/** The site's own questions on the application, after the standard ones (name, languages, why, experience). */
export function QuestionsEditor({ siteId, csrf }: { siteId: string; csrf: string }) {
  const { t } = useI18n();
  const w = t.manage.recruitment;
  const [questions, setQuestions] = useState<string[] | null>(null);
  const [state, setState] = useState<{ kind: 'idle' | 'saving' | 'saved' } | { kind: 'error'; message: string }>({ kind: 'idle' });

  useEffect(() => {
    recruitmentApi.questions(siteId).then(
      (r) => setQuestions(r.questions),
      () => setState({ kind: 'error', message: w.questionsLoadFailed }),
    );
  }, [siteId, w]);
  if (!questions) return null;

  const edit = (i: number, v: string) => {
    setQuestions(questions.map((q, j) => (j === i ? v : q)));
    setState({ kind: 'idle' });
  };
  const save = async (e: Event) => {
    e.preventDefault();
    setState({ kind: 'saving' });
    try {
      const saved = await recruitmentApi.saveQuestions(csrf, siteId, questions.map((q) => q.trim()).filter(Boolean));
      setQuestions(saved.questions);
      setState({ kind: 'saved' });
    } catch (err) {
      setState({ kind: 'error', message: err instanceof ApiError ? err.message : w.saveFailed });
    }
  };

  return (
    <form class="rc-questions" onSubmit={save} aria-labelledby="questions-title">
      <h2 id="questions-title">{w.yourQuestions}</h2>
      <p class="muted">{w.questionsIntro}</p>
      {questions.length === 0 && <p class="muted">{w.noQuestions}</p>}
      <ol>
        {questions.map((q, i) => (
          <li key={i}>
            <input aria-label={w.questionN(i + 1)} maxLength={RECRUITMENT_LIMITS.question} value={q} onInput={(e) => edit(i, e.currentTarget.value)} />
            <button
              type="button"
              class="ghost"
              aria-label={w.removeQuestionN(i + 1)}
              onClick={() => (setQuestions(questions.filter((_, j) => j !== i)), setState({ kind: 'idle' }))}
            >
              {w.remove}
            </button>
          </li>
        ))}
      </ol>
      <div class="rc-actions">
        <button
          type="button"
          class="ghost"
          disabled={questions.length >= RECRUITMENT_LIMITS.questions}
          onClick={() => (setQuestions([...questions, '']), setState({ kind: 'idle' }))}
        >
          {w.addQuestion}
        </button>
        <button type="submit" class="primary small" disabled={state.kind === 'saving'}>
          {w.saveQuestions}
        </button>
        <span role="status" class="rc-saved">
          {state.kind === 'saved' ? w.saved : ''}
        </span>
      </div>
      {state.kind === 'error' && (
        <p class="alert" role="alert">
          {state.message}
        </p>
      )}
    </form>
  );
}
