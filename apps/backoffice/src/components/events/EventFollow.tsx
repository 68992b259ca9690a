import { useCallback, useEffect, useState } from 'preact/hooks';
import type { CommunityEvent, EventDetail } from '@tribu/protocol/client';
import { command, type HelperSocket } from '../../realtime/socket.ts';
import { KIND_LABEL, audienceWords, seatsWords, whenWords } from './event-words.ts';

interface Props {
  socket: HelperSocket | null;
  eventId: string;
  onEdit: (e: CommunityEvent) => void;
  onChanged: (e: CommunityEvent) => void;
}

const dayTime = (iso: string, timeZone: string) =>
  new Intl.DateTimeFormat('en-GB', { timeZone, day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(Date.parse(iso));

/** Managers follow an event: who comes, who waits (in order), testers' feedback; edit, cancel, export. */
export function EventFollow({ socket, eventId, onEdit, onChanged }: Props) {
  const [detail, setDetail] = useState<EventDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);

  const load = useCallback(async () => {
    if (!socket) return;
    const r = await command(socket, 'event:detail', { eventId });
    if (r.ok) {
      setDetail(r.data);
      setError(null);
    } else setError(r.error.message);
  }, [socket, eventId]);
  useEffect(() => void load(), [load]);
  useEffect(() => {
    if (!socket) return;
    const onChange = (p: { eventId: string }) => p.eventId === eventId && void load();
    const onConnect = () => void load();
    socket.on('events:changed', onChange);
    socket.on('connect', onConnect);
    return () => {
      socket.off('events:changed', onChange);
      socket.off('connect', onConnect);
    };
  }, [socket, eventId, load]);

  const cancel = async () => {
    if (!socket) return;
    const r = await command(socket, 'event:cancel', { eventId });
    setConfirming(false);
    if (!r.ok) return setError(r.error.message);
    onChanged(r.data.event);
    void load();
  };

  if (!detail) return <p class="muted">{error ?? 'Loading…'}</p>;
  const { event: e, attendees, timeZone } = detail;
  const going = attendees.filter((a) => a.state === 'going');
  const waiting = attendees.filter((a) => a.state === 'waiting');
  const test = e.kind === 'product_test';
  const sent = going.filter((a) => a.feedbackAt).length;
  return (
    <section class="event-follow" aria-labelledby="ef-h">
      <div class="ef-head">
        <div>
          <p class="event-kind">
            <span class={`kind-tag ${e.kind}`}>{KIND_LABEL[e.kind]}</span>
            {e.cancelledAt && <span class="kind-tag cancelled">Cancelled</span>}
          </p>
          <h2 id="ef-h">{e.title}</h2>
          <p class="muted">
            {whenWords(e, timeZone)} ({timeZone}){e.place && ` · ${e.place}`}
          </p>
          <p class="muted">
            {seatsWords(e)} · {audienceWords(e)}
            {e.rewardBadge && ` · badge “${e.rewardBadge.name}” for feedback`}
          </p>
        </div>
        {!e.cancelledAt && (
          <div class="ef-actions">
            <button type="button" class="ghost" onClick={() => onEdit(e)}>
              Edit
            </button>
            {confirming ? (
              <>
                <button type="button" class="ghost danger" onClick={() => void cancel()}>
                  Yes, cancel it
                </button>
                <button type="button" class="link" onClick={() => setConfirming(false)}>
                  Keep it
                </button>
              </>
            ) : (
              <button type="button" class="ghost danger" onClick={() => setConfirming(true)}>
                Cancel the event
              </button>
            )}
          </div>
        )}
      </div>
      {confirming && <p class="notice">Everyone who answered ({attendees.length}) is told on their bell. This cannot be undone.</p>}
      {error && <p class="alert">{error}</p>}
      {test && (
        <div class="ef-links">
          <span>
            Feedback: {sent} of {going.length} testers
          </span>
          <a class="ghost" href={`/api/events/${e.id}/feedback.csv`} download>
            Export feedback (CSV)
          </a>
          <a class="ghost" href={`/backoffice/manage/events/${e.id}/report`}>
            Printable report
          </a>
        </div>
      )}
      <h3>Going ({going.length})</h3>
      {going.length === 0 ? (
        <p class="muted">Nobody yet.</p>
      ) : (
        <table class="ef-table">
          <thead>
            <tr>
              <th scope="col">Helper</th>
              <th scope="col">Seat since</th>
              {test && <th scope="col">Feedback</th>}
            </tr>
          </thead>
          <tbody>
            {going.map((a) => (
              <tr key={a.userId}>
                <td>{a.displayName}</td>
                <td>{dayTime(a.since, timeZone)}</td>
                {test && <td>{a.feedbackAt ? `Sent ${dayTime(a.feedbackAt, timeZone)}` : '—'}</td>}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h3>Waiting list ({waiting.length})</h3>
      {waiting.length === 0 ? (
        <p class="muted">Nobody is waiting. When someone gives up a seat, the first here gets it automatically.</p>
      ) : (
        <table class="ef-table">
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">Helper</th>
              <th scope="col">Waiting since</th>
            </tr>
          </thead>
          <tbody>
            {waiting.map((a) => (
              <tr key={a.userId}>
                <td>{a.position}</td>
                <td>{a.displayName}</td>
                <td>{dayTime(a.since, timeZone)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
