import { useState } from 'preact/hooks';
import type { LeaderboardPeriod, LeaderboardRow } from '@tribu/protocol/client';
import { useLeaderboard } from '../../hooks/useRecognition.ts';
import type { HelperSocket } from '../../realtime/socket.ts';
import { Avatar } from '../Avatar.tsx';

const PERIODS: { key: LeaderboardPeriod; label: string }[] = [
  { key: 'week', label: 'This week' },
  { key: 'month', label: 'This month' },
  { key: 'all', label: 'All time' },
];
const TOP = 10;

function Row({ row, mine }: { row: LeaderboardRow; mine: boolean }) {
  return (
    <li class={`lb-row ${mine ? 'mine' : ''} ${row.rank <= 3 ? `podium p${row.rank}` : ''}`} aria-current={mine ? 'true' : undefined}>
      <span class="lb-rank">
        <span class="sr-only">Rank </span>
        {row.rank}
      </span>
      <Avatar name={row.displayName} url={row.avatarUrl} size={36} />
      <span class="lb-name">
        <span class="lb-n">{row.displayName}</span>
        {mine && <span class="you">You</span>}
      </span>
      <span class="lb-pts">
        {row.points.toLocaleString('en')} <small aria-hidden="true">pts</small>
        <span class="sr-only"> {row.points === 1 ? 'point' : 'points'}</span>
      </span>
    </li>
  );
}

/** Weekly, monthly and all-time boards; my own row always shows, highlighted, even outside the top. */
export function LeaderboardPanel({ socket, siteId, userId }: { socket: HelperSocket | null; siteId: string; userId: string }) {
  const [period, setPeriod] = useState<LeaderboardPeriod>('week');
  const { board, error } = useLeaderboard(socket, siteId, period);
  const top = board?.rows.slice(0, TOP) ?? [];
  const meOutside = board?.me && !top.some((r) => r.userId === userId) ? board.me : null;
  return (
    <section class="panel rec-panel leaderboard" aria-labelledby="lb-h">
      <div class="panel-head">
        <h2 id="lb-h">Leaderboard</h2>
        <div class="lb-tabs" role="tablist" aria-label="Period">
          {PERIODS.map((p) => (
            <button
              key={p.key}
              type="button"
              role="tab"
              id={`lb-${p.key}`}
              aria-selected={period === p.key}
              aria-controls="lb-list"
              onClick={() => setPeriod(p.key)}
            >
              {p.label}
            </button>
          ))}
        </div>
      </div>
      <div id="lb-list" role="tabpanel" aria-labelledby={`lb-${period}`}>
        {error && <p class="alert">{error}</p>}
        {!board && !error && <p class="muted">Loading…</p>}
        {board && top.length === 0 && <p class="encourage">Nobody has scored yet in this period — the first answered chat takes the lead.</p>}
        {top.length > 0 && (
          <ol class="lb-list">
            {top.map((r) => (
              <Row key={r.userId} row={r} mine={r.userId === userId} />
            ))}
          </ol>
        )}
        {meOutside && (
          <ol class="lb-list me-outside" aria-label="Your place">
            <Row row={meOutside} mine />
          </ol>
        )}
        {board && !board.me && top.length > 0 && <p class="lb-join">You are not on this board yet: answer a chat to join it.</p>}
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
