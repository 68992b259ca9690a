import { useEffect, useState } from 'preact/hooks';
import type { Me, TwoFactorSetup, TwoFactorStatus } from '@tribu/protocol/client';
import { accountsApi } from '../../api/accounts.ts';
import { ApiError, api } from '../../api/http.ts';
import { ErrorAlert } from '../ErrorAlert.tsx';
import { useI18n } from '../../i18n/index.tsx';

const message = (err: unknown, fallback: string) => (err instanceof ApiError ? err.message : fallback);
/** The secret in groups of four, easier to type into an app by hand. */
const grouped = (secret: string) => secret.replace(/(.{4})/g, '$1 ').trim();

/**
 * Two-step sign-in from my profile: set up with a QR code (or the key typed by hand), confirm with
 * a first code, keep the ten recovery codes shown once; turn off with my password and a code.
 */
export function TwoFactorSection({ me, onMe }: { me: Me; onMe: (me: Me) => void }) {
  const { t, f } = useI18n();
  const w = t.account.twoFactor;
  const [status, setStatus] = useState<TwoFactorStatus | null>(null);
  const [setup, setSetup] = useState<TwoFactorSetup | null>(null);
  const [codes, setCodes] = useState<string[] | null>(null);
  const [code, setCode] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const load = () => accountsApi.twoFactor().then(setStatus, (e: unknown) => setError(message(e, w.loadFailed)));
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
  const start = () => act(async () => setSetup(await accountsApi.setupTwoFactor(me.csrfToken)), w.startFailed);
  const confirm = (e: Event) => {
    e.preventDefault();
    return act(async () => {
      const done = await accountsApi.confirmTwoFactor(me.csrfToken, code);
      setCodes(done.recoveryCodes);
      setSetup(null);
      setCode('');
      await Promise.all([load(), refreshMe()]);
    }, w.onFailed);
  };
  const disable = (e: Event) => {
    e.preventDefault();
    return act(async () => {
      await accountsApi.disableTwoFactor(me.csrfToken, { password, code });
      setPassword('');
      setCode('');
      await Promise.all([load(), refreshMe()]);
    }, w.offFailed);
  };

  return (
    <section class="panel two-factor" aria-labelledby="two-factor-h">
      <h2 id="two-factor-h">{w.title}</h2>
      {!status && !error && <p class="muted small">{t.common.loading}</p>}
      {status && status.requiredBy.length > 0 && (
        <p class={status.enabled ? 'muted small' : 'alert'}>
          {(status.enabled ? w.requiredOn : w.requiredOff)(f.list(status.requiredBy), status.requiredBy.length)}
        </p>
      )}
      {codes && (
        <div class="recovery" role="status">
          <p>
            <strong>{w.isOn}</strong> {w.keepCodes}
          </p>
          <ol class="recovery-codes" aria-label={w.codesLabel}>
            {codes.map((c) => (
              <li key={c}>
                <code>{c}</code>
              </li>
            ))}
          </ol>
          <button type="button" class="ghost block" onClick={() => setCodes(null)}>
            {w.savedThem}
          </button>
        </div>
      )}
      {status && !status.enabled && !setup && !codes && (
        <>
          <p class="muted small">{w.off}</p>
          <button type="button" class="ghost block" onClick={start} disabled={busy}>
            {w.setUp}
          </button>
        </>
      )}
      {setup && (
        <form class="two-factor-setup" onSubmit={confirm}>
          <p class="small">{w.scan}</p>
          <img class="qr" src={`data:image/svg+xml;utf8,${encodeURIComponent(setup.qrSvg)}`} alt={w.qrAlt} width={180} height={180} />
          <p class="small">
            {w.orType} <code class="secret">{grouped(setup.secret)}</code>
          </p>
          <label class="field">
            {w.typeCode}
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
            {busy ? w.checking : w.turnOn}
          </button>
          <button type="button" class="link" onClick={() => setSetup(null)}>
            {t.common.cancel}
          </button>
        </form>
      )}
      {status?.enabled && !codes && (
        <form class="two-factor-off" onSubmit={disable}>
          <p class="muted small">{f.plural(status.recoveryCodesLeft, w.onLeft)}</p>
          <details>
            <summary>{w.turnItOff}</summary>
            <label class="field">
              {t.account.password}
              <input type="password" autoComplete="current-password" required value={password} onInput={(e) => setPassword(e.currentTarget.value)} />
            </label>
            <label class="field">
              {w.codeOrRecovery}
              <input name="code" autoComplete="one-time-code" required maxLength={32} value={code} onInput={(e) => setCode(e.currentTarget.value)} />
            </label>
            <button type="submit" class="ghost danger block" disabled={busy}>
              {w.turnOff}
            </button>
          </details>
        </form>
      )}
      <ErrorAlert message={error} />
    </section>
  );
}
