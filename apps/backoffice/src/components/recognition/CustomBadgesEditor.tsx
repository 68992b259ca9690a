import { BadgeMetric } from '@tribu/domain';
import type { Rules, RulesView } from '@tribu/protocol/client';
import { Medallion } from './Medallion.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { badgeIn } from './built-in.ts';

type Custom = Rules['customBadges'][number];

const slug = (s: string) =>
  s
    .toLowerCase()
    .normalize('NFD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 30) || 'badge';

/** A key from the name, unique among the site's custom badges; kept once the badge exists. */
function keyFor(name: string, taken: string[]): string {
  const base = `custom-${slug(name)}`;
  let key = base;
  for (let n = 2; taken.includes(key); n++) key = `${base}-${n}`;
  return key;
}

interface Props {
  builtIn: RulesView['builtInBadges'];
  badges: Custom[];
  onChange: (b: Custom[]) => void;
}

/** The built-in badges (always on) and the managers' own, from the same criteria vocabulary. */
export function CustomBadgesEditor({ builtIn, badges, onChange }: Props) {
  const { t } = useI18n();
  const w = t.recognition.custom;
  const set = (i: number, patch: Partial<Custom>) => onChange(badges.map((b, j) => (j === i ? { ...b, ...patch } : b)));
  const add = () => {
    const name = w.newBadge;
    onChange([
      ...badges,
      {
        key: keyFor(
          `${name}-${Date.now().toString(36)}`,
          badges.map((b) => b.key),
        ),
        name,
        description: w.newCriterion,
        metric: 'answeredChats',
        target: 25,
      },
    ]);
  };
  return (
    <section class="panel rec-panel" aria-labelledby="cb-h">
      <div class="panel-head">
        <h2 id="cb-h">{w.title}</h2>
        <span class="muted small">{w.public}</span>
      </div>
      <ul class="builtin-badges" aria-label={w.builtIn}>
        {builtIn
          .map((b) => badgeIn(b, t))
          .map((b) => (
            <li key={b.key} title={b.description}>
              <Medallion name={b.key} earned size={30} />
              <span>{b.name}</span>
            </li>
          ))}
      </ul>
      {badges.length === 0 && <p class="muted small">{w.none}</p>}
      <ul class="custom-badges">
        {badges.map((b, i) => (
          <li key={b.key}>
            <Medallion name={b.key} earned size={44} />
            <div class="cb-fields">
              <label class="field">
                {w.name}
                <input value={b.name} maxLength={40} onInput={(e) => set(i, { name: e.currentTarget.value })} />
              </label>
              <label class="field">
                {w.counts}
                <select value={b.metric} onChange={(e) => set(i, { metric: e.currentTarget.value as BadgeMetric })}>
                  {Object.values(BadgeMetric).map((m) => (
                    <option key={m} value={m}>
                      {w.metric[m]}
                    </option>
                  ))}
                </select>
              </label>
              <label class="field">
                {w.target}
                <input
                  type="number"
                  min={1}
                  max={100000}
                  value={b.target}
                  onInput={(e) => set(i, { target: Math.max(1, Math.round(Number(e.currentTarget.value) || 1)) })}
                />
              </label>
              <label class="field crit">
                {w.criterion}
                <input value={b.description} maxLength={120} onInput={(e) => set(i, { description: e.currentTarget.value })} />
              </label>
            </div>
            <button type="button" class="ghost danger small-btn" onClick={() => onChange(badges.filter((_, j) => j !== i))} aria-label={w.removeName(b.name)}>
              {w.remove}
            </button>
          </li>
        ))}
      </ul>
      <button type="button" class="ghost" disabled={badges.length >= 30} onClick={add}>
        {w.add}
      </button>
    </section>
  );
}
