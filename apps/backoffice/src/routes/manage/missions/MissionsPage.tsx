import { useState } from 'preact/hooks';
import type { Me, Mission } from '@tribu/protocol/client';
import { ManageShell } from '../../../components/manage/ManageShell.tsx';
import { MissionEditor } from '../../../components/missions/MissionEditor.tsx';
import { MissionFollow } from '../../../components/missions/MissionFollow.tsx';
import { countWords, goalWords, periodWords } from '../../../components/missions/mission-words.ts';
import { useI18n } from '../../../i18n/index.tsx';
import { useMissions } from '../../../hooks/useMissions.ts';
import type { HelperSocket } from '../../../realtime/socket.ts';

interface Props {
  me: Me;
  onSignedOut: () => void;
}

/** Managers: create missions and follow them (who joined, progress, evidence to approve). */
export function MissionsPage({ me, onSignedOut }: Props) {
  const { t } = useI18n();
  return (
    <ManageShell me={me} onSignedOut={onSignedOut} title={t.community.missions.title}>
      {(siteId, socket) => <Missions key={siteId} me={me} siteId={siteId} socket={socket} />}
    </ManageShell>
  );
}

function Missions({ me, siteId, socket }: { me: Me; siteId: string; socket: HelperSocket | null }) {
  const { t, f } = useI18n();
  const w = t.community.missions;
  const { missions, error, replace } = useMissions(socket, siteId, 'all');
  const [editing, setEditing] = useState<Mission | 'new' | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const topics = me.memberships.find((m) => m.siteId === siteId)?.topics ?? [];
  return (
    <div class="missions-page">
      <div class="mp-list">
        <div class="mp-head">
          <h2>{w.title}</h2>
          <button type="button" class="primary small" onClick={() => setEditing('new')}>
            {w.newMission}
          </button>
        </div>
        <p class="muted">{w.pageHint}</p>
        {error && <p class="alert">{error}</p>}
        {missions?.length === 0 && <p class="muted">{w.noneYet}</p>}
        <ul>
          {(missions ?? []).map((m) => (
            <li key={m.id}>
              <button type="button" class="mp-item" aria-current={selected === m.id ? 'true' : undefined} onClick={() => (setSelected(m.id), setEditing(null))}>
                <strong>{m.title}</strong>
                <span class="muted">
                  {goalWords(m.goal, t, f)} · {periodWords(m, f)}
                </span>
                <span class="muted">
                  <span class={`mission-status ${m.status}`}>{w.status[m.status]}</span> · {w.joined(m.participants)}
                  {m.scope === 'community' ? ` · ${countWords(m, t, f)}` : ''}
                </span>
              </button>
            </li>
          ))}
        </ul>
      </div>
      <div class="mp-body">
        {editing ? (
          <MissionEditor
            key={editing === 'new' ? 'new' : editing.id}
            socket={socket}
            siteId={siteId}
            topics={topics}
            editing={editing === 'new' ? null : editing}
            onSaved={(m) => {
              replace(m);
              setEditing(null);
              setSelected(m.id);
            }}
            onCancel={() => setEditing(null)}
          />
        ) : selected ? (
          <MissionFollow key={selected} socket={socket} missionId={selected} onEdit={setEditing} onChanged={replace} />
        ) : (
          <p class="muted mp-empty">{w.choose}</p>
        )}
      </div>
    </div>
  );
}
