import { useCallback, useEffect, useState } from 'preact/hooks';
import type { Mission, MissionProgressed } from '@tribu/protocol/client';
import { command, type HelperSocket } from '../realtime/socket.ts';
import { useI18n } from '../i18n/index.tsx';

/** Missions of a site, kept live: progress from `mission:progressed`, the list again on `missions:changed` and after a reconnect. */
export function useMissions(socket: HelperSocket | null, siteId: string, scope: 'open' | 'all') {
  const { t } = useI18n();
  const [missions, setMissions] = useState<Mission[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    if (!socket) return;
    const r = await command(socket, 'mission:list', { siteId, scope });
    if (r.ok) {
      setMissions(r.data.missions);
      setError(null);
    } else setError(r.error.message);
  }, [socket, siteId, scope]);

  useEffect(() => void load(), [load]);

  useEffect(() => {
    if (!socket) return;
    const onChanged = (p: { siteId: string }) => p.siteId === siteId && void load();
    const onProgress = (p: MissionProgressed) => {
      if (p.siteId !== siteId) return;
      setMissions((cur) =>
        (cur ?? []).map((m) =>
          m.id !== p.missionId
            ? m
            : {
                ...m,
                current: p.current,
                me: m.me ? { ...m.me, current: m.scope === 'community' ? m.me.current : p.current, completedAt: p.completedAt } : m.me,
              },
        ),
      );
    };
    const onConnect = () => void load();
    socket.on('missions:changed', onChanged);
    socket.on('mission:progressed', onProgress);
    socket.on('connect', onConnect);
    return () => {
      socket.off('missions:changed', onChanged);
      socket.off('mission:progressed', onProgress);
      socket.off('connect', onConnect);
    };
  }, [socket, siteId, load]);

  /** A mission as the server now sees it: in its place when listed, first when new. */
  const replace = useCallback(
    (m: Mission) => setMissions((cur) => (cur?.some((x) => x.id === m.id) ? cur.map((x) => (x.id === m.id ? m : x)) : [m, ...(cur ?? [])])),
    [],
  );

  const respond = useCallback(
    async (missionId: string, response: 'join' | 'ignore') => {
      if (!socket) return t.community.notConnected;
      const r = await command(socket, 'mission:respond', { missionId, response });
      if (!r.ok) return r.error.message;
      replace(r.data.mission);
      return null;
    },
    [socket, t],
  );
  return { missions, error, reload: load, respond, replace };
}
