import { useState } from 'preact/hooks';
import { LIMITS } from '@tribu/protocol/client';
import { accountsApi } from '../../api/accounts.ts';
import { ApiError } from '../../api/http.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { LocaleSwitch } from '../../components/account/LocaleSwitch.tsx';

/** The mailed link's page: the token travels in the fragment (#…), never to a server log. */
export function ResetPasswordPage() {
  const { t } = useI18n();
  const w = t.account.reset;
  const [token] = useState(() => location.hash.slice(1));
  const [password, setPassword] = useState('');
  const [again, setAgain] = useState('');
  const [done, setDone] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: Event) => {
    e.preventDefault();
    if (password !== again) return setError(w.notSame);
    setBusy(true);
    setError(null);
    try {
      await accountsApi.reset({ token, password });
      // The token is spent: keep it out of the address bar and the history.
      history.replaceState(null, '', location.pathname);
      setDone(true);
    } catch (err) {
      setError(err instanceof ApiError ? err.message : w.failed);
    } finally {
      setBusy(false);
    }
  };
  return (
    <main class="login">
      <form class="login-card" onSubmit={submit}>
        <div class="brand">
          <span class="dot" aria-hidden="true" /> Tribu
        </div>
        <h1>{w.title}</h1>
        {done ? (
          <>
            <p class="saved" role="status">
              {w.done}
            </p>
            <a class="primary button-link" href="/backoffice/login">
              {t.account.signIn}
            </a>
          </>
        ) : !token ? (
          <p class="alert" role="alert">
            {w.needsLink} <a href="/backoffice/forgot-password">{w.askNewLink}</a>
          </p>
        ) : (
          <>
            <label>
              {w.newPassword}
              <input
                type="password"
                autoComplete="new-password"
                required
                minLength={LIMITS.passwordMin}
                maxLength={LIMITS.password}
                value={password}
                onInput={(e) => setPassword(e.currentTarget.value)}
              />
              <small class="muted">{t.account.atLeastChars(LIMITS.passwordMin)}</small>
            </label>
            <label>
              {w.again}
              <input type="password" autoComplete="new-password" required value={again} onInput={(e) => setAgain(e.currentTarget.value)} />
            </label>
            <ErrorAlert message={error} />
            <button class="primary" type="submit" disabled={busy}>
              {busy ? w.saving : w.save}
            </button>
          </>
        )}
        <LocaleSwitch />
      </form>
    </main>
  );
}
