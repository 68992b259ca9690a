import { useCallback, useEffect, useState } from 'preact/hooks';
import type { Peer, PresenceStatus } from '@tribu/protocol/client';
import { command, type HelperSocket } from '../realtime/socket.ts';

/** Helpers of the site online now, kept fresh: listed on (re)connect, whenever presence changes, and when the server says facts were lost. */
export function usePresence(socket: HelperSocket | null, siteId: string, online: boolean, me: string) {
  const [peers, setPeers] = useState<Peer[]>([]);
  useEffect(() => {
    if (!socket || !online) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const list = async () => {
      const r = await command(socket, 'presence:list', { siteId });
      if (r.ok) setPeers(r.data.peers);
    };
    // Bursts of changes (a busy board) cost one listing.
    const changed = (p: { siteId: string }) => {
      if (p.siteId !== siteId) return;
      clearTimeout(timer);
      timer = setTimeout(() => void list(), 250);
    };
    // Comings and goings lost while the server's Redis was down: listed again.
    const resync = () => void list();
    void list();
    socket.on('presence:changed', changed);
    socket.on('sync:needed', resync);
    return () => {
      clearTimeout(timer);
      socket.off('presence:changed', changed);
      socket.off('sync:needed', resync);
    };
  }, [socket, siteId, online]);

  const setStatus = useCallback(
    async (status: PresenceStatus) => {
      if (socket) await command(socket, 'presence:set', { status });
    },
    [socket],
  );
  const mine = peers.find((p) => p.id === me);
  return { peers, myStatus: mine?.status === 'away' ? ('away' as const) : ('available' as const), setStatus };
}
