import { useState } from 'preact/hooks';
import type { OperatorSite } from '@tribu/protocol/client';
import { accountsApi } from '../../api/accounts.ts';
import { ApiError } from '../../api/http.ts';
import { ErrorAlert } from '../ErrorAlert.tsx';

/** The operator makes an existing account an admin of a site (its admins are gone, or locked out). */
export function AppointAdminForm({ site, csrf, onAppointed }: { site: OperatorSite; csrf: string; onAppointed: () => void }) {
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
      setDone(`${who.displayName} is now an admin of ${site.name}.`);
      setEmail('');
      onAppointed();
    } catch (err) {
      setError(err instanceof ApiError ? err.message : 'Could not appoint the admin; try again');
    } finally {
      setBusy(false);
    }
  };
  return (
    <details>
      <summary>Appoint an admin</summary>
      <form class="appoint-form" onSubmit={submit}>
        <label>
          Email of an existing account
          <input type="email" required value={email} aria-label={`Email of the new admin of ${site.name}`} onInput={(e) => setEmail(e.currentTarget.value)} />
        </label>
        <button type="submit" class="ghost" disabled={busy}>
          {busy ? 'Appointing…' : 'Make admin'}
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
