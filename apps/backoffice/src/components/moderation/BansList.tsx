import { useState } from 'preact/hooks';
import type { BanView } from '@tribu/protocol/client';
import { ApiError } from '../../api/http.ts';
import { moderationApi } from '../../api/moderation.ts';
import { stamp, untilText } from './words.ts';
import { ErrorAlert } from '../ErrorAlert.tsx';

/** The site's bans: active ones with Lift, then the lifted or expired ones. */
export function BansList({ bans, siteId, csrf, onChanged }: { bans: BanView[]; siteId: string; csrf: string; onChanged: () => void }) {
  const [error, setError] = useState<string | null>(null);
  const lift = async (id: string) => {
    setError(null);
    try {
      await moderationApi.lift(csrf, siteId, id);
      onChanged();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : 'Could not lift the ban; please retry.');
    }
  };
  const active = bans.filter((b) => b.active);
  const past = bans.filter((b) => !b.active).slice(0, 10);
  return (
    <section class="mod-panel" aria-labelledby="bans-title">
      <h2 id="bans-title">Bans</h2>
      <ErrorAlert message={error} />
      {active.length === 0 ? (
        <p class="muted">Nobody is banned.</p>
      ) : (
        <ul class="mod-bans">
          {active.map((b) => (
            <li key={b.id}>
              <div>
                <strong>Visitor {b.visitorId?.slice(0, 8) ?? ''}</strong>
                {b.byAddress && <span class="mod-chip">+ network address</span>}
                <p class="muted">
                  {b.reason} · {untilText(b.until)} · by {b.createdByName ?? 'a manager'}, {stamp(b.createdAt)}
                </p>
              </div>
              <button type="button" class="ghost" aria-label={`Lift the ban on visitor ${b.visitorId?.slice(0, 8) ?? ''}`} onClick={() => void lift(b.id)}>
                Lift
              </button>
            </li>
          ))}
        </ul>
      )}
      {past.length > 0 && (
        <details class="mod-past">
          <summary>Lifted or expired ({past.length})</summary>
          <ul class="mod-bans">
            {past.map((b) => (
              <li key={b.id}>
                <div>
                  <span>Visitor {b.visitorId?.slice(0, 8) ?? ''}</span>
                  <p class="muted">
                    {b.reason} · {b.liftedAt ? `lifted by ${b.liftedByName ?? 'a manager'} ${stamp(b.liftedAt)}` : 'expired'}
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
