import type { BadgeView } from '@tribu/protocol/client';
import { Medallion } from './Medallion.tsx';
import { ProgressBar } from './ProgressBar.tsx';
import { dayText } from './words.ts';
import { useI18n } from '../../i18n/index.tsx';

const milestone = (key: string) => /^chats-(\d+)$/.exec(key)?.[1];

/** Earned badges first, in colour with their date; locked ones greyed with the public criterion and progress. */
export function BadgeGrid({ badges }: { badges: BadgeView[] }) {
  const i18n = useI18n();
  const { t, f } = i18n;
  const w = t.recognition.badges;
  const sorted = [...badges].sort((a, b) => Number(b.earned) - Number(a.earned) || b.current / b.target - a.current / a.target);
  const earned = badges.filter((b) => b.earned).length;
  return (
    <section class="panel rec-panel" aria-labelledby="badges-h">
      <div class="panel-head">
        <h2 id="badges-h">{w.title}</h2>
        <span class="muted small">{earned ? f.plural(earned, w.earnedCount) : w.howTo}</span>
      </div>
      {earned === 0 && <p class="encourage">{w.first}</p>}
      <ul class="badge-grid">
        {sorted.map((b) => (
          <li key={b.key} class={`badge-tile ${b.earned ? 'earned' : 'locked'}`} aria-label={b.earned ? w.earnedLabel(b.name) : w.lockedLabel(b.name)}>
            <Medallion name={b.key} earned={b.earned} label={milestone(b.key)} />
            <strong class="badge-name">{b.name}</strong>
            <span class="badge-crit">{b.description}</span>
            {b.earned ? (
              <span class="badge-date">{b.earnedAt ? w.earnedOn(dayText(b.earnedAt, i18n)) : w.earned}</span>
            ) : (
              <ProgressBar
                value={b.current / b.target}
                label={t.recognition.hero.progressTo(b.name)}
                text={`${f.number(Math.min(b.current, b.target))} / ${f.number(b.target)}`}
                tone="muted"
              />
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
