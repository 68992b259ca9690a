import type { Rules } from '@tribu/protocol/client';
import { useI18n } from '../../i18n/index.tsx';

type Tier = Rules['tiers'][number];

/** Tier names and lifetime-point thresholds; add and remove rows (at least one tier stays). */
export function TiersEditor({ tiers, onChange }: { tiers: Tier[]; onChange: (t: Tier[]) => void }) {
  const { t: tr } = useI18n();
  const w = tr.recognition.tiers;
  const set = (i: number, patch: Partial<Tier>) => onChange(tiers.map((t, j) => (j === i ? { ...t, ...patch } : t)));
  const top = tiers.reduce((m, t) => Math.max(m, t.min), 0);
  return (
    <section class="panel rec-panel" aria-labelledby="tiers-h">
      <div class="panel-head">
        <h2 id="tiers-h">{w.title}</h2>
        <span class="muted small">{w.fromLifetime}</span>
      </div>
      <ol class="tier-rows">
        {tiers.map((t, i) => (
          <li key={i}>
            <span class="tier-step" aria-hidden="true">
              {i + 1}
            </span>
            <label class="field">
              <span class="sr-only">{w.name(i + 1)}</span>
              <input value={t.name} maxLength={40} onInput={(e) => set(i, { name: e.currentTarget.value })} aria-label={w.name(i + 1)} />
            </label>
            <label class="field thr">
              <span class="sr-only">{w.from(i + 1)}</span>
              <input
                type="number"
                min={0}
                value={t.min}
                onInput={(e) => set(i, { min: Math.max(0, Math.round(Number(e.currentTarget.value) || 0)) })}
                aria-label={w.from(i + 1)}
              />
            </label>
            <span class="muted small">{w.points}</span>
            <button
              type="button"
              class="ghost danger small-btn"
              disabled={tiers.length <= 1}
              onClick={() => onChange(tiers.filter((_, j) => j !== i))}
              aria-label={w.removeName(t.name || String(i + 1))}
            >
              {w.remove}
            </button>
          </li>
        ))}
      </ol>
      <button type="button" class="ghost" disabled={tiers.length >= 12} onClick={() => onChange([...tiers, { name: w.newTier, min: top + 100 }])}>
        {w.add}
      </button>
    </section>
  );
}
