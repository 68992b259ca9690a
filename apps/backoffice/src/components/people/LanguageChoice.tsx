import { useState } from 'preact/hooks';
import type { Me, MyProfile } from '@tribu/protocol/client';
import { ApiError, api } from '../../api/http.ts';
import { LOCALES, LOCALE_NAMES, useI18n, type Locale } from '../../i18n/index.tsx';
import '../account/account.css';

const isLocale = (v: string): v is Locale => (LOCALES as readonly string[]).includes(v);

/**
 * The backoffice's language, kept in my profile (so every device follows it): Automatic, or one of the languages
 * Tribu speaks, each named in itself. The whole backoffice switches at once, without a reload.
 */
export function LanguageChoice({ profile, me, onSaved }: { profile: MyProfile; me: Me; onSaved: (p: MyProfile) => void }) {
  const { t, setLocale } = useI18n();
  const w = t.account.language;
  const [choice, setChoice] = useState<Locale | null>(profile.locale);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const choose = async (value: string) => {
    const next = isLocale(value) ? value : null;
    const before = choice;
    setChoice(next);
    setBusy(true);
    setError(null);
    try {
      const saved = await api.updateProfile(me.csrfToken, { locale: next });
      await setLocale(next);
      onSaved(saved);
    } catch (err) {
      setChoice(before);
      setError(err instanceof ApiError ? err.message : w.failed);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section class="panel" aria-labelledby="locale-h">
      <h2 id="locale-h">{w.title}</h2>
      <label class="field locale-field">
        <span class="sr-only">{w.label}</span>
        <select value={choice ?? ''} disabled={busy} onChange={(e) => void choose(e.currentTarget.value)}>
          <option value="">{w.auto}</option>
          {LOCALES.map((l) => (
            <option key={l} value={l} lang={l}>
              {LOCALE_NAMES[l]}
            </option>
          ))}
        </select>
      </label>
      <p class="muted small">{w.hint}</p>
      {error && (
        <p class="alert" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
