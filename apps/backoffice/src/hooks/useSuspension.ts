import { useEffect } from 'preact/hooks';
import type { HelperSocket } from '../realtime/socket.ts';

/** A manager suspended me on a site: reload, so the page is rebuilt from my remaining rights (and says why). */
export function useSuspension(socket: HelperSocket | null) {
  useEffect(() => {
    if (!socket) return;
    const on = () => location.assign('/backoffice');
    socket.on('membership:suspended', on);
    return () => void socket.off('membership:suspended', on);
  }, [socket]);
}
