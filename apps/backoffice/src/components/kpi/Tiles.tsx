import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { relativeChange, type KpiDefinitionKey } from '@tribu/domain';
import type { KpiReport } from '@tribu/protocol/client';
import { HintButton, HintText } from './Hint.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { fmtDuration, fmtFte, fmtHours, fmtPct, fmtRating } from './format.ts';

type Better = 'up' | 'down';

/** "▲ 12% vs previous 30 days", coloured by whether that is good (arrow and words carry it too). */
function Change({
  now,
  before,
  better,
  kind = 'relative',
  days,
}: {
  now: number | null;
  before: number | null;
  better: Better;
  kind?: 'relative' | 'points';
  days: number;
}) {
  const { t, f } = useI18n();
  const w = t.manage.numbers;
  if (now === null || before === null) return <p class="kpi-change">{w.noComparison(days)}</p>;
  const delta = kind === 'points' ? (now - before) * 100 : relativeChange(now, before);
  if (delta === null) return <p class="kpi-change">{w.nothingBefore(days)}</p>;
  const rounded = Math.round(delta * (kind === 'points' ? 1 : 100));
  if (rounded === 0) return <p class="kpi-change">{w.sameAsBefore(days)}</p>;
  const good = rounded > 0 === (better === 'up');
  const text = kind === 'points' ? w.points(f.number(Math.abs(rounded))) : f.percent(Math.abs(rounded) / 100);
  return (
    <p class={`kpi-change ${good ? 'good' : 'bad'}`}>
      <span aria-hidden="true">{rounded > 0 ? '▲' : '▼'}</span> {rounded > 0 ? w.up(text, days) : w.down(text, days)}
    </p>
  );
}

function Tile({
  name,
  hint: of,
  value,
  testId,
  sub,
  children,
}: {
  name: string;
  hint: KpiDefinitionKey;
  value: string;
  testId: string;
  sub?: ComponentChildren;
  children?: ComponentChildren;
}) {
  const id = `tile-${testId}`;
  const [hint, setHint] = useState(false);
  return (
    <div class="kpi-tile" role="group" aria-labelledby={id}>
      <div class="kpi-tile-head">
        <h3 id={id}>{name}</h3>
        <HintButton name={name} open={hint} onToggle={() => setHint(!hint)} />
      </div>
      {hint && <HintText of={of} />}
      <p class="kpi-value" data-testid={testId}>
        {value}
      </p>
      {sub && <div class="kpi-sub">{sub}</div>}
      {children}
    </div>
  );
}

/** The six headline figures, each with its definition and the change from the previous period. */
export function Tiles({ report }: { report: KpiReport }) {
  const { t, f } = useI18n();
  const w = t.manage.numbers;
  const s = report.summary;
  const p = report.previous.summary;
  const d = report.days;
  const avgChatMin = s.answered > 0 ? Math.round((s.chatHours * 60) / s.answered) : null;
  return (
    <div class="kpi-tiles">
      <Tile
        name={w.tileRequests}
        hint="requests"
        value={f.number(s.requests)}
        testId="requests"
        sub={
          <p>
            <span data-testid="answered">{f.number(s.answered)}</span> {w.answeredAfter} · <span data-testid="missed">{f.number(s.missed)}</span>{' '}
            {w.missedAfter} · <span data-testid="abandoned">{f.number(s.abandoned)}</span> {w.abandonedAfter}
          </p>
        }
      >
        <Change now={s.requests} before={p.requests} better="up" days={d} />
      </Tile>
      <Tile
        name={w.tileAnswerRate}
        hint="answerRate"
        value={fmtPct(f, s.answerRate)}
        testId="answer-rate"
        sub={<p>{w.ofRequests(f.number(s.answered), f.number(s.requests))}</p>}
      >
        <Change now={s.answerRate} before={p.answerRate} better="up" kind="points" days={d} />
      </Tile>
      <Tile
        name={w.tileFirstAnswer}
        hint="firstAnswer"
        value={fmtDuration(f, s.medianFirstAnswerSec)}
        testId="median-first-answer"
        sub={
          <p>
            {w.medianWithin} <span data-testid="p90-first-answer">{fmtDuration(f, s.p90FirstAnswerSec)}</span>
          </p>
        }
      >
        <Change now={s.medianFirstAnswerSec} before={p.medianFirstAnswerSec} better="down" days={d} />
      </Tile>
      <Tile
        name={w.tileChatHours}
        hint="chatHours"
        value={fmtHours(f, s.chatHours)}
        testId="chat-hours"
        sub={
          <p>
            ≈ <strong data-testid="fte">{w.fte(fmtFte(f, s.fte))}</strong>
            {avgChatMin !== null && <> · {w.chatsTimes(f.number(s.answered), f.number(avgChatMin))}</>} · {w.medianChat}{' '}
            <span data-testid="median-chat">{fmtDuration(f, s.medianChatSec)}</span>
          </p>
        }
      >
        <Change now={s.chatHours} before={p.chatHours} better="up" days={d} />
      </Tile>
      <Tile
        name={w.tileRating}
        hint="rating"
        value={s.ratingAverage === null ? '—' : `${fmtRating(f, s.ratingAverage)} ★`}
        testId="rating-average"
        sub={
          <p>
            <span data-testid="rated-share">{fmtPct(f, s.ratedShare)}</span> {w.ratedAfter(f.number(s.rated))}
          </p>
        }
      >
        <Change now={s.ratingAverage} before={p.ratingAverage} better="up" days={d} />
      </Tile>
      <Tile
        name={w.tileActiveHelpers}
        hint="activeHelpers"
        value={f.number(report.helpers.active)}
        testId="active-helpers"
        sub={
          <p>
            <span data-testid="new-helpers">{f.number(report.helpers.new)}</span> {w.newAfter} ·{' '}
            <span data-testid="inactive-helpers">{f.number(report.helpers.inactive)}</span> {w.reengageAfter}
          </p>
        }
      >
        <Change now={report.helpers.active} before={report.previous.activeHelpers} better="up" days={d} />
      </Tile>
    </div>
  );
}
