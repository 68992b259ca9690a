import { useState } from 'preact/hooks';
import type { CommunityEvent, Me } from '@tribu/protocol/client';
import { EventEditor } from '../../../components/events/EventEditor.tsx';
import { EventFollow } from '../../../components/events/EventFollow.tsx';
import { seatsWords, whenWords } from '../../../components/events/event-words.ts';
import { useI18n } from '../../../i18n/index.tsx';
import { ManageShell } from '../../../components/manage/ManageShell.tsx';
import { useEvents } from '../../../hooks/useEvents.ts';
import type { HelperSocket } from '../../../realtime/socket.ts';

interface Props {
  me: Me;
  onSignedOut: () => void;
}

/** Managers: create meetups, webinars and product tests, and follow them (seats, waiting list, feedback). */
export function EventsManagePage({ me, onSignedOut }: Props) {
  const { t } = useI18n();
  return (
    <ManageShell me={me} onSignedOut={onSignedOut} title={t.community.events.title}>
      {(siteId, socket) => <Events key={siteId} siteId={siteId} socket={socket} />}
    </ManageShell>
  );
}

function Events({ siteId, socket }: { siteId: string; socket: HelperSocket | null }) {
  const { t, f } = useI18n();
  const w = t.community.events;
  const { events, timeZone, error, replace } = useEvents(socket, siteId, 'all');
  const [editing, setEditing] = useState<CommunityEvent | 'new' | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  return (
    <div class="missions-page events-manage">
      <div class="mp-list">
        <div class="mp-head">
          <h2>{w.title}</h2>
          <button type="button" class="primary small" onClick={() => setEditing('new')}>
            {w.newEvent}
          </button>
        </div>
        <p class="muted">{w.manageHint(timeZone)}</p>
        {error && <p class="alert">{error}</p>}
        {events?.length === 0 && <p class="muted">{w.noneYet}</p>}
        <ul>
          {(events ?? []).map((e) => (
            <li key={e.id}>
              <button type="button" class="mp-item" aria-current={selected === e.id ? 'true' : undefined} onClick={() => (setSelected(e.id), setEditing(null))}>
                <strong>{e.title}</strong>
                <span class="muted">
                  {w.kind[e.kind]} · {whenWords(e, timeZone, f)}
                </span>
                <span class="muted">{e.cancelledAt ? w.cancelled : seatsWords(e, t, f)}</span>
              </button>
            </li>
          ))}
        </ul>
      </div>
      <div class="mp-body">
        {editing ? (
          <EventEditor
            key={editing === 'new' ? 'new' : editing.id}
            socket={socket}
            siteId={siteId}
            timeZone={timeZone}
            editing={editing === 'new' ? null : editing}
            onSaved={(e) => {
              replace(e);
              setEditing(null);
              setSelected(e.id);
            }}
            onCancel={() => setEditing(null)}
          />
        ) : selected ? (
          <EventFollow key={selected} socket={socket} eventId={selected} onEdit={setEditing} onChanged={replace} />
        ) : (
          <p class="muted mp-empty">{w.choose}</p>
        )}
      </div>
    </div>
  );
}
