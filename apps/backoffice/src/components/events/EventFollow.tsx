import { useCallback, useEffect, useState } from 'preact/hooks';
import type { CommunityEvent, EventDetail } from '@tribu/protocol/client';
import { command, type HelperSocket } from '../../realtime/socket.ts';
import { audienceWords, seatsWords, whenWords } from './event-words.ts';
import { useI18n, type Format } from '../../i18n/index.tsx';

interface Props {
  socket: HelperSocket | null;
  eventId: string;
  onEdit: (e: CommunityEvent) => void;
  onChanged: (e: CommunityEvent) => void;
}

const dayTime = (iso: string, timeZone: string, f: Format) =>
  new Intl.DateTimeFormat(f.locale, { timeZone, day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(Date.parse(iso));

/** Managers follow an event: who comes, who waits (in order), testers' feedback; edit, cancel, export. */
export function EventFollow({ socket, eventId, onEdit, onChanged }: Props) {
  const { t, f } = useI18n();
  const w = t.community.events;
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

  if (!detail) return <p class="muted">{error ?? t.common.loading}</p>;
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
            <span class={`kind-tag ${e.kind}`}>{w.kind[e.kind]}</span>
            {e.cancelledAt && <span class="kind-tag cancelled">{w.cancelled}</span>}
          </p>
          <h2 id="ef-h">{e.title}</h2>
          <p class="muted">
            {whenWords(e, timeZone, f)} ({timeZone}){e.place && ` · ${e.place}`}
          </p>
          <p class="muted">
            {seatsWords(e, t, f)} · {audienceWords(e, t, f)}
            {e.rewardBadge && ` · ${w.badgeForFeedback(e.rewardBadge.name)}`}
          </p>
        </div>
        {!e.cancelledAt && (
          <div class="ef-actions">
            <button type="button" class="ghost" onClick={() => onEdit(e)}>
              {w.edit}
            </button>
            {confirming ? (
              <>
                <button type="button" class="ghost danger" onClick={() => void cancel()}>
                  {w.yesCancel}
                </button>
                <button type="button" class="link" onClick={() => setConfirming(false)}>
                  {w.keepIt}
                </button>
              </>
            ) : (
              <button type="button" class="ghost danger" onClick={() => setConfirming(true)}>
                {w.cancelEvent}
              </button>
            )}
          </div>
        )}
      </div>
      {confirming && <p class="notice">{w.cancelWarning(attendees.length)}</p>}
      {error && <p class="alert">{error}</p>}
      {test && (
        <div class="ef-links">
          <span>{w.feedbackCount(sent, going.length)}</span>
          <a class="ghost" href={`/api/events/${e.id}/feedback.csv`} download>
            {w.exportCsv}
          </a>
          <a class="ghost" href={`/backoffice/manage/events/${e.id}/report`}>
            {w.printableReport}
          </a>
        </div>
      )}
      <h3>{w.goingHeading(going.length)}</h3>
      {going.length === 0 ? (
        <p class="muted">{w.nobodyYet}</p>
      ) : (
        <table class="ef-table">
          <thead>
            <tr>
              <th scope="col">{w.helper}</th>
              <th scope="col">{w.seatSince}</th>
              {test && <th scope="col">{w.feedback}</th>}
            </tr>
          </thead>
          <tbody>
            {going.map((a) => (
              <tr key={a.userId}>
                <td>{a.displayName}</td>
                <td>{dayTime(a.since, timeZone, f)}</td>
                {test && <td>{a.feedbackAt ? w.sentAt(dayTime(a.feedbackAt, timeZone, f)) : '—'}</td>}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h3>{w.waitingHeading(waiting.length)}</h3>
      {waiting.length === 0 ? (
        <p class="muted">{w.nobodyWaiting}</p>
      ) : (
        <table class="ef-table">
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">{w.helper}</th>
              <th scope="col">{w.waitingSince}</th>
            </tr>
          </thead>
          <tbody>
            {waiting.map((a) => (
              <tr key={a.userId}>
                <td>{a.position}</td>
                <td>{a.displayName}</td>
                <td>{dayTime(a.since, timeZone, f)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
