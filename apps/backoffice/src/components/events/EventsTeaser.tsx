import type { HelperSocket } from '../../realtime/socket.ts';
import { useEvents } from '../../hooks/useEvents.ts';
import { seatsWords, whenWords } from './event-words.ts';
import { useI18n } from '../../i18n/index.tsx';

interface Props {
  socket: HelperSocket | null;
  siteId: string;
}

/** On the desk: the next two events one may join (or answered), each a line, and the way to all of them. Nothing when none. */
export function EventsTeaser({ socket, siteId }: Props) {
  const { t, f } = useI18n();
  const w = t.community.events;
  const { events, timeZone } = useEvents(socket, siteId, 'upcoming');
  const next = (events ?? []).filter((e) => e.cancelledAt === null).slice(0, 2);
  if (next.length === 0) return null;
  return (
    <section class="events-teaser" aria-labelledby="events-teaser-h">
      <header>
        <h2 id="events-teaser-h">{w.comingUp}</h2>
        <a href="/backoffice/events">{w.allEvents}</a>
      </header>
      <ul>
        {next.map((e) => (
          <li key={e.id}>
            <a href={`/backoffice/events?event=${e.id}`}>
              <strong>{e.title}</strong>
            </a>
            <span class="muted">
              {w.kind[e.kind]} · {whenWords(e, timeZone, f)}
            </span>
            <span class={e.me ? 'et-mine' : 'muted'}>
              {e.me?.state === 'going' ? w.youreGoing : e.me?.state === 'waiting' ? w.waitingListAt(e.me.position ?? 0) : seatsWords(e, t, f)}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
