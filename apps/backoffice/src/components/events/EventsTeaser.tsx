import type { HelperSocket } from '../../realtime/socket.ts';
import { useEvents } from '../../hooks/useEvents.ts';
import { KIND_LABEL, seatsWords, whenWords } from './event-words.ts';

interface Props {
  socket: HelperSocket | null;
  siteId: string;
}

/** On the desk: the next two events one may join (or answered), each a line, and the way to all of them. Nothing when none. */
export function EventsTeaser({ socket, siteId }: Props) {
  const { events, timeZone } = useEvents(socket, siteId, 'upcoming');
  const next = (events ?? []).filter((e) => e.cancelledAt === null).slice(0, 2);
  if (next.length === 0) return null;
  return (
    <section class="events-teaser" aria-labelledby="events-teaser-h">
      <header>
        <h2 id="events-teaser-h">Coming up</h2>
        <a href="/backoffice/events">All events</a>
      </header>
      <ul>
        {next.map((e) => (
          <li key={e.id}>
            <a href={`/backoffice/events?event=${e.id}`}>
              <strong>{e.title}</strong>
            </a>
            <span class="muted">
              {KIND_LABEL[e.kind]} · {whenWords(e, timeZone)}
            </span>
            <span class={e.me ? 'et-mine' : 'muted'}>
              {e.me?.state === 'going' ? 'You’re going' : e.me?.state === 'waiting' ? `Waiting list #${e.me.position}` : seatsWords(e)}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
