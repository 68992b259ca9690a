import type { CommunityEvent } from '@tribu/protocol/client';
import type { HelperSocket } from '../../realtime/socket.ts';
import { FeedbackForm } from './FeedbackForm.tsx';
import { audienceWords, checkInDay, seatsWords, whenWords } from './event-words.ts';
import { useI18n } from '../../i18n/index.tsx';

interface Props {
  event: CommunityEvent;
  timeZone: string;
  socket: HelperSocket | null;
  onRsvp: (response: 'join' | 'leave') => void;
  onChanged: (e: CommunityEvent) => void;
  /** Opened from a notification or a mail: shown highlighted. */
  focused?: boolean;
}

/** One event as a helper sees it: when and where, seats, and one click to come, wait or leave. */
export function EventCard({ event: e, timeZone, socket, onRsvp, onChanged, focused }: Props) {
  const { t, f } = useI18n();
  const w = t.community.events;
  const full = e.capacity !== null && e.going >= e.capacity;
  const going = e.me?.state === 'going';
  const waiting = e.me?.state === 'waiting';
  const cancelled = e.cancelledAt !== null;
  return (
    <li class={`event-card${going ? ' is-going' : ''}${cancelled ? ' is-cancelled' : ''}${focused ? ' is-focused' : ''}`} id={`event-${e.id}`}>
      <div class="event-date" aria-hidden="true">
        <span class="ed-month">{new Intl.DateTimeFormat(f.locale, { timeZone, month: 'short' }).format(Date.parse(e.startsAt))}</span>
        <span class="ed-day">{new Intl.DateTimeFormat(f.locale, { timeZone, day: 'numeric' }).format(Date.parse(e.startsAt))}</span>
      </div>
      <div class="event-main">
        <p class="event-kind">
          <span class={`kind-tag ${e.kind}`}>{w.kind[e.kind]}</span>
          {cancelled && <span class="kind-tag cancelled">{w.cancelled}</span>}
          {e.audience.kind !== 'everyone' && <span class="muted">{audienceWords(e, t, f)}</span>}
        </p>
        <h3>{e.title}</h3>
        <p class="event-when">
          {whenWords(e, timeZone, f)} <span class="muted">({timeZone})</span>
        </p>
        {e.place && <p class="event-where">{e.place}</p>}
        {e.link && (
          <p class="event-where">
            <a href={e.link} target="_blank" rel="noopener noreferrer">
              {e.link}
            </a>
          </p>
        )}
        {e.description && <p class="event-desc">{e.description}</p>}
        {going && e.kind === 'product_test' && (e.guide || e.checkIns.length > 0) && (
          <div class="event-guide">
            {e.guide && (
              <>
                <h4>{w.testersGuide}</h4>
                <p>{e.guide}</p>
              </>
            )}
            {e.checkIns.length > 0 && (
              <>
                <h4>{w.checkIns}</h4>
                <ul>
                  {e.checkIns.map((c) => (
                    <li key={c.on}>
                      <strong>{checkInDay(c.on, f)}</strong>
                      {c.label && ` — ${c.label}`}
                    </li>
                  ))}
                </ul>
              </>
            )}
          </div>
        )}
        {going && !cancelled && e.kind === 'product_test' && e.questions.length > 0 && <FeedbackForm socket={socket} event={e} onSent={onChanged} />}
      </div>
      <div class="event-side">
        <p class="event-seats muted">{seatsWords(e, t, f)}</p>
        {cancelled && <p class="event-state cancelled">{w.wasCancelled}</p>}
        {!cancelled && going && <p class="event-state going">{w.youreGoing}</p>}
        {!cancelled && waiting && <p class="event-state waiting">{e.me?.position === 1 ? w.waitingNext : w.waitingAt(e.me?.position ?? 0)}</p>}
        {!cancelled && !e.me && e.mayJoin && (
          <button
            type="button"
            class={full ? 'ghost' : 'primary small'}
            onClick={() => onRsvp('join')}
            aria-label={full ? w.joinWaitingOf(e.title) : w.illComeTo(e.title)}
          >
            {full ? w.joinWaiting : w.illCome}
          </button>
        )}
        {!cancelled && e.me && (
          <button type="button" class="link event-leave" onClick={() => onRsvp('leave')} aria-label={going ? w.cantComeTo(e.title) : w.leaveWaitingOf(e.title)}>
            {going ? w.cantCome : w.leaveWaiting}
          </button>
        )}
        {!cancelled && (
          <a class="event-ics" href={`/api/events/${e.id}/event.ics`} download>
            {w.addToCalendar}
          </a>
        )}
      </div>
    </li>
  );
}
