import { useState } from 'preact/hooks';
import type { Me } from '@tribu/protocol/client';
import { accountsApi } from '../../api/accounts.ts';
import { ApiError } from '../../api/http.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';

/** The second step of signing in: a code from the authenticator app, or a recovery code. */
export function CodeStep({ token, onSignedIn, onBack }: { token: string; onSignedIn: (me: Me) => void; onBack: () => void }) {
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onSignedIn(await accountsApi.loginCode({ token, code }));
    } catch (err) {
      setError(err instanceof ApiError ? err.message : 'Could not check the code; try again');
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="login-card" onSubmit={submit}>
      <div class="brand">
        <span class="dot" aria-hidden="true" /> Tribu
      </div>
      <h1>Two-step sign-in</h1>
      <p class="muted">Type the 6-digit code your authenticator app shows for Tribu. Lost your phone? Type one of your recovery codes instead.</p>
      <label>
        Code
        <input
          name="code"
          inputMode="numeric"
          autoComplete="one-time-code"
          autoFocus
          required
          maxLength={32}
          value={code}
          onInput={(e) => setCode(e.currentTarget.value)}
        />
      </label>
      <ErrorAlert message={error} />
      <button class="primary" type="submit" disabled={busy}>
        {busy ? 'Checking…' : 'Sign in'}
      </button>
      <button class="link login-aside" type="button" onClick={onBack}>
        Use another account
      </button>
    </form>
  );
}
