import { useCallback, useEffect, useState } from 'preact/hooks';
import type { Mission, MissionDetail } from '@tribu/protocol/client';
import { command, type HelperSocket } from '../../realtime/socket.ts';
import { ProgressBar } from '../recognition/ProgressBar.tsx';
import { countWords, goalWords, periodWords, rewardWords } from './mission-words.ts';

interface Props {
  socket: HelperSocket | null;
  missionId: string;
  onEdit: (m: Mission) => void;
  onChanged: (m: Mission) => void;
}

/** One mission as its managers follow it: who joined, how far each is, evidence to check, close. */
export function MissionFollow({ socket, missionId, onEdit, onChanged }: Props) {
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
  if (!detail) return <p class="muted">Loading…</p>;
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
            {goalWords(m.goal)} · {periodWords(m)} · {rewardWords(m)} · <span class={`mission-status ${m.status}`}>{m.status}</span>
          </p>
        </div>
        {open && (
          <div class="mf-actions">
            <button type="button" class="ghost" onClick={() => onEdit(m)}>
              Edit
            </button>
            <button type="button" class="ghost danger" onClick={() => void close()}>
              Close now
            </button>
          </div>
        )}
      </header>
      {m.scope === 'community' && <ProgressBar value={m.current / m.target} label={`Shared progress on “${m.title}”`} text={countWords(m)} />}
      <h3>
        {joined.length} joined{aside ? ` · ${aside} said not for them` : ''}
      </h3>
      {joined.length === 0 ? (
        <p class="muted">Nobody has joined yet.</p>
      ) : (
        <table class="mf-table">
          <thead>
            <tr>
              <th scope="col">Helper</th>
              <th scope="col">Progress</th>
              <th scope="col">Completed</th>
            </tr>
          </thead>
          <tbody>
            {joined.map((p) => (
              <tr key={p.userId}>
                <td>{p.displayName}</td>
                <td>
                  <ProgressBar value={p.current / m.target} label={`${p.displayName}'s progress`} text={`${p.current} of ${m.target}`} tone="muted" />
                </td>
                <td>{p.completedAt ? new Date(p.completedAt).toLocaleDateString('en-GB', { day: 'numeric', month: 'short' }) : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {m.goal.kind === 'checked' && (
        <>
          <h3>Evidence</h3>
          {detail.evidence.length === 0 && <p class="muted">Nothing sent yet.</p>}
          <ul class="mf-evidence">
            {detail.evidence.map((e) => (
              <li key={e.id} class={`ev ${e.status}`}>
                <div>
                  <strong>{e.user?.displayName ?? 'Former member'}</strong>
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
                      aria-label={`Approve ${e.user?.displayName ?? 'this'}'s evidence`}
                    >
                      Approve
                    </button>
                    <button
                      type="button"
                      class="ghost"
                      onClick={() => void decide(e.id, 'reject')}
                      aria-label={`Reject ${e.user?.displayName ?? 'this'}'s evidence`}
                    >
                      Reject
                    </button>
                  </div>
                ) : (
                  <span class="muted">{e.status}</span>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
