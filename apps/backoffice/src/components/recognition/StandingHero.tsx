import type { GamificationSummary } from '@tribu/protocol/client';
import { Medallion } from './Medallion.tsx';
import { ProgressBar } from './ProgressBar.tsx';
import { pts } from './words.ts';
import { useI18n } from '../../i18n/index.tsx';

/** The headline: points to spend, lifetime points, and the tier with the road to the next one. */
interface Props {
  summary: GamificationSummary;
  name: string;
  /** Managers get the way to the settings here. */
  manager: boolean;
}

export function StandingHero({ summary, name, manager }: Props) {
  const i18n = useI18n();
  const { t, f } = i18n;
  const h = t.recognition.hero;
  const { tier } = summary;
  const earnedCount = summary.badges.filter((b) => b.earned).length;
  // The locked badge closest to being earned: a goal within reach is the best nudge.
  const next = summary.badges.filter((b) => !b.earned).sort((a, b) => b.current / b.target - a.current / a.target || a.target - b.target)[0];
  return (
    <section class="hero" aria-labelledby="hero-h">
      <div class="hero-greet">
        <p class="eyebrow">{h.eyebrow}</p>
        <h1 id="hero-h">{summary.lifetime > 0 ? h.thanks(name) : h.welcome(name)}</h1>
        <p class="hero-sub">{summary.lifetime > 0 ? h.subThanks : h.subFirst}</p>
        {next && (
          <p class="next-goal">
            <Medallion name={next.key} earned size={34} />
            <span>
              {h.nextBadge} <strong>{next.name}</strong> — {h.moreToGo(next.target - next.current)}
              <span class="next-crit">{next.description}</span>
            </span>
          </p>
        )}
        {manager && (
          <a class="hero-link" href="/backoffice/manage/recognition">
            {h.settings}
          </a>
        )}
      </div>
      <dl class="hero-stats">
        <div class="stat balance">
          <dt>{h.balance}</dt>
          <dd>
            <span class="num" data-testid="balance">
              {f.number(summary.balance)}
            </span>{' '}
            <span class="unit">{h.toSpend}</span>
            <a class="spend" href="/backoffice/rewards">
              {h.seeRewards} <span aria-hidden="true">→</span>
            </a>
          </dd>
        </div>
        <div class="stat">
          <dt>{h.lifetime}</dt>
          <dd>
            <span class="num">{f.number(summary.lifetime)}</span> <span class="unit">{h.earned}</span>
          </dd>
        </div>
        <div class="stat">
          <dt>{h.badges}</dt>
          <dd>
            <span class="num">{f.number(earnedCount)}</span> <span class="unit">{h.of(summary.badges.length)}</span>
          </dd>
        </div>
      </dl>
      <div class="tier-card">
        <div class="tier-line">
          <span class="tier-name">
            <span class="tier-label">{h.tier}</span> {tier.name}
          </span>
          {tier.next ? (
            <span class="tier-next">
              <strong>{pts(tier.toNext, i18n)}</strong> {h.toNext(tier.next.name)}
            </span>
          ) : (
            <span class="tier-next">{h.topReached}</span>
          )}
        </div>
        <ProgressBar
          value={tier.progress}
          label={tier.next ? h.progressTo(tier.next.name) : h.topTier}
          text={tier.next ? `${f.number(summary.lifetime)} / ${f.number(tier.next.min)}` : undefined}
          tone="gold"
        />
      </div>
    </section>
  );
}
