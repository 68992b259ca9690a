import { useState } from 'preact/hooks';
import type { Mission } from '@tribu/protocol/client';
import { useMissions } from '../../hooks/useMissions.ts';
import type { HelperSocket } from '../../realtime/socket.ts';
import { ProgressBar } from '../recognition/ProgressBar.tsx';
import { EvidenceForm } from './EvidenceForm.tsx';
import { countWords, goalWords, periodWords, rewardWords } from './mission-words.ts';
import { useI18n } from '../../i18n/index.tsx';

interface Props {
  socket: HelperSocket | null;
  siteId: string;
}

/**
 * The desk's missions: what the managers invite helpers to do for a while. Opt-in: joining is one
 * click, so is "Not for me", and a mission set aside stays out of sight (nothing reminds or counts down).
 */
export function MissionsPanel({ socket, siteId }: Props) {
  const { t } = useI18n();
  const w = t.community.missions;
  const { missions, error, respond } = useMissions(socket, siteId, 'open');
  const [showAside, setShowAside] = useState(false);
  const [said, setSaid] = useState<string | null>(null);
  if (!missions || missions.length === 0) return null;
  const aside = missions.filter((m) => m.me?.state === 'ignored');
  const shown = missions.filter((m) => m.me?.state !== 'ignored' || showAside);
  const answer = async (m: Mission, response: 'join' | 'ignore') => {
    const problem = await respond(m.id, response);
    setSaid(problem ?? (response === 'join' ? w.joinedMsg(m.title) : w.setAsideMsg(m.title)));
  };
  return (
    <section class="missions" aria-labelledby="missions-h">
      <header class="missions-head">
        <h2 id="missions-h">{w.title}</h2>
        <p class="muted">{w.optional}</p>
      </header>
      {error && <p class="alert">{error}</p>}
      <ul class="missions-list">
        {shown.map((m) => (
          <MissionCard key={m.id} m={m} socket={socket} onAnswer={(r) => void answer(m, r)} />
        ))}
      </ul>
      <footer class="missions-foot">
        <span role="status" class="muted">
          {said}
        </span>
        {aside.length > 0 && (
          <button type="button" class="link" aria-expanded={showAside} onClick={() => setShowAside((v) => !v)}>
            {showAside ? w.hideAside : w.showAside(aside.length)}
          </button>
        )}
      </footer>
    </section>
  );
}

function MissionCard({ m, socket, onAnswer }: { m: Mission; socket: HelperSocket | null; onAnswer: (r: 'join' | 'ignore') => void }) {
  const { t, f } = useI18n();
  const w = t.community.missions;
  const joined = m.me?.state === 'joined';
  const done = m.me?.completedAt != null;
  const mine = m.scope === 'community' ? (m.me?.current ?? 0) : null;
  return (
    <li class={`mission-card${done ? ' is-done' : ''}`}>
      <div class="mission-main">
        <h3>{m.title}</h3>
        <p class="mission-goal">
          {goalWords(m.goal, t, f)}
          {m.scope === 'community' && <span class="mission-tag">{w.together}</span>}
        </p>
        {m.why && <p class="mission-why muted">{m.why}</p>}
        <p class="mission-meta muted">
          {periodWords(m, f)} · {rewardWords(m, t, f)}
          {m.status === 'upcoming' && ` · ${w.startsSoon}`}
        </p>
      </div>
      {joined ? (
        <div class="mission-progress">
          <ProgressBar value={m.target ? m.current / m.target : 0} label={w.progressOn(m.title)} text={countWords(m, t, f)} tone={done ? 'brand' : 'muted'} />
          {mine !== null && !done && <p class="muted mission-mine">{w.yourPart(f.number(mine))}</p>}
          {done && <p class="mission-done">{w.doneEarned(rewardWords(m, t, f))}</p>}
          {!done && m.goal.kind === 'checked' && <EvidenceForm socket={socket} mission={m} />}
          {!done && (
            <button type="button" class="link mission-leave" onClick={() => onAnswer('ignore')} aria-label={w.leaveOf(m.title)}>
              {w.leave}
            </button>
          )}
        </div>
      ) : (
        <div class="mission-actions">
          <button type="button" class="primary small" onClick={() => onAnswer('join')} aria-label={w.joinOf(m.title)}>
            {w.join}
          </button>
          {m.me?.state !== 'ignored' && (
            <button type="button" class="ghost" onClick={() => onAnswer('ignore')} aria-label={w.notForMeOf(m.title)}>
              {w.notForMe}
            </button>
          )}
        </div>
      )}
    </li>
  );
}
