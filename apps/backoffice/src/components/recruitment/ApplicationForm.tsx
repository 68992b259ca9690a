import { useState } from 'preact/hooks';
import { LIMITS, RECRUITMENT_LIMITS, type JoinPage } from '@tribu/protocol/client';
import { ApiError } from '../../api/http.ts';
import { LANGUAGE_NAMES, recruitmentApi } from '../../api/recruitment.ts';
import { ErrorAlert } from '../ErrorAlert.tsx';

interface Props {
  info: JoinPage;
  onSent: (who: { name: string; email: string }) => void;
}

/** The application itself: who you are, your languages, why, your experience, and the site's questions. */
export function ApplicationForm({ info, onSent }: Props) {
  const brand = info.site.name;
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [languages, setLanguages] = useState<string[]>([]);
  const [why, setWhy] = useState('');
  const [experience, setExperience] = useState('');
  const [answers, setAnswers] = useState<string[]>(info.questions.map(() => ''));
  const [website, setWebsite] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const toggle = (code: string, on: boolean) => setLanguages((l) => (on ? [...l, code] : l.filter((c) => c !== code)));

  const submit = async (e: Event) => {
    e.preventDefault();
    if (languages.length === 0) return setError('Pick at least one language you can answer in.');
    setBusy(true);
    setError(null);
    try {
      await recruitmentApi.apply(info.site.key, { name, email, languages, why, experience, answers, website: website || undefined });
      onSent({ name: name.trim(), email: email.trim() });
    } catch (err) {
      setError(err instanceof ApiError ? err.message : 'Your application could not be sent. Try again in a moment.');
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="join-form" onSubmit={submit} aria-label="Application">
      <h2>Tell us about you</h2>
      <div class="join-row">
        <label class="join-field">
          Your name
          <input required maxLength={RECRUITMENT_LIMITS.name} autoComplete="name" value={name} onInput={(e) => setName(e.currentTarget.value)} />
        </label>
        <label class="join-field">
          Email
          <input type="email" required maxLength={LIMITS.email} autoComplete="email" value={email} onInput={(e) => setEmail(e.currentTarget.value)} />
        </label>
      </div>
      <fieldset class="join-langs">
        <legend>Languages you can answer in</legend>
        {info.languages.map((code) => (
          <label key={code} class="join-lang">
            <input type="checkbox" checked={languages.includes(code)} onChange={(e) => toggle(code, e.currentTarget.checked)} />
            {LANGUAGE_NAMES[code] ?? code}
          </label>
        ))}
      </fieldset>
      <label class="join-field">
        Why would you like to help?
        <textarea
          required
          minLength={10}
          maxLength={RECRUITMENT_LIMITS.why}
          rows={4}
          value={why}
          onInput={(e) => setWhy(e.currentTarget.value)}
          placeholder="A few sentences are plenty."
        />
      </label>
      <label class="join-field">
        Your experience with {brand} <span class="muted">(optional)</span>
        <textarea
          maxLength={RECRUITMENT_LIMITS.experience}
          rows={3}
          value={experience}
          onInput={(e) => setExperience(e.currentTarget.value)}
          placeholder="Products you own, how long you have been a customer…"
        />
      </label>
      {info.questions.map((q, i) => (
        <label key={q} class="join-field">
          {q}
          <textarea
            maxLength={RECRUITMENT_LIMITS.answer}
            rows={2}
            value={answers[i]}
            onInput={(e) => {
              const v = e.currentTarget.value;
              setAnswers((a) => a.map((x, j) => (j === i ? v : x)));
            }}
          />
        </label>
      ))}
      {/* Hidden from people and screen readers; robots fill every field. */}
      <div class="join-trap" aria-hidden="true">
        <label>
          Website
          <input tabIndex={-1} autoComplete="off" value={website} onInput={(e) => setWebsite(e.currentTarget.value)} />
        </label>
      </div>
      <ErrorAlert message={error} />
      <button class="public-primary" type="submit" disabled={busy}>
        {busy ? 'Sending…' : 'Send my application'}
      </button>
      <p class="join-privacy muted">Only the {brand} community team reads your application. It is used to answer you and nothing else.</p>
    </form>
  );
}
