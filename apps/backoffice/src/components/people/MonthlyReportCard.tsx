import { useEffect, useState } from 'preact/hooks';
import type { Me, MonthlyReportPref } from '@tribu/protocol/client';
import { ApiError, call } from '../../api/http.ts';
import { useI18n } from '../../i18n/index.tsx';

/** "Monthly report" on My profile, for admins and managers: the 1st-of-the-month mail, on or off. */
export function MonthlyReportCard({ me }: { me: Me }) {
  const w = useI18n().t.account.report;
  const manages = me.memberships.some((m) => m.role === 'moderator' || m.role === 'admin');
  const [pref, setPref] = useState<MonthlyReportPref | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!manages) return;
    call<MonthlyReportPref>('GET', '/api/profile/monthly-report').then(setPref, () => setError(w.loadFailed));
  }, [manages, w]);

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
      setError(err instanceof ApiError ? err.message : w.failed);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section class="panel" aria-labelledby="monthly-report-h">
      <h2 id="monthly-report-h">{w.title}</h2>
      <p class="muted small">{w.lead}</p>
      <label class="check">
        <input type="checkbox" checked={pref?.subscribed ?? false} disabled={!pref || busy} onChange={(e) => void change(e.currentTarget.checked)} />
        <span>{w.mailMe}</span>
      </label>
      {error && (
        <p class="field-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
