import { useState } from 'preact/hooks';
import { LIMITS, type Me } from '@tribu/protocol/client';
import { ApiError, api } from '../../api/http.ts';
import { ErrorAlert } from '../ErrorAlert.tsx';
import { useI18n } from '../../i18n/index.tsx';

/** Change my password: the current one proves it is me; every other device is signed out. */
export function PasswordForm({ me }: { me: Me }) {
  const { t } = useI18n();
  const w = t.account.passwordForm;
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setDone(false);
    try {
      await api.changePassword(me.csrfToken, { current, next });
      setCurrent('');
      setNext('');
      setDone(true);
    } catch (err) {
      setError(err instanceof ApiError ? err.message : w.failed);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="password-form" onSubmit={submit}>
      <label class="field">
        {w.current}
        <input type="password" autocomplete="current-password" required value={current} onInput={(e) => setCurrent(e.currentTarget.value)} />
      </label>
      <label class="field">
        {w.next}
        <input
          type="password"
          autocomplete="new-password"
          required
          minLength={LIMITS.passwordMin}
          value={next}
          onInput={(e) => setNext(e.currentTarget.value)}
        />
        <small class="muted">{w.hint(LIMITS.passwordMin)}</small>
      </label>
      <ErrorAlert message={error} />
      {done && (
        <p class="saved" role="status">
          {w.done}
        </p>
      )}
      <button type="submit" class="ghost block" disabled={busy}>
        {busy ? w.changing : w.change}
      </button>
    </form>
  );
}
