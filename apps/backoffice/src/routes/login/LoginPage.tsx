import { useState } from 'preact/hooks';
import type { Me } from '@tribu/protocol/client';
import { accountsApi, isChallenge } from '../../api/accounts.ts';
import { ApiError } from '../../api/http.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { CodeStep } from './CodeStep.tsx';

export function LoginPage({ onSignedIn }: { onSignedIn: (me: Me) => void }) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // Set when the password was right and the account asks for a code: the second step.
  const [challenge, setChallenge] = useState<string | null>(null);
  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const result = await accountsApi.login({ email, password });
      if (isChallenge(result)) {
        setPassword('');
        setChallenge(result.twoFactor.token);
      } else onSignedIn(result);
    } catch (err) {
      setError(err instanceof ApiError ? err.message : 'Could not sign in; try again');
    } finally {
      setBusy(false);
    }
  };
  if (challenge) {
    return (
      <main class="login">
        <CodeStep token={challenge} onSignedIn={onSignedIn} onBack={() => setChallenge(null)} />
      </main>
    );
  }
  return (
    <main class="login">
      <form class="login-card" onSubmit={submit}>
        <div class="brand">
          <span class="dot" aria-hidden="true" /> Tribu
        </div>
        <h1>Welcome back</h1>
        <p class="muted">Sign in to help your community.</p>
        <label>
          Email
          <input type="email" autoComplete="username" required value={email} onInput={(e) => setEmail(e.currentTarget.value)} />
        </label>
        <label>
          Password
          <input type="password" autoComplete="current-password" required value={password} onInput={(e) => setPassword(e.currentTarget.value)} />
        </label>
        <ErrorAlert message={error} />
        <button class="primary" type="submit" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
        <a class="login-aside" href="/backoffice/forgot-password">
          Forgot password?
        </a>
      </form>
    </main>
  );
}
