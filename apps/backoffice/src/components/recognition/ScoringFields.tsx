import type { Rules } from '@tribu/protocol/client';

type Scoring = Rules['scoring'];

const FIELDS: { key: keyof Scoring; label: string; hint: string; min: number; max: number }[] = [
  { key: 'pointsPerChat', label: 'Points per answered chat', hint: 'The heart of it: every real answer counts.', min: 0, max: 100 },
  { key: 'goodRatingBonus', label: 'Bonus for a 4–5 star rating', hint: 'When the visitor rates the chat 4 or 5.', min: 0, max: 100 },
  { key: 'fastAnswerBonus', label: 'Bonus for a fast first answer', hint: 'When the first answer comes quickly.', min: 0, max: 100 },
  { key: 'fastAnswerSec', label: 'Fast means within (seconds)', hint: 'From the question to the first answer.', min: 5, max: 3600 },
  { key: 'dailyCapPerVisitor', label: 'Daily cap per visitor (points)', hint: 'No farming one friendly visitor.', min: 1, max: 1000 },
  { key: 'minChatSec', label: 'Minimum chat length (seconds)', hint: 'Shorter chats do not count as answered.', min: 0, max: 3600 },
];

/** The scoring numbers, each with what it means. */
export function ScoringFields({ scoring, onChange }: { scoring: Scoring; onChange: (s: Scoring) => void }) {
  return (
    <section class="panel rec-panel" aria-labelledby="scoring-h">
      <div class="panel-head">
        <h2 id="scoring-h">Scoring</h2>
      </div>
      <div class="scoring-grid">
        {FIELDS.map((f) => (
          <label key={f.key} class="field num-field">
            {f.label}
            <input
              type="number"
              min={f.min}
              max={f.max}
              value={scoring[f.key]}
              onInput={(e) => onChange({ ...scoring, [f.key]: Math.max(f.min, Math.min(f.max, Math.round(Number(e.currentTarget.value) || 0))) })}
            />
            <small class="muted">{f.hint}</small>
          </label>
        ))}
      </div>
    </section>
  );
}
