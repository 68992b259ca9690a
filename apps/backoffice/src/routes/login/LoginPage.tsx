import { useState } from 'preact/hooks';
import type { Me } from '@tribu/protocol/client';
import { accountsApi, isChallenge } from '../../api/accounts.ts';
import { ApiError } from '../../api/http.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { CodeStep } from './CodeStep.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { LocaleSwitch } from '../../components/account/LocaleSwitch.tsx';

export function LoginPage({ onSignedIn }: { onSignedIn: (me: Me) => void }) {
  const { t } = useI18n();
  const w = t.account.login;
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
      setError(err instanceof ApiError ? err.message : w.failed);
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
        <h1>{w.welcome}</h1>
        <p class="muted">{w.lead}</p>
        <label>
          {t.account.email}
          <input type="email" autoComplete="username" required value={email} onInput={(e) => setEmail(e.currentTarget.value)} />
        </label>
        <label>
          {t.account.password}
          <input type="password" autoComplete="current-password" required value={password} onInput={(e) => setPassword(e.currentTarget.value)} />
        </label>
        <ErrorAlert message={error} />
        <button class="primary" type="submit" disabled={busy}>
          {busy ? w.signingIn : t.account.signIn}
        </button>
        <a class="login-aside" href="/backoffice/forgot-password">
          {w.forgot}
        </a>
        <LocaleSwitch />
      </form>
    </main>
  );
}
