import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { relativeChange, type KpiDefinitionKey } from '@tribu/domain';
import type { KpiReport } from '@tribu/protocol/client';
import { HintButton, HintText } from './Hint.tsx';
import { fmtDuration, fmtFte, fmtHours, fmtInt, fmtPct, fmtRating } from './format.ts';

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
  if (now === null || before === null) return <p class="kpi-change">No comparison with the previous {days} days</p>;
  const delta = kind === 'points' ? (now - before) * 100 : relativeChange(now, before);
  if (delta === null) return <p class="kpi-change">Nothing in the previous {days} days</p>;
  const rounded = Math.round(delta * (kind === 'points' ? 1 : 100));
  if (rounded === 0) return <p class="kpi-change">Same as the previous {days} days</p>;
  const good = rounded > 0 === (better === 'up');
  const text = kind === 'points' ? `${Math.abs(rounded)} pts` : `${Math.abs(rounded)}%`;
  return (
    <p class={`kpi-change ${good ? 'good' : 'bad'}`}>
      <span aria-hidden="true">{rounded > 0 ? '▲' : '▼'}</span> {rounded > 0 ? 'up' : 'down'} {text} vs previous {days} days
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
  const s = report.summary;
  const p = report.previous.summary;
  const d = report.days;
  const avgChatMin = s.answered > 0 ? Math.round((s.chatHours * 60) / s.answered) : null;
  return (
    <div class="kpi-tiles">
      <Tile
        name="Requests"
        hint="requests"
        value={fmtInt(s.requests)}
        testId="requests"
        sub={
          <p>
            <span data-testid="answered">{fmtInt(s.answered)}</span> answered · <span data-testid="missed">{fmtInt(s.missed)}</span> missed ·{' '}
            <span data-testid="abandoned">{fmtInt(s.abandoned)}</span> abandoned
          </p>
        }
      >
        <Change now={s.requests} before={p.requests} better="up" days={d} />
      </Tile>
      <Tile
        name="Answer rate"
        hint="answerRate"
        value={fmtPct(s.answerRate)}
        testId="answer-rate"
        sub={
          <p>
            {fmtInt(s.answered)} of {fmtInt(s.requests)} requests
          </p>
        }
      >
        <Change now={s.answerRate} before={p.answerRate} better="up" kind="points" days={d} />
      </Tile>
      <Tile
        name="First answer"
        hint="firstAnswer"
        value={fmtDuration(s.medianFirstAnswerSec)}
        testId="median-first-answer"
        sub={
          <p>
            median · 9 in 10 within <span data-testid="p90-first-answer">{fmtDuration(s.p90FirstAnswerSec)}</span>
          </p>
        }
      >
        <Change now={s.medianFirstAnswerSec} before={p.medianFirstAnswerSec} better="down" days={d} />
      </Tile>
      <Tile
        name="Chat hours"
        hint="chatHours"
        value={fmtHours(s.chatHours)}
        testId="chat-hours"
        sub={
          <p>
            ≈ <strong data-testid="fte">{fmtFte(s.fte)} FTE</strong>
            {avgChatMin !== null && (
              <>
                {' '}
                · {fmtInt(s.answered)} chats × {avgChatMin} min
              </>
            )}{' '}
            · median chat <span data-testid="median-chat">{fmtDuration(s.medianChatSec)}</span>
          </p>
        }
      >
        <Change now={s.chatHours} before={p.chatHours} better="up" days={d} />
      </Tile>
      <Tile
        name="Rating"
        hint="rating"
        value={s.ratingAverage === null ? '—' : `${fmtRating(s.ratingAverage)} ★`}
        testId="rating-average"
        sub={
          <p>
            <span data-testid="rated-share">{fmtPct(s.ratedShare)}</span> of answered chats rated ({fmtInt(s.rated)})
          </p>
        }
      >
        <Change now={s.ratingAverage} before={p.ratingAverage} better="up" days={d} />
      </Tile>
      <Tile
        name="Active helpers"
        hint="activeHelpers"
        value={fmtInt(report.helpers.active)}
        testId="active-helpers"
        sub={
          <p>
            <span data-testid="new-helpers">{fmtInt(report.helpers.new)}</span> new ·{' '}
            <span data-testid="inactive-helpers">{fmtInt(report.helpers.inactive)}</span> to re-engage
          </p>
        }
      >
        <Change now={report.helpers.active} before={report.previous.activeHelpers} better="up" days={d} />
      </Tile>
    </div>
  );
}
