import { useState } from 'preact/hooks';
import { LIMITS } from '@tribu/protocol/client';
import { accountsApi } from '../../api/accounts.ts';
import { ApiError } from '../../api/http.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';

/** The mailed link's page: the token travels in the fragment (#…), never to a server log. */
export function ResetPasswordPage() {
  const [token] = useState(() => location.hash.slice(1));
  const [password, setPassword] = useState('');
  const [again, setAgain] = useState('');
  const [done, setDone] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: Event) => {
    e.preventDefault();
    if (password !== again) return setError('The two passwords are not the same');
    setBusy(true);
    setError(null);
    try {
      await accountsApi.reset({ token, password });
      // The token is spent: keep it out of the address bar and the history.
      history.replaceState(null, '', location.pathname);
      setDone(true);
    } catch (err) {
      setError(err instanceof ApiError ? err.message : 'Could not change the password; try again');
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
        <h1>Choose a new password</h1>
        {done ? (
          <>
            <p class="saved" role="status">
              Your password is changed. Every device that was signed in is signed out.
            </p>
            <a class="primary button-link" href="/backoffice/login">
              Sign in
            </a>
          </>
        ) : !token ? (
          <p class="alert" role="alert">
            This page needs the link from the mail. <a href="/backoffice/forgot-password">Ask for a new link</a>.
          </p>
        ) : (
          <>
            <label>
              New password
              <input
                type="password"
                autoComplete="new-password"
                required
                minLength={LIMITS.passwordMin}
                maxLength={LIMITS.password}
                value={password}
                onInput={(e) => setPassword(e.currentTarget.value)}
              />
              <small class="muted">At least {LIMITS.passwordMin} characters.</small>
            </label>
            <label>
              The same again
              <input type="password" autoComplete="new-password" required value={again} onInput={(e) => setAgain(e.currentTarget.value)} />
            </label>
            <ErrorAlert message={error} />
            <button class="primary" type="submit" disabled={busy}>
              {busy ? 'Saving…' : 'Save the new password'}
            </button>
          </>
        )}
      </form>
    </main>
  );
}
