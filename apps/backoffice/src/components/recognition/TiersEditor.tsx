import type { Rules } from '@tribu/protocol/client';

type Tier = Rules['tiers'][number];

/** Tier names and lifetime-point thresholds; add and remove rows (at least one tier stays). */
export function TiersEditor({ tiers, onChange }: { tiers: Tier[]; onChange: (t: Tier[]) => void }) {
  const set = (i: number, patch: Partial<Tier>) => onChange(tiers.map((t, j) => (j === i ? { ...t, ...patch } : t)));
  const top = tiers.reduce((m, t) => Math.max(m, t.min), 0);
  return (
    <section class="panel rec-panel" aria-labelledby="tiers-h">
      <div class="panel-head">
        <h2 id="tiers-h">Tiers</h2>
        <span class="muted small">From lifetime points</span>
      </div>
      <ol class="tier-rows">
        {tiers.map((t, i) => (
          <li key={i}>
            <span class="tier-step" aria-hidden="true">
              {i + 1}
            </span>
            <label class="field">
              <span class="sr-only">Tier {i + 1} name</span>
              <input value={t.name} maxLength={40} onInput={(e) => set(i, { name: e.currentTarget.value })} aria-label={`Tier ${i + 1} name`} />
            </label>
            <label class="field thr">
              <span class="sr-only">Tier {i + 1} from (points)</span>
              <input
                type="number"
                min={0}
                value={t.min}
                onInput={(e) => set(i, { min: Math.max(0, Math.round(Number(e.currentTarget.value) || 0)) })}
                aria-label={`Tier ${i + 1} from (points)`}
              />
            </label>
            <span class="muted small">points</span>
            <button
              type="button"
              class="ghost danger small-btn"
              disabled={tiers.length <= 1}
              onClick={() => onChange(tiers.filter((_, j) => j !== i))}
              aria-label={`Remove tier ${t.name || i + 1}`}
            >
              Remove
            </button>
          </li>
        ))}
      </ol>
      <button type="button" class="ghost" disabled={tiers.length >= 12} onClick={() => onChange([...tiers, { name: 'New tier', min: top + 100 }])}>
        Add a tier
      </button>
    </section>
  );
}
