import { useState } from 'preact/hooks';
import type { OperatorSite } from '@tribu/protocol/client';
import { accountsApi } from '../../api/accounts.ts';
import { ApiError } from '../../api/http.ts';
import { ErrorAlert } from '../ErrorAlert.tsx';
import { useI18n } from '../../i18n/index.tsx';

/** The operator makes an existing account an admin of a site (its admins are gone, or locked out). */
export function AppointAdminForm({ site, csrf, onAppointed }: { site: OperatorSite; csrf: string; onAppointed: () => void }) {
  const { t } = useI18n();
  const w = t.settings.operator;
  const [email, setEmail] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      const who = await accountsApi.appointAdmin(csrf, site.id, email);
      setDone(w.appointed(who.displayName, site.name));
      setEmail('');
      onAppointed();
    } catch (err) {
      setError(err instanceof ApiError ? err.message : w.appointFailed);
    } finally {
      setBusy(false);
    }
  };
  return (
    <details>
      <summary>{w.appoint}</summary>
      <form class="appoint-form" onSubmit={submit}>
        <label>
          {w.appointEmail}
          <input type="email" required value={email} aria-label={w.appointEmailFor(site.name)} onInput={(e) => setEmail(e.currentTarget.value)} />
        </label>
        <button type="submit" class="ghost" disabled={busy}>
          {busy ? w.appointing : w.makeAdmin}
        </button>
        <ErrorAlert message={error} />
        {done && (
          <p class="saved" role="status">
            {done}
          </p>
        )}
      </form>
    </details>
  );
}
