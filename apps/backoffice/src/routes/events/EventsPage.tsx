import { useEffect, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { hasRole } from '@tribu/domain';
import type { CommunityEvent, Me } from '@tribu/protocol/client';
import { EventCard } from '../../components/events/EventCard.tsx';
import { PageShell } from '../../components/recognition/PageShell.tsx';
import { useEvents } from '../../hooks/useEvents.ts';
import { useOwnSocket } from '../../hooks/useOwnSocket.ts';
import { useSiteChoice } from '../../hooks/useRecognition.ts';
import { useI18n } from '../../i18n/index.tsx';

interface Props {
  me: Me;
  onSignedOut: () => void;
}

/** Community → Events: meetups, webinars and product tests a helper may join, with RSVP and the waiting list. */
export function EventsPage({ me, onSignedOut }: Props) {
  const { t } = useI18n();
  const w = t.community.events;
  const { siteId, setSiteId, membership } = useSiteChoice(me);
  const { socket, link } = useOwnSocket(onSignedOut);
  const { events, timeZone, error, rsvp, replace } = useEvents(socket, siteId, 'upcoming');
  const [said, setSaid] = useState<string | null>(null);
  const { query } = useLocation();
  const focus = query.event;
  useEffect(() => {
    if (focus && events) document.getElementById(`event-${focus}`)?.scrollIntoView({ block: 'center' });
  }, [focus, events]);
  const answer = async (e: CommunityEvent, response: 'join' | 'leave') => {
    const r = await rsvp(e.id, response);
    if ('error' in r) return setSaid(r.error ?? null);
    const now = r.event.me;
    setSaid(response === 'leave' ? w.youLeft(e.title) : now?.state === 'going' ? w.goingTo(e.title) : w.fullWaiting(e.title, now?.position ?? 0));
  };
  return (
    <PageShell me={me} siteId={siteId} onSite={setSiteId} link={link} socket={socket} onSignedOut={onSignedOut} title={w.title}>
      <section class="events-hero" aria-labelledby="events-h">
        <div>
          <p class="eyebrow">{w.eyebrow}</p>
          <h1 id="events-h">{w.title}</h1>
          <p class="hero-sub">{w.heroSub(timeZone)}</p>
        </div>
        {hasRole(membership?.role, 'moderator') && (
          <a class="ghost" href="/backoffice/manage/events">
            {w.manageEvents}
          </a>
        )}
      </section>
      {error && <p class="alert">{error}</p>}
      <p role="status" class="events-said">
        {said}
      </p>
      {events?.length === 0 && <p class="muted events-empty">{w.noneComing}</p>}
      <ul class="events-list">
        {(events ?? []).map((e) => (
          <EventCard key={e.id} event={e} timeZone={timeZone} socket={socket} focused={e.id === focus} onRsvp={(r) => void answer(e, r)} onChanged={replace} />
        ))}
      </ul>
    </PageShell>
  );
}
