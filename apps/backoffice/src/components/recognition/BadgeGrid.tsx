import type { BadgeView } from '@tribu/protocol/client';
import { Medallion } from './Medallion.tsx';
import { ProgressBar } from './ProgressBar.tsx';
import { dayText } from './words.ts';

const milestone = (key: string) => /^chats-(\d+)$/.exec(key)?.[1];

/** Earned badges first, in colour with their date; locked ones greyed with the public criterion and progress. */
export function BadgeGrid({ badges }: { badges: BadgeView[] }) {
  const sorted = [...badges].sort((a, b) => Number(b.earned) - Number(a.earned) || b.current / b.target - a.current / a.target);
  const earned = badges.filter((b) => b.earned).length;
  return (
    <section class="panel rec-panel" aria-labelledby="badges-h">
      <div class="panel-head">
        <h2 id="badges-h">Badges</h2>
        <span class="muted small">{earned ? `${earned} earned · criteria are public` : 'Criteria are public: here is how to earn each one'}</span>
      </div>
      {earned === 0 && <p class="encourage">Answer your first chat to earn your first badge.</p>}
      <ul class="badge-grid">
        {sorted.map((b) => (
          <li key={b.key} class={`badge-tile ${b.earned ? 'earned' : 'locked'}`} aria-label={`${b.name}: ${b.earned ? 'earned' : 'locked'}`}>
            <Medallion name={b.key} earned={b.earned} label={milestone(b.key)} />
            <strong class="badge-name">{b.name}</strong>
            <span class="badge-crit">{b.description}</span>
            {b.earned ? (
              <span class="badge-date">{b.earnedAt ? `Earned ${dayText(b.earnedAt)}` : 'Earned'}</span>
            ) : (
              <ProgressBar value={b.current / b.target} label={`Progress to ${b.name}`} text={`${Math.min(b.current, b.target)} / ${b.target}`} tone="muted" />
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
