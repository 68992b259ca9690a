import { useCallback, useEffect, useState } from 'preact/hooks';
import type { MyProfile } from '@tribu/protocol/client';
import { api } from '../api/http.ts';
import type { HelperSocket } from '../realtime/socket.ts';

/** My own profile (prefs, languages, topics, hours), refreshed when another tab changes it and every few minutes. */
export function useProfile(socket: HelperSocket | null, refreshMs = 5 * 60_000) {
  const [profile, setProfile] = useState<MyProfile | null>(null);
  const load = useCallback(() => {
    // A failed refresh keeps what we had: the desk works without it.
    api.profile().then(setProfile, () => undefined);
  }, []);
  useEffect(() => {
    load();
    const t = setInterval(load, refreshMs);
    return () => clearInterval(t);
  }, [load, refreshMs]);
  useEffect(() => {
    if (!socket) return;
    socket.on('profile:updated', load);
    return () => void socket.off('profile:updated', load);
  }, [socket, load]);
  return { profile, setProfile, reload: load };
}
