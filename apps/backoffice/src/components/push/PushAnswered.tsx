import { useEffect, useState } from 'preact/hooks';
import './device-notifications.css';
import type { PushStats } from '@tribu/protocol/client';
import { ApiError } from '../../api/http.ts';
import { pushApi } from '../../api/push.ts';
import { useI18n } from '../../i18n/index.tsx';

/** Numbers: requests of the period someone was called about by push, and how many were answered after it. */
export function PushAnswered({ siteId, from, to }: { siteId: string; from: string; to: string }) {
  const { t, f } = useI18n();
  const w = t.shell.push;
  const [stats, setStats] = useState<PushStats | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setError(null);
    pushApi.stats(siteId, { from, to }).then(setStats, (e: unknown) => setError(e instanceof ApiError ? e.message : w.cannotCount));
  }, [siteId, from, to]);
  const share = stats && stats.pushed > 0 ? stats.answeredAfterPush / stats.pushed : null;
  return (
    <section class="kpi-card" aria-labelledby="kpi-answered-after-a-push">
      <header class="kpi-card-head">
        <div>
          <h2 id="kpi-answered-after-a-push">{w.answeredTitle}</h2>
          <p class="kpi-def">{w.answeredDef}</p>
        </div>
      </header>
      {error && <p class="alert">{error}</p>}
      {stats && (
        <dl class="push-answered">
          <div>
            <dt>{w.pushed}</dt>
            <dd>{f.number(stats.pushed)}</dd>
          </div>
          <div>
            <dt>{w.answeredAfter}</dt>
            <dd>
              {f.number(stats.answeredAfterPush)}
              {share !== null && <small> ({f.percent(share)})</small>}
            </dd>
          </div>
          <div>
            <dt>{w.byCalled}</dt>
            <dd>{f.number(stats.answeredByCalled)}</dd>
          </div>
        </dl>
      )}
    </section>
  );
}
