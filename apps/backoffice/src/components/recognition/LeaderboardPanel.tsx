import { useState } from 'preact/hooks';
import type { LeaderboardPeriod, LeaderboardRow } from '@tribu/protocol/client';
import { useLeaderboard } from '../../hooks/useRecognition.ts';
import type { HelperSocket } from '../../realtime/socket.ts';
import { Avatar } from '../Avatar.tsx';
import { useI18n } from '../../i18n/index.tsx';

const PERIODS: LeaderboardPeriod[] = ['week', 'month', 'all'];
const TOP = 10;

function Row({ row, mine }: { row: LeaderboardRow; mine: boolean }) {
  const { t, f } = useI18n();
  return (
    <li class={`lb-row ${mine ? 'mine' : ''} ${row.rank <= 3 ? `podium p${row.rank}` : ''}`} aria-current={mine ? 'true' : undefined}>
      <span class="lb-rank">
        <span class="sr-only">{t.recognition.board.rank}</span>
        {row.rank}
      </span>
      <Avatar name={row.displayName} url={row.avatarUrl} size={36} />
      <span class="lb-name">
        <span class="lb-n">{row.displayName}</span>
        {mine && <span class="you">{t.recognition.board.you}</span>}
      </span>
      <span class="lb-pts">
        {f.number(row.points)} <small aria-hidden="true">{t.recognition.ptsUnit}</small>
        <span class="sr-only"> {f.plural(row.points, t.recognition.pointsWord)}</span>
      </span>
    </li>
  );
}

/** Weekly, monthly and all-time boards; my own row always shows, highlighted, even outside the top. */
export function LeaderboardPanel({ socket, siteId, userId }: { socket: HelperSocket | null; siteId: string; userId: string }) {
  const { t } = useI18n();
  const w = t.recognition.board;
  const [period, setPeriod] = useState<LeaderboardPeriod>('week');
  const { board, error } = useLeaderboard(socket, siteId, period);
  const top = board?.rows.slice(0, TOP) ?? [];
  const meOutside = board?.me && !top.some((r) => r.userId === userId) ? board.me : null;
  return (
    <section class="panel rec-panel leaderboard" aria-labelledby="lb-h">
      <div class="panel-head">
        <h2 id="lb-h">{w.title}</h2>
        <div class="lb-tabs" role="tablist" aria-label={w.period}>
          {PERIODS.map((p) => (
            <button key={p} type="button" role="tab" id={`lb-${p}`} aria-selected={period === p} aria-controls="lb-list" onClick={() => setPeriod(p)}>
              {w[p]}
            </button>
          ))}
        </div>
      </div>
      <div id="lb-list" role="tabpanel" aria-labelledby={`lb-${period}`}>
        {error && <p class="alert">{error}</p>}
        {!board && !error && <p class="muted">{t.recognition.loading}</p>}
        {board && top.length === 0 && <p class="encourage">{w.empty}</p>}
        {top.length > 0 && (
          <ol class="lb-list">
            {top.map((r) => (
              <Row key={r.userId} row={r} mine={r.userId === userId} />
            ))}
          </ol>
        )}
        {meOutside && (
          <ol class="lb-list me-outside" aria-label={w.yourPlace}>
            <Row row={meOutside} mine />
          </ol>
        )}
        {board && !board.me && top.length > 0 && <p class="lb-join">{w.notYet}</p>}
        {board && (
          <p class="tie-note">
            <span class="i" aria-hidden="true">
              i
            </span>{' '}
            {board.tieRule}
          </p>
        )}
      </div>
    </section>
  );
}
