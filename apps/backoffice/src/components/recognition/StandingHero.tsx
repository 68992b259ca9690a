import type { GamificationSummary } from '@tribu/protocol/client';
import { Medallion } from './Medallion.tsx';
import { ProgressBar } from './ProgressBar.tsx';
import { pts } from './words.ts';

/** The headline: points to spend, lifetime points, and the tier with the road to the next one. */
interface Props {
  summary: GamificationSummary;
  name: string;
  /** Managers get the way to the settings here. */
  manager: boolean;
}

export function StandingHero({ summary, name, manager }: Props) {
  const { tier } = summary;
  const earnedCount = summary.badges.filter((b) => b.earned).length;
  // The locked badge closest to being earned: a goal within reach is the best nudge.
  const next = summary.badges.filter((b) => !b.earned).sort((a, b) => b.current / b.target - a.current / a.target || a.target - b.target)[0];
  return (
    <section class="hero" aria-labelledby="hero-h">
      <div class="hero-greet">
        <p class="eyebrow">Your recognition</p>
        <h1 id="hero-h">{summary.lifetime > 0 ? `Thank you, ${name}!` : `Welcome, ${name}`}</h1>
        <p class="hero-sub">
          {summary.lifetime > 0
            ? 'Every answered chat counts. Here is what your help has added up to.'
            : 'Answer your first chat to earn your first points and your first badge.'}
        </p>
        {next && (
          <p class="next-goal">
            <Medallion name={next.key} earned size={34} />
            <span>
              Next badge: <strong>{next.name}</strong> — {next.target - next.current} more to go
              <span class="next-crit">{next.description}</span>
            </span>
          </p>
        )}
        {manager && (
          <a class="hero-link" href="/backoffice/manage/recognition">
            Recognition settings
          </a>
        )}
      </div>
      <dl class="hero-stats">
        <div class="stat balance">
          <dt>Balance</dt>
          <dd>
            <span class="num" data-testid="balance">
              {summary.balance.toLocaleString('en')}
            </span>{' '}
            <span class="unit">points to spend</span>
            <a class="spend" href="/backoffice/rewards">
              See rewards <span aria-hidden="true">→</span>
            </a>
          </dd>
        </div>
        <div class="stat">
          <dt>Lifetime</dt>
          <dd>
            <span class="num">{summary.lifetime.toLocaleString('en')}</span> <span class="unit">points earned</span>
          </dd>
        </div>
        <div class="stat">
          <dt>Badges</dt>
          <dd>
            <span class="num">{earnedCount}</span> <span class="unit">of {summary.badges.length}</span>
          </dd>
        </div>
      </dl>
      <div class="tier-card">
        <div class="tier-line">
          <span class="tier-name">
            <span class="tier-label">Tier</span> {tier.name}
          </span>
          {tier.next ? (
            <span class="tier-next">
              <strong>{pts(tier.toNext)}</strong> to {tier.next.name}
            </span>
          ) : (
            <span class="tier-next">Top tier reached — legendary!</span>
          )}
        </div>
        <ProgressBar
          value={tier.progress}
          label={tier.next ? `Progress to ${tier.next.name}` : 'Top tier'}
          text={tier.next ? `${summary.lifetime} / ${tier.next.min}` : undefined}
          tone="gold"
        />
      </div>
    </section>
  );
}
