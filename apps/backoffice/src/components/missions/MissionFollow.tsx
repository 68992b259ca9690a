import { useCallback, useEffect, useState } from 'preact/hooks';
import type { Mission, MissionDetail } from '@tribu/protocol/client';
import { command, type HelperSocket } from '../../realtime/socket.ts';
import { ProgressBar } from '../recognition/ProgressBar.tsx';
import { countWords, goalWords, periodWords, rewardWords } from './mission-words.ts';
import { useI18n } from '../../i18n/index.tsx';

interface Props {
  socket: HelperSocket | null;
  missionId: string;
  onEdit: (m: Mission) => void;
  onChanged: (m: Mission) => void;
}

/** One mission as its managers follow it: who joined, how far each is, evidence to check, close. */
export function MissionFollow({ socket, missionId, onEdit, onChanged }: Props) {
  const { t, f } = useI18n();
  const w = t.community.missions;
  const [detail, setDetail] = useState<MissionDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(async () => {
    if (!socket) return;
    const r = await command(socket, 'mission:detail', { missionId });
    if (!r.ok) return setError(r.error.message);
    setDetail(r.data);
    // The list beside it shows the same mission: keep its counts current too.
    onChanged(r.data.mission);
  }, [socket, missionId, onChanged]);
  useEffect(() => void load(), [load]);
  useEffect(() => {
    if (!socket) return;
    const again = () => void load();
    const evidence = (p: { missionId: string }) => p.missionId === missionId && again();
    socket.on('missions:changed', again);
    socket.on('mission:progressed', again);
    socket.on('mission:evidence', evidence);
    return () => {
      socket.off('missions:changed', again);
      socket.off('mission:progressed', again);
      socket.off('mission:evidence', evidence);
    };
  }, [socket, load]);
  if (error) return <p class="alert">{error}</p>;
  if (!detail) return <p class="muted">{t.common.loading}</p>;
  const m = detail.mission;
  const decide = async (evidenceId: string, action: 'approve' | 'reject') => {
    if (!socket) return;
    const r = await command(socket, 'evidence:decide', { evidenceId, action });
    if (!r.ok) setError(r.error.message);
    await load();
  };
  const close = async () => {
    if (!socket) return;
    const r = await command(socket, 'mission:close', { missionId });
    if (!r.ok) return setError(r.error.message);
    onChanged(r.data.mission);
    await load();
  };
  const joined = detail.participants.filter((p) => p.state === 'joined');
  const aside = detail.participants.length - joined.length;
  const open = m.status === 'open' || m.status === 'upcoming';
  return (
    <section class="mission-follow" aria-labelledby="mf-h">
      <header class="mf-head">
        <div>
          <h2 id="mf-h">{m.title}</h2>
          <p class="muted">
            {goalWords(m.goal, t, f)} · {periodWords(m, f)} · {rewardWords(m, t, f)} · <span class={`mission-status ${m.status}`}>{w.status[m.status]}</span>
          </p>
        </div>
        {open && (
          <div class="mf-actions">
            <button type="button" class="ghost" onClick={() => onEdit(m)}>
              {w.edit}
            </button>
            <button type="button" class="ghost danger" onClick={() => void close()}>
              {w.closeNow}
            </button>
          </div>
        )}
      </header>
      {m.scope === 'community' && <ProgressBar value={m.current / m.target} label={w.sharedProgress(m.title)} text={countWords(m, t, f)} />}
      <h3>{aside ? w.joinedAside(joined.length, aside) : w.joined(joined.length)}</h3>
      {joined.length === 0 ? (
        <p class="muted">{w.nobodyJoined}</p>
      ) : (
        <table class="mf-table">
          <thead>
            <tr>
              <th scope="col">{w.helper}</th>
              <th scope="col">{w.progress}</th>
              <th scope="col">{w.completed}</th>
            </tr>
          </thead>
          <tbody>
            {joined.map((p) => (
              <tr key={p.userId}>
                <td>{p.displayName}</td>
                <td>
                  <ProgressBar
                    value={p.current / m.target}
                    label={w.progressOf(p.displayName)}
                    text={w.count(f.number(p.current), f.number(m.target))}
                    tone="muted"
                  />
                </td>
                <td>{p.completedAt ? f.dayMonth(p.completedAt) : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {m.goal.kind === 'checked' && (
        <>
          <h3>{w.evidence}</h3>
          {detail.evidence.length === 0 && <p class="muted">{w.nothingSent}</p>}
          <ul class="mf-evidence">
            {detail.evidence.map((e) => (
              <li key={e.id} class={`ev ${e.status}`}>
                <div>
                  <strong>{e.user?.displayName ?? w.formerMember}</strong>
                  {e.link && (
                    <a href={e.link} target="_blank" rel="noopener noreferrer nofollow">
                      {e.link}
                    </a>
                  )}
                  {e.text && <p>{e.text}</p>}
                </div>
                {e.status === 'pending' ? (
                  <div class="ev-actions">
                    <button
                      type="button"
                      class="primary small"
                      onClick={() => void decide(e.id, 'approve')}
                      aria-label={e.user ? w.approveOf(e.user.displayName) : w.approveThis}
                    >
                      {w.approve}
                    </button>
                    <button
                      type="button"
                      class="ghost"
                      onClick={() => void decide(e.id, 'reject')}
                      aria-label={e.user ? w.rejectOf(e.user.displayName) : w.rejectThis}
                    >
                      {w.reject}
                    </button>
                  </div>
                ) : (
                  <span class="muted">{w.evidenceStatus[e.status]}</span>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
