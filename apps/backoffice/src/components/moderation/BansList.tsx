import { useState } from 'preact/hooks';
import type { BanView } from '@tribu/protocol/client';
import { ApiError } from '../../api/http.ts';
import { moderationApi } from '../../api/moderation.ts';
import { stamp } from '../manage/stamp.ts';
import { ErrorAlert } from '../ErrorAlert.tsx';
import { useI18n } from '../../i18n/index.tsx';

/** The site's bans: active ones with Lift, then the lifted or expired ones. */
export function BansList({ bans, siteId, csrf, onChanged }: { bans: BanView[]; siteId: string; csrf: string; onChanged: () => void }) {
  const { t, f } = useI18n();
  const w = t.manage.moderation;
  const [error, setError] = useState<string | null>(null);
  const lift = async (id: string) => {
    setError(null);
    try {
      await moderationApi.lift(csrf, siteId, id);
      onChanged();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : w.liftFailed);
    }
  };
  const active = bans.filter((b) => b.active);
  const past = bans.filter((b) => !b.active).slice(0, 10);
  return (
    <section class="mod-panel" aria-labelledby="bans-title">
      <h2 id="bans-title">{w.bans}</h2>
      <ErrorAlert message={error} />
      {active.length === 0 ? (
        <p class="muted">{w.nobodyBanned}</p>
      ) : (
        <ul class="mod-bans">
          {active.map((b) => (
            <li key={b.id}>
              <div>
                <strong>{w.visitorId(b.visitorId?.slice(0, 8) ?? '')}</strong>
                {b.byAddress && <span class="mod-chip">{w.plusAddress}</span>}
                <p class="muted">{w.banLine(b.reason, b.until ? w.until(f.date(b.until)) : w.forEver, b.createdByName ?? w.aManager, stamp(f, b.createdAt))}</p>
              </div>
              <button type="button" class="ghost" aria-label={w.liftOn(b.visitorId?.slice(0, 8) ?? '')} onClick={() => void lift(b.id)}>
                {w.lift}
              </button>
            </li>
          ))}
        </ul>
      )}
      {past.length > 0 && (
        <details class="mod-past">
          <summary>{w.pastBans(f.number(past.length))}</summary>
          <ul class="mod-bans">
            {past.map((b) => (
              <li key={b.id}>
                <div>
                  <span>{w.visitorId(b.visitorId?.slice(0, 8) ?? '')}</span>
                  <p class="muted">
                    {b.reason} · {b.liftedAt ? w.liftedBy(b.liftedByName ?? w.aManager, stamp(f, b.liftedAt)) : w.expired}
                  </p>
                </div>
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
