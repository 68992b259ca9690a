import { useState } from 'preact/hooks';
import { LIMITS, RECRUITMENT_LIMITS, type JoinPage } from '@tribu/protocol/client';
import { ApiError } from '../../api/http.ts';
import { LANGUAGE_NAMES, recruitmentApi } from '../../api/recruitment.ts';
import { ErrorAlert } from '../ErrorAlert.tsx';
import { useI18n } from '../../i18n/index.tsx';

interface Props {
  info: JoinPage;
  onSent: (who: { name: string; email: string }) => void;
}

/** The application itself: who you are, your languages, why, your experience, and the site's questions. */
export function ApplicationForm({ info, onSent }: Props) {
  const { t } = useI18n();
  const w = t.manage.join;
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
    if (languages.length === 0) return setError(w.pickLanguage);
    setBusy(true);
    setError(null);
    try {
      await recruitmentApi.apply(info.site.key, { name, email, languages, why, experience, answers, website: website || undefined });
      onSent({ name: name.trim(), email: email.trim() });
    } catch (err) {
      setError(err instanceof ApiError ? err.message : w.sendFailed);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="join-form" onSubmit={submit} aria-label={w.form}>
      <h2>{w.tellUs}</h2>
      <div class="join-row">
        <label class="join-field">
          {w.yourName}
          <input required maxLength={RECRUITMENT_LIMITS.name} autoComplete="name" value={name} onInput={(e) => setName(e.currentTarget.value)} />
        </label>
        <label class="join-field">
          {w.email}
          <input type="email" required maxLength={LIMITS.email} autoComplete="email" value={email} onInput={(e) => setEmail(e.currentTarget.value)} />
        </label>
      </div>
      <fieldset class="join-langs">
        <legend>{w.languages}</legend>
        {info.languages.map((code) => (
          <label key={code} class="join-lang">
            <input type="checkbox" checked={languages.includes(code)} onChange={(e) => toggle(code, e.currentTarget.checked)} />
            <span lang={code} translate={false}>
              {LANGUAGE_NAMES[code] ?? code}
            </span>
          </label>
        ))}
      </fieldset>
      <label class="join-field">
        {w.why}
        <textarea
          required
          minLength={10}
          maxLength={RECRUITMENT_LIMITS.why}
          rows={4}
          value={why}
          onInput={(e) => setWhy(e.currentTarget.value)}
          placeholder={w.whyPlaceholder}
        />
      </label>
      <label class="join-field">
        {w.experience(brand)} <span class="muted">{w.optional}</span>
        <textarea
          maxLength={RECRUITMENT_LIMITS.experience}
          rows={3}
          value={experience}
          onInput={(e) => setExperience(e.currentTarget.value)}
          placeholder={w.experiencePlaceholder}
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
          {w.website}
          <input tabIndex={-1} autoComplete="off" value={website} onInput={(e) => setWebsite(e.currentTarget.value)} />
        </label>
      </div>
      <ErrorAlert message={error} />
      <button class="public-primary" type="submit" disabled={busy}>
        {busy ? w.sending : w.send}
      </button>
      <p class="join-privacy muted">{w.privacy(brand)}</p>
    </form>
  );
}
