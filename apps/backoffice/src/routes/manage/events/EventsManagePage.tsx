import { useState } from 'preact/hooks';
import type { CommunityEvent, Me } from '@tribu/protocol/client';
import { EventEditor } from '../../../components/events/EventEditor.tsx';
import { EventFollow } from '../../../components/events/EventFollow.tsx';
import { KIND_LABEL, seatsWords, whenWords } from '../../../components/events/event-words.ts';
import { ManageShell } from '../../../components/manage/ManageShell.tsx';
import { useEvents } from '../../../hooks/useEvents.ts';
import type { HelperSocket } from '../../../realtime/socket.ts';

interface Props {
  me: Me;
  onSignedOut: () => void;
}

/** Managers: create meetups, webinars and product tests, and follow them (seats, waiting list, feedback). */
export function EventsManagePage({ me, onSignedOut }: Props) {
  return (
    <ManageShell me={me} onSignedOut={onSignedOut} title="Events">
      {(siteId, socket) => <Events key={siteId} siteId={siteId} socket={socket} />}
    </ManageShell>
  );
}

function Events({ siteId, socket }: { siteId: string; socket: HelperSocket | null }) {
  const { events, timeZone, error, replace } = useEvents(socket, siteId, 'all');
  const [editing, setEditing] = useState<CommunityEvent | 'new' | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  return (
    <div class="missions-page events-manage">
      <div class="mp-list">
        <div class="mp-head">
          <h2>Events</h2>
          <button type="button" class="primary small" onClick={() => setEditing('new')}>
            New event
          </button>
        </div>
        <p class="muted">Helpers who may join see events under Events and answer in one click. Times in {timeZone}.</p>
        {error && <p class="alert">{error}</p>}
        {events?.length === 0 && <p class="muted">No events yet.</p>}
        <ul>
          {(events ?? []).map((e) => (
            <li key={e.id}>
              <button type="button" class="mp-item" aria-current={selected === e.id ? 'true' : undefined} onClick={() => (setSelected(e.id), setEditing(null))}>
                <strong>{e.title}</strong>
                <span class="muted">
                  {KIND_LABEL[e.kind]} · {whenWords(e, timeZone)}
                </span>
                <span class="muted">{e.cancelledAt ? 'Cancelled' : seatsWords(e)}</span>
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
          <p class="muted mp-empty">Choose an event to follow it, or create one.</p>
        )}
      </div>
    </div>
  );
}
