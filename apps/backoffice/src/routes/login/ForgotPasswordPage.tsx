import { useState } from 'preact/hooks';
import { accountsApi } from '../../api/accounts.ts';
import { ApiError } from '../../api/http.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';

/** "Forgot password?": an email, then the same answer whether it has an account or not. */
export function ForgotPasswordPage() {
  const [email, setEmail] = useState('');
  const [sent, setSent] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      setSent((await accountsApi.forgot(email)).message);
    } catch (err) {
      setError(err instanceof ApiError ? err.message : 'Could not send the link; try again');
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
        <h1>Forgot your password?</h1>
        {sent ? (
          <p class="saved" role="status">
            {sent} Check your inbox, and your spam folder too.
          </p>
        ) : (
          <>
            <p class="muted">Type the email you sign in with. We will mail you a link to choose a new password.</p>
            <label>
              Email
              <input type="email" autoComplete="username" required value={email} onInput={(e) => setEmail(e.currentTarget.value)} />
            </label>
            <ErrorAlert message={error} />
            <button class="primary" type="submit" disabled={busy}>
              {busy ? 'Sending…' : 'Send me a link'}
            </button>
          </>
        )}
        <a class="login-aside" href="/backoffice/login">
          Back to sign in
        </a>
      </form>
    </main>
  );
}
