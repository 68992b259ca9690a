import type { Rules } from '@tribu/protocol/client';
import { useI18n } from '../../i18n/index.tsx';

type Scoring = Rules['scoring'];

const FIELDS: { key: keyof Scoring; min: number; max: number }[] = [
  { key: 'pointsPerChat', min: 0, max: 100 },
  { key: 'goodRatingBonus', min: 0, max: 100 },
  { key: 'fastAnswerBonus', min: 0, max: 100 },
  { key: 'fastAnswerSec', min: 5, max: 3600 },
  { key: 'dailyCapPerVisitor', min: 1, max: 1000 },
  { key: 'minChatSec', min: 0, max: 3600 },
];

/** The scoring numbers, each with what it means. */
export function ScoringFields({ scoring, onChange }: { scoring: Scoring; onChange: (s: Scoring) => void }) {
  const { t } = useI18n();
  const w = t.recognition.scoring;
  return (
    <section class="panel rec-panel" aria-labelledby="scoring-h">
      <div class="panel-head">
        <h2 id="scoring-h">{w.title}</h2>
      </div>
      <div class="scoring-grid">
        {FIELDS.map((f) => (
          <label key={f.key} class="field num-field">
            {w[f.key][0]}
            <input
              type="number"
              min={f.min}
              max={f.max}
              value={scoring[f.key]}
              onInput={(e) => onChange({ ...scoring, [f.key]: Math.max(f.min, Math.min(f.max, Math.round(Number(e.currentTarget.value) || 0))) })}
            />
            <small class="muted">{w[f.key][1]}</small>
          </label>
        ))}
      </div>
    </section>
  );
}
