import { useCallback, useEffect, useState } from 'preact/hooks';
import type { CommunityEvent } from '@tribu/protocol/client';
import { command, type HelperSocket } from '../realtime/socket.ts';
import { useI18n } from '../i18n/index.tsx';

/** A site's events, kept live: listed again on `events:changed` (a seat taken or freed anywhere) and after a reconnect. */
export function useEvents(socket: HelperSocket | null, siteId: string, scope: 'upcoming' | 'all') {
  const { t } = useI18n();
  const [events, setEvents] = useState<CommunityEvent[] | null>(null);
  const [timeZone, setTimeZone] = useState('UTC');
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    if (!socket) return;
    const r = await command(socket, 'event:list', { siteId, scope });
    if (r.ok) {
      setEvents(r.data.events);
      setTimeZone(r.data.timeZone);
      setError(null);
    } else setError(r.error.message);
  }, [socket, siteId, scope]);

  useEffect(() => void load(), [load]);

  useEffect(() => {
    if (!socket) return;
    const onChanged = (p: { siteId: string }) => p.siteId === siteId && void load();
    const onConnect = () => void load();
    socket.on('events:changed', onChanged);
    socket.on('connect', onConnect);
    return () => {
      socket.off('events:changed', onChanged);
      socket.off('connect', onConnect);
    };
  }, [socket, siteId, load]);

  /** An event as the server now sees it: in its place when listed, first when new. */
  const replace = useCallback(
    (e: CommunityEvent) => setEvents((cur) => (cur?.some((x) => x.id === e.id) ? cur.map((x) => (x.id === e.id ? e : x)) : [e, ...(cur ?? [])])),
    [],
  );

  const rsvp = useCallback(
    async (eventId: string, response: 'join' | 'leave') => {
      if (!socket) return { error: t.community.notConnected };
      const r = await command(socket, 'event:rsvp', { eventId, response });
      if (!r.ok) return { error: r.error.message };
      replace(r.data.event);
      return { event: r.data.event };
    },
    [socket, replace, t],
  );
  return { events, timeZone, error, reload: load, rsvp, replace };
}
