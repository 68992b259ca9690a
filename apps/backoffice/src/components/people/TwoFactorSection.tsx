import { useEffect, useState } from 'preact/hooks';
import type { Me, TwoFactorSetup, TwoFactorStatus } from '@tribu/protocol/client';
import { accountsApi } from '../../api/accounts.ts';
import { ApiError, api } from '../../api/http.ts';
import { ErrorAlert } from '../ErrorAlert.tsx';

const message = (err: unknown, fallback: string) => (err instanceof ApiError ? err.message : fallback);
/** The secret in groups of four, easier to type into an app by hand. */
const grouped = (secret: string) => secret.replace(/(.{4})/g, '$1 ').trim();

/**
 * Two-step sign-in from my profile: set up with a QR code (or the key typed by hand), confirm with
 * a first code, keep the ten recovery codes shown once; turn off with my password and a code.
 */
export function TwoFactorSection({ me, onMe }: { me: Me; onMe: (me: Me) => void }) {
  const [status, setStatus] = useState<TwoFactorStatus | null>(null);
  const [setup, setSetup] = useState<TwoFactorSetup | null>(null);
  const [codes, setCodes] = useState<string[] | null>(null);
  const [code, setCode] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const load = () => accountsApi.twoFactor().then(setStatus, (e: unknown) => setError(message(e, 'Could not load two-step sign-in')));
  useEffect(() => void load(), []);
  // My rights on sites that ask for it change with it: the desk learns at once.
  const refreshMe = () => api.me().then(onMe, () => undefined);

  const act = async (fn: () => Promise<void>, fallback: string) => {
    setBusy(true);
    setError(null);
    try {
      await fn();
    } catch (err) {
      setError(message(err, fallback));
    } finally {
      setBusy(false);
    }
  };
  const start = () => act(async () => setSetup(await accountsApi.setupTwoFactor(me.csrfToken)), 'Could not start the set-up');
  const confirm = (e: Event) => {
    e.preventDefault();
    return act(async () => {
      const done = await accountsApi.confirmTwoFactor(me.csrfToken, code);
      setCodes(done.recoveryCodes);
      setSetup(null);
      setCode('');
      await Promise.all([load(), refreshMe()]);
    }, 'Could not turn it on');
  };
  const disable = (e: Event) => {
    e.preventDefault();
    return act(async () => {
      await accountsApi.disableTwoFactor(me.csrfToken, { password, code });
      setPassword('');
      setCode('');
      await Promise.all([load(), refreshMe()]);
    }, 'Could not turn it off');
  };

  return (
    <section class="panel two-factor" aria-labelledby="two-factor-h">
      <h2 id="two-factor-h">Two-step sign-in</h2>
      {!status && !error && <p class="muted small">Loading…</p>}
      {status && status.requiredBy.length > 0 && (
        <p class={status.enabled ? 'muted small' : 'alert'}>
          {status.requiredBy.join(', ')} {status.requiredBy.length === 1 ? 'asks' : 'ask'} its managers to use it
          {status.enabled ? '.' : ': set it up to act as a manager there.'}
        </p>
      )}
      {codes && (
        <div class="recovery" role="status">
          <p>
            <strong>Two-step sign-in is on.</strong> Keep these recovery codes somewhere safe: each one signs you in once if you lose your phone. They are shown
            only now.
          </p>
          <ol class="recovery-codes" aria-label="Recovery codes">
            {codes.map((c) => (
              <li key={c}>
                <code>{c}</code>
              </li>
            ))}
          </ol>
          <button type="button" class="ghost block" onClick={() => setCodes(null)}>
            I have saved them
          </button>
        </div>
      )}
      {status && !status.enabled && !setup && !codes && (
        <>
          <p class="muted small">Off. With it on, signing in also asks for a code from an app on your phone (Google Authenticator, Aegis, 1Password…).</p>
          <button type="button" class="ghost block" onClick={start} disabled={busy}>
            Set up two-step sign-in
          </button>
        </>
      )}
      {setup && (
        <form class="two-factor-setup" onSubmit={confirm}>
          <p class="small">1. Scan this code with your authenticator app.</p>
          <img
            class="qr"
            src={`data:image/svg+xml;utf8,${encodeURIComponent(setup.qrSvg)}`}
            alt="QR code to add Tribu to an authenticator app"
            width={180}
            height={180}
          />
          <p class="small">
            Or type this key: <code class="secret">{grouped(setup.secret)}</code>
          </p>
          <label class="field">
            2. Type the 6-digit code the app shows
            <input
              name="code"
              inputMode="numeric"
              autoComplete="one-time-code"
              required
              maxLength={8}
              value={code}
              onInput={(e) => setCode(e.currentTarget.value)}
            />
          </label>
          <button type="submit" class="primary block" disabled={busy}>
            {busy ? 'Checking…' : 'Turn on'}
          </button>
          <button type="button" class="link" onClick={() => setSetup(null)}>
            Cancel
          </button>
        </form>
      )}
      {status?.enabled && !codes && (
        <form class="two-factor-off" onSubmit={disable}>
          <p class="muted small">
            On. {status.recoveryCodesLeft} recovery code{status.recoveryCodesLeft === 1 ? '' : 's'} left.
          </p>
          <details>
            <summary>Turn it off</summary>
            <label class="field">
              Password
              <input type="password" autoComplete="current-password" required value={password} onInput={(e) => setPassword(e.currentTarget.value)} />
            </label>
            <label class="field">
              Code from the app, or a recovery code
              <input name="code" autoComplete="one-time-code" required maxLength={32} value={code} onInput={(e) => setCode(e.currentTarget.value)} />
            </label>
            <button type="submit" class="ghost danger block" disabled={busy}>
              Turn off two-step sign-in
            </button>
          </details>
        </form>
      )}
      <ErrorAlert message={error} />
    </section>
  );
}
