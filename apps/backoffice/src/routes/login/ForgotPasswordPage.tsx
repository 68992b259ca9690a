import { useState } from 'preact/hooks';
import { accountsApi } from '../../api/accounts.ts';
import { ApiError } from '../../api/http.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { LocaleSwitch } from '../../components/account/LocaleSwitch.tsx';

/** "Forgot password?": an email, then the same answer whether it has an account or not. */
export function ForgotPasswordPage() {
  const { t } = useI18n();
  const w = t.account.forgot;
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
        {sent ? (
          <p class="saved" role="status">
            {sent} {w.checkInbox}
          </p>
        ) : (
          <>
            <p class="muted">{w.lead}</p>
            <label>
              {t.account.email}
              <input type="email" autoComplete="username" required value={email} onInput={(e) => setEmail(e.currentTarget.value)} />
            </label>
            <ErrorAlert message={error} />
            <button class="primary" type="submit" disabled={busy}>
              {busy ? w.sending : w.send}
            </button>
          </>
        )}
        <a class="login-aside" href="/backoffice/login">
          {w.backToSignIn}
        </a>
        <LocaleSwitch />
      </form>
    </main>
  );
}
