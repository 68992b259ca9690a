import { useState } from 'preact/hooks';
import type { Me } from '@tribu/protocol/client';
import { accountsApi } from '../../api/accounts.ts';
import { ApiError } from '../../api/http.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { LocaleSwitch } from '../../components/account/LocaleSwitch.tsx';

/** The second step of signing in: a code from the authenticator app, or a recovery code. */
export function CodeStep({ token, onSignedIn, onBack }: { token: string; onSignedIn: (me: Me) => void; onBack: () => void }) {
  const { t } = useI18n();
  const w = t.account.code;
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
      setError(err instanceof ApiError ? err.message : w.failed);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="login-card" onSubmit={submit}>
      <div class="brand">
        <span class="dot" aria-hidden="true" /> Tribu
      </div>
      <h1>{w.title}</h1>
      <p class="muted">{w.lead}</p>
      <label>
        {w.label}
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
        {busy ? w.checking : t.account.signIn}
      </button>
      <button class="link login-aside" type="button" onClick={onBack}>
        {w.otherAccount}
      </button>
      <LocaleSwitch />
    </form>
  );
}
