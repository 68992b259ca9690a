import { useEffect, useState } from 'preact/hooks';
import './device-notifications.css';
import type { PushStats } from '@tribu/protocol/client';
import { ApiError } from '../../api/http.ts';
import { pushApi } from '../../api/push.ts';

/** Numbers: requests of the period someone was called about by push, and how many were answered after it. */
export function PushAnswered({ siteId, from, to }: { siteId: string; from: string; to: string }) {
  const [stats, setStats] = useState<PushStats | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setError(null);
    pushApi.stats(siteId, { from, to }).then(setStats, (e: unknown) => setError(e instanceof ApiError ? e.message : 'Could not count the pushes'));
  }, [siteId, from, to]);
  const share = stats && stats.pushed > 0 ? Math.round((stats.answeredAfterPush / stats.pushed) * 100) : null;
  return (
    <section class="kpi-card" aria-labelledby="kpi-answered-after-a-push">
      <header class="kpi-card-head">
        <div>
          <h2 id="kpi-answered-after-a-push">Answered after a push</h2>
          <p class="kpi-def">
            Requests of the period that waited long enough for helpers to be called on their phones (Web Push), and those a helper then took and answered.
          </p>
        </div>
      </header>
      {error && <p class="alert">{error}</p>}
      {stats && (
        <dl class="push-answered">
          <div>
            <dt>Requests pushed</dt>
            <dd>{stats.pushed}</dd>
          </div>
          <div>
            <dt>Answered after the push</dt>
            <dd>
              {stats.answeredAfterPush}
              {share !== null && <small> ({share}%)</small>}
            </dd>
          </div>
          <div>
            <dt>By a helper who was called</dt>
            <dd>{stats.answeredByCalled}</dd>
          </div>
        </dl>
      )}
    </section>
  );
}
