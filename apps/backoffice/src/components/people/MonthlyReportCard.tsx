import { useEffect, useState } from 'preact/hooks';
import type { Me, MonthlyReportPref } from '@tribu/protocol/client';
import { ApiError, call } from '../../api/http.ts';

/** "Monthly report" on My profile, for admins and managers: the 1st-of-the-month mail, on or off. */
export function MonthlyReportCard({ me }: { me: Me }) {
  const manages = me.memberships.some((m) => m.role === 'moderator' || m.role === 'admin');
  const [pref, setPref] = useState<MonthlyReportPref | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!manages) return;
    call<MonthlyReportPref>('GET', '/api/profile/monthly-report').then(setPref, () => setError('Could not load this setting'));
  }, [manages]);

  if (!manages) return null;
  const change = async (subscribed: boolean) => {
    // The box follows the click at once; it goes back if the save fails.
    setPref({ subscribed });
    setBusy(true);
    setError(null);
    try {
      setPref(await call<MonthlyReportPref>('PUT', '/api/profile/monthly-report', { subscribed }, me.csrfToken));
    } catch (err) {
      setPref({ subscribed: !subscribed });
      setError(err instanceof ApiError ? err.message : 'Could not save; try again');
    } finally {
      setBusy(false);
    }
  };
  return (
    <section class="panel" aria-labelledby="monthly-report-h">
      <h2 id="monthly-report-h">Monthly report</h2>
      <p class="muted small">On the 1st of each month, the key figures of the month before for each site you manage, with a link to the printable report.</p>
      <label class="check">
        <input type="checkbox" checked={pref?.subscribed ?? false} disabled={!pref || busy} onChange={(e) => void change(e.currentTarget.checked)} />
        <span>Mail me the monthly report</span>
      </label>
      {error && (
        <p class="field-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
